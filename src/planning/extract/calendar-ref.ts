import { DateTime } from 'luxon';
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
  /** "the 3pm tomorrow": the meeting starts at this instant (UTC ISO); the time is not a subject word. */
  readonly startsAt?: string;
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
/**
 * A clock time after "the" / "my" names a meeting by when it starts: "the 3pm", "my 2:30",
 * "the 10am tomorrow", "the 9:30 one", "the 3 o'clock". Without am/pm, 1–7 is the afternoon (a working day).
 */
const STARTING =
  /\b(?:the|my|our|that)\s+(\d{1,2})(?:(?::|\.)(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|o'?\s?clock)?(?=\s|$|[,;])(?:\s+(?:one|meeting|call|slot|appointment)\b)?/;
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
  const starting = phrase.find(STARTING);
  const clock = starting ? clockOf(starting.groups) : undefined;
  if (starting && clock) phrase = phrase.mask(starting.start, starting.end);
  const when = findWhen(phrase);
  let range: CalendarRange | undefined;
  if (when) {
    range = calendarRange(when.when, now);
    if (!range) return undefined;
    phrase = phrase.mask(when.start, when.end);
  }
  const startsAt = clock ? startInstant(clock, range, now) : undefined;
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
  if (!subject && names.length === 0 && !startsAt) return undefined;
  const who = names.length > 0 ? ` with ${names.join(' and ')}` : '';
  const at = startsAt ? ` at ${clockLabel(clock)}` : '';
  const label = subject && subject !== '1:1' && !who && !at ? `"${subject}"` : `the ${subject ?? 'meeting'}${who}${at}`;
  return {
    ...(subject ? { subject } : {}),
    ...(startsAt ? { startsAt: startsAt.instant } : {}),
    names,
    range: range ?? startsAt?.day ?? comingWeeks(now),
    dated: range !== undefined || startsAt !== undefined,
    label,
  };
}

interface Clock {
  readonly hour: number;
  readonly minute: number;
}

/** "3", "pm" → 15:00; "2", "30" → 14:30; a bare "10" or "12" with nothing after is not a time. */
function clockOf(groups: readonly (string | undefined)[]): Clock | undefined {
  const [, h, m, meridiem] = groups;
  const hour = Number(h);
  const minute = Number(m ?? 0);
  if (!meridiem && m === undefined) return undefined;
  if (meridiem?.startsWith('o') && hour > 12) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  const pm = meridiem?.startsWith('p');
  if (meridiem && !meridiem.startsWith('o')) {
    if (hour < 1 || hour > 12) return undefined;
    return { hour: (hour % 12) + (pm ? 12 : 0), minute };
  }
  return { hour: hour >= 1 && hour <= 7 ? hour + 12 : hour, minute };
}

function clockLabel(clock: Clock | undefined): string {
  return clock ? `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}` : '';
}

/**
 * The instant a meeting named by its start time begins: on the day named, else today when that
 * time is still ahead, else tomorrow. The day is also where to look.
 */
function startInstant(
  clock: Clock,
  range: CalendarRange | undefined,
  now: DateTime,
): { instant: string; day: CalendarRange } | undefined {
  const zone = now.zone;
  let day = range ? DateTime.fromISO(range.start, { zone }).startOf('day') : now.startOf('day');
  let start = day.set({ hour: clock.hour, minute: clock.minute });
  if (!range && start <= now) {
    day = day.plus({ days: 1 });
    start = day.set({ hour: clock.hour, minute: clock.minute });
  }
  if (!start.isValid) return undefined;
  const utc = (dt: DateTime): string => dt.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
  return {
    instant: utc(start),
    day: {
      start: utc(day),
      end: utc(day.plus({ days: 1 })),
      label: range?.label ?? (day.hasSame(now, 'day') ? 'today' : 'tomorrow'),
    },
  };
}
