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
  /** "with attachments" → true, "without attachments" → false. */
  readonly hasAttachments?: boolean;
}

/** Nouns that mean "mail". */
export const MAIL_NOUN = /\b(?:e-?mails?|mails?|messages?|inbox|mailbox|correspondence)\b/;

const UNREAD = /\bunread\b|\b(?:new|unopened)(?=\s+(?:e-?mails?|mails?|messages?)\b)/;
const NOT_YET_READ =
  /\b(?:that\s+|which\s+)?i\s+(?:haven't|have\s+not|didn't|did\s+not)\s+(?:read|open(?:ed)?)(?:\s+yet)?\b/;
const TOP =
  /\b(?:last|latest|most\s+recent|recent|top|first)\s+(\d{1,3})\s+(?:(?:unread|new)\s+)?(?:e-?mails?|mails?|messages?)\b/;
/** "the latest mail", "Raj's last email", "isaiah's latest": one message, the newest. */
const ONE_LATEST =
  /\b(?:latest|last|most\s+recent|newest)(?:\s+(?:[\w-]+\s+){0,3}?(?:e-?mail|mail|message|note)\b(?!s)|\s*$)/;
const SUBJECT = /\b(?:with\s+(?:the\s+|a\s+)?subject(?:\s+line)?|subject(?:\s+line)?|titled|entitled|called)\s*:?\s*/;
const FROM = /\bfrom\s+/;
const TOPIC =
  /\b(?:about|regarding|concerning|re:|re|on\s+the\s+(?:topic|subject)\s+of|mentioning|containing|that\s+mentions?|with\s+the|on)\s+/;
const STOP = new RegExp(
  [SUBJECT.source, FROM.source, TOPIC.source, '\\b(?:that|which|sent|received|for|in\\s+(?:my|the|our))\\b'].join('|'),
);

/** "Dana's latest mail", "tom becker's email", "Raj's SSO questions email", "isaiah's latest". */
const POSSESSIVE_SENDER =
  /(?:^|\s)([a-z][\w.&@-]*(?:\s+[a-z][\w.&-]*)?)(?:'s|')\s+(?=(?:[\w-]+\s+){0,3}(?:e-?mails?|mails?|messages?|latest|last|newest|most\s+recent)\b|(?:latest|last|newest)$)/;
/** "megans email" (no apostrophe, as typed in chat): a name right before the mail noun. */
const BARE_POSSESSIVE = /(?:^|\s)([a-z]{3,})s\s+(?=(?:latest\s+|last\s+)?(?:e-?mails?|mails?)\b)/;
/** Possessives that are not people: "his last email", "today's mail", "everyone's mail". */
const NOT_A_PERSON = new Set([
  'his',
  'her',
  'their',
  'its',
  'today',
  'yesterday',
  'tomorrow',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'anyone',
  'nobody',
  'week',
  'month',
  'year',
  'day',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'weekend',
  'morning',
  'afternoon',
  'evening',
  'night',
]);
/** Words ending in s that are not a possessive without its apostrophe ("sales emails", "news mail"). */
const NOT_BARE_POSSESSIVE =
  /^(?:thi|hi|it|u|ye|our|your|their|her|new|sale|statu|busines|clas|acces|addres|proces|seri|bu|pres|plu|bonu|campu|focu|virus|bia|gas|lea|minu|yes|thank|other|all|oper|hr)$/;
const ATTACHMENTS =
  /\b(with(?:out)?|has|having|that\s+(?:have|has))\s+(?:an?\s+|any\s+|the\s+)?(?:attachments?|attached\s+files?|files?\s+attached)\b/;
