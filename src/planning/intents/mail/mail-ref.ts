import type { DateTime } from 'luxon';
import { MAIL_NOUN, parseMailFilter, type MailFilter } from '../../extract/mail-filter';
import { ok, type Result } from '../../result';
import { Phrase } from '../../text/phrase';

/**
 * A reference to mail as people make it after a verb: "Dana's latest mail", "the latest email
 * from Raj about SSO", "megans email about the campaign brief", "the Fabrikam invoice email",
 * or just the sender ("reply to dana"). Undefined when the words do not point at mail.
 */
export function mailRef(text: string, now: DateTime): Result<MailFilter> | undefined {
  const said = text
    .trim()
    .replace(/^(?:to|on)\s+/i, '')
    .replace(/[?.!]+$/, '');
  if (said === '' || CHAT_MESSAGE.test(said)) return undefined;
  if (MAIL_NOUN.test(said.toLowerCase()) || /\b(?:latest|last|newest)$/i.test(said)) {
    const filter = parseMailFilter(new Phrase(said), now);
    if (!filter.ok) return filter;
    const f = filter.value;
    if (!f.from && !f.subject && !f.query && !f.unread && !f.range && f.top === undefined) return undefined;
    return filter;
  }
  // "reply to dana", "answer Lena Okafor": a sender, named and nothing else.
  if (SENDER_ONLY.test(said) && !NOT_A_NAME.test(said)) return ok({ from: said, unread: false });
  return undefined;
}

/** "the last message in Announcements", "Megan's message on Teams": a post or chat, not mail. */
const CHAT_MESSAGE =
  /\be-?mail\s+address|\bmessages?\b.*\b(?:in|on|from)\s+(?:#|the\s+\w+\s+channel|teams\b|chat\b|[A-Z])|\b(?:post|channel|chat|thread)\b/;

/** One to three name-like words (or an address). */
const SENDER_ONLY = /^(?:[\p{L}][\p{L}.'-]*(?:\s+[\p{L}][\p{L}.'-]*){0,2}|[^\s@]+@[^\s@]+\.[^\s@]+)$/u;
/** Words that are not someone to hear from. */
const NOT_A_NAME =
  /\b(?:it|them|this|that|the|a|an|all|everyone|meeting|invite|event|post|channel|thread|chat|file|document|task|message)\b/i;

/** Mail that is one message: the newest that matches ("Dana's email" means her latest). */
export function oneMessage(filter: MailFilter): MailFilter {
  return { ...filter, top: 1 };
}

/** "the latest mail from Dana about the invoice" for titles. */
export function latestFrom(filter: MailFilter): string {
  const from = filter.from ? ` from ${filter.from}` : '';
  return `the latest mail${from}${filter.topic ? ` about ${filter.topic}` : filter.subject ? ` "${filter.subject}"` : ''}`;
}
