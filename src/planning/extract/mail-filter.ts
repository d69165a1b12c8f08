import type { DateTime } from 'luxon';
import { ok, type Result } from '../result';
import type { Phrase } from '../text/phrase';
import { mailRange, type MailRange } from './mail-range';
import { findWhen, type WhenHit } from './when';

/** Which mail to read, as the requester described it. */
export interface MailFilter {
  /** Sender name, company or address fragment ("Contoso", "dana@contoso.com"). */
  readonly from?: string;
  readonly subject?: string;
  /** Free words to search for ("budget"). */
  readonly query?: string;
  /** The topic as said, for descriptions ("the budget"). */
  readonly topic?: string;
  readonly unread: boolean;
  readonly top?: number;
  readonly range?: MailRange;
}

/** Nouns that mean "mail". */
export const MAIL_NOUN = /\b(?:e-?mails?|mails?|messages?|inbox|mailbox|correspondence)\b/;

const UNREAD = /\bunread\b|\b(?:new|unopened)(?=\s+(?:e-?mails?|mails?|messages?)\b)/;
const NOT_YET_READ =
  /\b(?:that\s+|which\s+)?i\s+(?:haven't|have\s+not|didn't|did\s+not)\s+(?:read|open(?:ed)?)(?:\s+yet)?\b/;
const TOP =
  /\b(?:last|latest|most\s+recent|recent|top|first)\s+(\d{1,3})\s+(?:(?:unread|new)\s+)?(?:e-?mails?|mails?|messages?)\b/;
const SUBJECT = /\b(?:with\s+(?:the\s+|a\s+)?subject(?:\s+line)?|subject(?:\s+line)?|titled|entitled|called)\s*:?\s*/;
const FROM = /\bfrom\s+/;
const TOPIC =
  /\b(?:about|regarding|concerning|re:|re|on\s+the\s+(?:topic|subject)\s+of|mentioning|containing|that\s+mentions?|on)\s+/;
const STOP = new RegExp(
  [SUBJECT.source, FROM.source, TOPIC.source, '\\b(?:that|which|sent|received|for|in\\s+(?:my|the|our))\\b'].join('|'),
);

const SENDER_NOISE = /^(?:the|my|our)\s+|(?:'s|\s+(?:team|folks|people|guys|account))$/gi;
const ARTICLES = /^(?:the|a|an|our|my|this|that)\s+/i;
const QUOTED = /^"([^"]+)"|^'([^']+)'/;
const CAPITALISED_SENDER = /\b((?:[a-z0-9][\w&.'-]*\s+){1,3})(?=(?:e-?mails?|mails?|messages?)\b)/;
const NOT_A_SENDER = new Set([
  'my',
  'the',
  'all',
  'any',
  'unread',
  'new',
  'recent',
  'latest',
  'last',
  'your',
  'our',
  'of',
  'i',
]);

/**
 * Read a mail filter out of a phrase describing mail ("my unread mail from Contoso about the
 * budget this week"): sender, subject, free words, unread, how many and when. Parts already
 * understood are masked as they are read, so "from last week" is a period, not a sender.
 */
export function parseMailFilter(input: Phrase, now: DateTime, preset?: WhenHit): Result<MailFilter> {
  let phrase = input;
  let range: MailRange | undefined;
  const when = preset ?? findWhen(phrase);
  if (when) {
    const found = mailRange(when, now);
    if (!found.ok) return found;
    range = found.value;
    phrase = phrase.mask(when.start, when.end);
  }
  const notYetRead = phrase.find(NOT_YET_READ);
  if (notYetRead) phrase = phrase.mask(notYetRead.start, notYetRead.end);
  const unread = notYetRead !== undefined || phrase.find(UNREAD) !== undefined;
  const topHit = phrase.find(TOP);
  const top = topHit ? Math.min(50, Math.max(1, Number(topHit.groups[1]))) : undefined;

  const take = (marker: RegExp): string | undefined => {
    const hit = phrase.find(marker);
    if (!hit) return undefined;
    const quoted = QUOTED.exec(phrase.text.slice(hit.end));
    const part = quoted
      ? { text: quoted[1] ?? quoted[2] ?? '', end: hit.end + quoted[0].length }
      : phrase.segment(hit.end, STOP);
    phrase = phrase.mask(hit.start, Math.max(part.end, hit.end));
    return part.text.length > 0 ? part.text : undefined;
  };
  const subject = take(SUBJECT);
  const from = take(FROM)?.replace(SENDER_NOISE, '').trim() || undefined;
  const topic = take(TOPIC);
  const sender = from ?? capitalisedSender(phrase);
  const query = topic?.replace(ARTICLES, '').replace(/^["']|["']$/g, '') || undefined;

  return ok({
    unread,
    ...(sender ? { from: sender } : {}),
    ...(subject ? { subject } : {}),
    ...(query ? { query, topic: topic ?? query } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(range ? { range } : {}),
  });
}

/** "Contoso mail", "unread Fabrikam emails": a capitalised name right before the mail noun. */
function capitalisedSender(phrase: Phrase): string | undefined {
  const hit = phrase.find(CAPITALISED_SENDER);
  const words = (hit?.raw(1) ?? '').trim().split(/\s+/).filter(Boolean);
  while (words.length > 0 && NOT_A_SENDER.has((words[0] ?? '').toLowerCase())) words.shift();
  if (words.length === 0 || !words.every((word) => /^[A-Z]/.test(word))) return undefined;
  if (words.some((word) => NOT_A_SENDER.has(word.toLowerCase()))) return undefined;
  return words.join(' ');
}