/** Words before a mail noun that describe the mail rather than name its sender ("important emails"). */
const NOT_A_COMPANY = new Set([
  'important',
  'urgent',
  'work',
  'old',
  'older',
  'long',
  'short',
  'personal',
  'internal',
  'external',
  'spam',
  'junk',
  'sent',
  'these',
  'those',
  'other',
  'flagged',
  'starred',
  'read',
  'every',
  'some',
  'many',
  'more',
  'most',
  'few',
  'each',
  'both',
  'this',
  'that',
  'his',
  'her',
  'their',
  'same',
  'whole',
  'entire',
  'email',
  'e-mail',
  'mail',
  'customer',
  'client',
  'team',
  'marketing',
  'sales',
  'support',
  'weekly',
  'daily',
  'monthly',
  'today',
  'todays',
  "today's",
  'yesterdays',
  "yesterday's",
  'and',
  'or',
  'to',
  'with',
  'about',
  'me',
  'summary',
  'digest',
  'recap',
  'round-up',
  'roundup',
  'a',
  'an',
]);

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
  const attachmentsHit = phrase.find(ATTACHMENTS);
  const hasAttachments = attachmentsHit ? !attachmentsHit.groups[1]?.startsWith('without') : undefined;
  if (attachmentsHit) phrase = phrase.mask(attachmentsHit.start, attachmentsHit.end);
  const owner = possessiveSender(phrase);
  if (owner) phrase = phrase.mask(owner.start, owner.end);
  const topHit = phrase.find(TOP);
  const top = topHit ? Math.min(50, Math.max(1, Number(topHit.groups[1]))) : phrase.find(ONE_LATEST) ? 1 : undefined;

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
  const named = from ?? owner?.name ?? capitalisedSender(phrase);
  // "Raj's SSO questions email": the words between the owner and the noun say what it is about.
  const about = owner && !topic ? wordsBeforeNoun(phrase) : undefined;
  const lower = named || owner ? undefined : lowerCaseSender(phrase);
  const sender = named ?? lower?.sender;
  const said = topic ?? about ?? lower?.about;
  const query = said?.replace(ARTICLES, '').replace(/^["']|["']$/g, '') || undefined;

  return ok({
    unread,
    ...(sender ? { from: sender } : {}),
    ...(subject ? { subject } : {}),
    ...(query ? { query, topic: said ?? query } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(range ? { range } : {}),
    ...(hasAttachments !== undefined ? { hasAttachments } : {}),
  });
}

/** "Dana's latest mail" → Dana, where it was said (masked by the caller). */
function possessiveSender(phrase: Phrase): { name: string; start: number; end: number } | undefined {
  const hit = phrase.find(POSSESSIVE_SENDER);
  if (hit) {
    const name = (hit.raw(1) ?? '').trim();
    const words = name.toLowerCase().split(/\s+/);
    const last = words.at(-1) ?? '';
    if (!NOT_A_PERSON.has(last) && !NOT_A_SENDER.has(words[0] ?? '') && !NOT_A_SENDER.has(last))
      return { name: name.replace(/^(?:the|my|our)\s+/i, ''), start: hit.start, end: hit.end };
  }
  const bare = phrase.find(BARE_POSSESSIVE);
  const stem = bare?.groups[1] ?? '';
  // Typed in lower case ("megans email"); "Fabrikam Orders email" is a name.
  if (
    !bare ||
    /^[A-Z]/.test(bare.raw(1) ?? '') ||
    NOT_BARE_POSSESSIVE.test(stem) ||
    NOT_A_SENDER.has(stem) ||
    NOT_A_PERSON.has(stem)
  )
    return undefined;
  return { name: bare.raw(1) ?? stem, start: bare.start, end: bare.end };
}

/** The words right before the mail noun, less "latest", "unread" and the like ("SSO questions"). */
function wordsBeforeNoun(phrase: Phrase): string | undefined {
  const hit = phrase.find(CAPITALISED_SENDER);
  const words = (hit?.raw(1) ?? '').trim().split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !NOT_A_SENDER.has(w.toLowerCase()) && !NOT_A_COMPANY.has(w.toLowerCase()));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/**
 * "contoso emails", "the fabrikam invoice mail" as typed in chat, in lower case: the first word
 * before the mail noun names the sender (unless it describes the mail: "important emails"), the
 * words after it what the mail is about.
 */
function lowerCaseSender(phrase: Phrase): { sender: string; about?: string } | undefined {
  const hit = phrase.find(CAPITALISED_SENDER);
  const words = (hit?.raw(1) ?? '').trim().split(/\s+/).filter(Boolean);
  while (words.length > 0 && NOT_A_SENDER.has((words[0] ?? '').toLowerCase())) words.shift();
  const [first, ...rest] = words;
  if (!first || NOT_A_COMPANY.has(first.toLowerCase()) || !/^[a-z][\w&-]*$/i.test(first)) return undefined;
  if (words.some((word) => NOT_A_SENDER.has(word.toLowerCase()) || NOT_A_COMPANY.has(word.toLowerCase())))
    return undefined;
  return { sender: first, ...(rest.length > 0 ? { about: rest.join(' ') } : {}) };
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
