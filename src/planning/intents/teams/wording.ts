import { clip } from '../../text/clip';

/** A message text as typed: surrounding quotes (straight or curly) and a trailing space removed. */
export function unquote(text: string): string {
  const t = text.trim();
  const quoted = /^(["“”'‘’])([\s\S]*)(["“”'‘’])$/.exec(t);
  return (quoted ? (quoted[2] ?? '') : t).trim();
}

/** Words that name where mail, files or events live: "what's new in my inbox" is not a channel. */
export const NOT_A_CHANNEL =
  /\b(?:inbox|e-?mails?|mail(?:box)?|calendar|agenda|drive|files?|onedrive|tasks?|planner|to-?do)\b/i;

/** A short quote of a message for a plan title. */
export function quoteOf(text: string): string {
  return `"${clip(text, 60)}"`;
}

export const CHAT_SELF = "You can't send a Teams chat message to yourself. Who should get it?";
export const MENTION_OUTSIDE = (name: string): string =>
  `I can only @mention people in your organisation's directory, and ${name} isn't one of them.`;
export const NO_TEXT = 'What should the message say? For example: "message Megan on Teams: the deck is ready".';
