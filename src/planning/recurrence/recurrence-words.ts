import { DateTime } from 'luxon';
import type { Recurrence } from '../../engine/schedule-model';

/**
 * Recurrence words in a request ("every Monday at 9am", "each weekday at 8:30", "on the first of
 * every month", "daily at 5pm", "every other Friday") turned into an RFC 5545 rule. The words are
 * taken out of the request; the rest is planned as usual, at every run.
 */
export interface FoundRecurrence {
  readonly recurrence: Recurrence;
  /** The request without the recurrence words, e.g. "email Megan a summary of last week's mail". */
  readonly rest: string;
  /** The words that were taken out, as typed. */
  readonly phrase: string;
}

const DAYS: Record<string, string> = {
  mon: 'MO',
  monday: 'MO',
  tue: 'TU',
  tues: 'TU',
  tuesday: 'TU',
  wed: 'WE',
  wednesday: 'WE',
  thu: 'TH',
  thur: 'TH',
  thurs: 'TH',
  thursday: 'TH',
  fri: 'FR',
  friday: 'FR',
  sat: 'SA',
  saturday: 'SA',
  sun: 'SU',
  sunday: 'SU',
};
const DAY = '(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?';
const DAY_LIST = `${DAY}(?:\\s*(?:,|and|&)\\s*${DAY})*`;
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  tenth: 10,
  fifteenth: 15,
  twentieth: 20,
  last: -1,
};
const MONTH_DAY =
  '(?:(\\d{1,2})(?:st|nd|rd|th)?|first|second|third|fourth|fifth|tenth|fifteenth|twentieth|last(?: day)?)';
const TIME = '(?:at\\s+)?(?:(noon|midday)|(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?)';

interface Shape {
  readonly re: RegExp;
  readonly rule: (m: RegExpMatchArray) => string | undefined;
}

const every = '(?:every|each)';

/** Recurrence shapes, most specific first. Group names differ per shape; `rule` reads them. */
const SHAPES: readonly Shape[] = [
  {
    re: new RegExp(`\\b${every}\\s+(?:week\\s*day|weekday)s?\\b|\\b(?:on\\s+)?weekdays\\b`, 'i'),
    rule: () => 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  },
  {
    re: new RegExp(`\\b${every}\\s+(other|second|2nd)\\s+(${DAY_LIST})\\b`, 'i'),
    rule: (m) => `FREQ=WEEKLY;INTERVAL=2;BYDAY=${days(m[2] ?? '')}`,
  },
  {
    re: new RegExp(`\\b(?:${every}\\s+|on\\s+)(${DAY_LIST})\\b`, 'i'),
    rule: (m) => {
      // "on Monday" alone is one day, not a recurrence: only a plural ("on Mondays") recurs.
      if (/^on\b/i.test(m[0]) && !/s\b/i.test(m[1] ?? '')) return undefined;
      return `FREQ=WEEKLY;BYDAY=${days(m[1] ?? '')}`;
    },
  },
  {
    re: new RegExp(
      `\\b(?:on\\s+)?the\\s+${MONTH_DAY}\\s+(?:day\\s+)?of\\s+(?:every|each)\\s+month\\b|\\b(?:${every}\\s+month|monthly)\\s+on\\s+the\\s+${MONTH_DAY}\\b`,
      'i',
    ),
    rule: (m) => {
      const word = (m[0].match(new RegExp(`the\\s+${MONTH_DAY}`, 'i'))?.[0] ?? '').replace(/^the\s+/i, '');
      const n = /^\d/.test(word) ? parseInt(word, 10) : ORDINALS[word.split(' ')[0]?.toLowerCase() ?? ''];
      if (n === undefined || n === 0 || n > 31) return undefined;
      return `FREQ=MONTHLY;BYMONTHDAY=${n}`;
    },
  },
  { re: new RegExp(`\\b${every}\\s+month\\b(?!['’])|\\bmonthly\\b`, 'i'), rule: () => 'FREQ=MONTHLY;BYMONTHDAY=1' },
  {
    re: new RegExp(`\\b${every}\\s+(?:day|morning|evening)\\b(?!['’])|\\bdaily\\b`, 'i'),
    rule: () => 'FREQ=DAILY',
  },
  { re: new RegExp(`\\b${every}\\s+week\\b(?!['’])|\\bweekly\\b`, 'i'), rule: () => 'FREQ=WEEKLY' },
];

