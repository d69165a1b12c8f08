import type { DateTime } from 'luxon';
import { Phrase } from '../text/phrase';
import { calendarRange, comingWeeks, type CalendarRange } from './calendar-range';
import { isSelf, splitNames } from './people';
import { findWhen } from './when';

/** Which meeting a request points at: words of its subject, people in it, and where to look. */
export interface MeetingRef {
  readonly subject?: string;
  readonly names: readonly string[];
  readonly range: CalendarRange;
  /** True when a day or week was named (otherwise the coming weeks are searched). */
  readonly dated: boolean;
  /** How to name it in a title: `"Brand refresh kickoff"`, `the 1:1 with Megan`. */
  readonly label: string;
}

/** Words that say the thing is not a meeting, so another domain's intent can have the clause. */
export const NOT_A_MEETING =
  /\b(?:files?|folders?|documents?|docs?|docx|xlsx|pdf|spreadsheets?|tasks?|to-?dos?|buckets?|cards?|e-?mails?|mails?|messages?|channels?|chats?|posts?|orders?|subscriptions?|due\s+dates?)\b/;

const QUOTED = /["“]([^"”]{2,120})["”]/;
const PEOPLE = /\b(?:with|from)\s+/;
const PEOPLE_STOP = /\b(?:on|at|about|next|this|tomorrow|today|meeting|invitation|invite|call)\b|[,;]/;
const LEADING = /^(?:(?:my|the|our|this|that|a|an|upcoming|next)\s+)+/i;
const NOUN = /\s*\b(?:meeting|invitation|invite|event|appointment|call|catch-?up)s?$/i;
const ABOUT = /^(?:meeting|invitation|invite|event|call)\s+(?:about|called|named|titled|for|on)\s+/i;
const ONE_ON_ONE = /\b(?:one[- ]on[- ]one|1[- ]on[- ]1|1-1|1:1)\b/i;
const GENERIC = /^(?:meeting|invitation|invite|event|appointment|call|one)?$/i;

/** The subject words as typed, tidied: "the Brand refresh kickoff meeting" → "Brand refresh kickoff". */
function subjectOf(text: string): string | undefined {
  let subject = text.replace(/\s+/g, ' ').trim().replace(LEADING, '').replace(ABOUT, '');
  subject = subject.replace(NOUN, '').replace(LEADING, '').trim();
  if (ONE_ON_ONE.test(subject)) return '1:1';
  return GENERIC.test(subject) ? undefined : subject;
}

/**
 * Read "my 1:1 with Megan", "the Brand refresh kickoff meeting on Thursday", "the "Q3 review""
 * or "the invitation from Lynne". Undefined when nothing identifies a meeting (neither subject
 * words nor people), or when the words name something else (a file, a task, a mail).
 */
export function parseMeetingRef(text: string, now: DateTime): MeetingRef | undefined {
  let phrase = new Phrase(text);
  if (phrase.find(NOT_A_MEETING)) return undefined;
  const quoted = phrase.find(QUOTED);
  if (quoted) phrase = phrase.mask(quoted.start, quoted.end);
  const when = findWhen(phrase);
  let range: CalendarRange | undefined;
  if (when) {
    range = calendarRange(when.when, now);
    if (!range) return undefined;
    phrase = phrase.mask(when.start, when.end);
  }
  let names: string[] = [];
  const people = phrase.find(PEOPLE);
  if (people) {
    const list = phrase.segment(people.end, PEOPLE_STOP);
    names = splitNames(list.text).filter((name) => !isSelf(name));
    phrase = phrase.mask(people.start, list.end);
  }
  const rest = phrase.text
    .split('\u0000')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(' ');
  const subject = quoted?.raw(1)?.trim() ?? subjectOf(rest);
  if (!subject && names.length === 0) return undefined;
  const who = names.length > 0 ? ` with ${names.join(' and ')}` : '';
  const label = subject && subject !== '1:1' && !who ? `"${subject}"` : `the ${subject ?? 'meeting'}${who}`;
  return {
    ...(subject ? { subject } : {}),
    names,
    range: range ?? comingWeeks(now),
    dated: range !== undefined,
    label,
  };
}