function days(list: string): string {
  const found = list
    .toLowerCase()
    .split(/\s*(?:,|and|&)\s*/)
    .map((d) => DAYS[d.trim().replace(/s$/, '')] ?? DAYS[d.trim()])
    .filter((d): d is string => d !== undefined);
  return [...new Set(found)].join(',');
}

/** The time of day next to the recurrence words, if any: hour and minute, and where it was. */
function timeNear(
  text: string,
  start: number,
  end: number,
): { hour: number; minute: number; from: number; to: number } | undefined {
  const after = new RegExp(`^\\s*,?\\s*${TIME}\\b`, 'i').exec(text.slice(end));
  const before = new RegExp(`${TIME}\\s*,?\\s*$`, 'i').exec(text.slice(0, start));
  const pick = (m: RegExpExecArray, from: number): ReturnType<typeof timeNear> => {
    // A bare number without "at" or am/pm is not a time ("every Monday 3 reports").
    if (!m[1] && !m[4] && !/\bat\b/i.test(m[0])) return undefined;
    if (m[1]) return { hour: 12, minute: 0, from, to: from + m[0].length };
    let hour = parseInt(m[2] ?? '', 10);
    const minute = m[3] ? parseInt(m[3], 10) : 0;
    const meridiem = (m[4] ?? '').toLowerCase().replace(/\./g, '');
    if (!Number.isFinite(hour) || hour > 23 || minute > 59) return undefined;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return { hour, minute, from, to: from + m[0].length };
  };
  if (after) {
    const found = pick(after, end);
    if (found) return found;
  }
  return before ? pick(before, before.index) : undefined;
}

/** A recurrence said on its own ("every Tuesday at 10am"), as typed into a schedule's Edit form. */
export function recurrenceOf(words: string, now: Date, timeZone: string): FoundRecurrence | undefined {
  return findRecurrence(words, now, timeZone, { wordsOnly: true });
}

/** Morning words pick the hour when no time is given ("every morning" → 9am, "every evening" → 6pm). */
function defaultHour(phrase: string): number {
  return /evening/i.test(phrase) ? 18 : 9;
}

/**
 * Find recurrence words in a request. `now` and `timeZone` give the rule its start (today, in
 * the owner's zone). Undefined when the request does not recur.
 */
export function findRecurrence(
  text: string,
  now: Date,
  timeZone: string,
  options: { readonly wordsOnly?: boolean } = {},
): FoundRecurrence | undefined {
  for (const shape of SHAPES) {
    const m = shape.re.exec(text);
    if (!m || m.index === undefined) continue;
    const body = shape.rule(m);
    if (!body) continue;
    const start = m.index;
    const end = start + m[0].length;
    const time = timeNear(text, start, end);
    const hour = time?.hour ?? defaultHour(m[0]);
    const minute = time?.minute ?? 0;
    const from = Math.min(start, time?.from ?? start);
    const to = Math.max(end, time?.to ?? end);
    const rest = tidy(`${text.slice(0, from)} ${text.slice(to)}`);
    if (rest === '' && !options.wordsOnly) return undefined;
    const today = DateTime.fromJSDate(now).setZone(timeZone);
    return {
      recurrence: {
        rrule: `${body};BYHOUR=${hour};BYMINUTE=${minute}`,
        start: `${today.toFormat('yyyy-MM-dd')}T00:00`,
        timeZone,
      },
      rest,
      phrase: text.slice(from, to).trim(),
    };
  }
  return undefined;
}

/** The request without the recurrence words: spaces, stray commas and a leading "please," tidied. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '')
    .replace(/^(?:please\s*,?\s*)?(?:and\s+)?/i, (m) => (/please/i.test(m) ? 'please ' : ''))
    .trim();
}
