import type { Phrase } from '../text/phrase';
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from './calendar-words';
import { NUMBER, parseNumber } from './numbers';

/** A relative or absolute day or period, before it is pinned to a time zone and a "now". */
export type When =
  | {
      readonly kind:
        | 'today'
        | 'tomorrow'
        | 'yesterday'
        | 'thisWeek'
        | 'lastWeek'
        | 'nextWeek'
        | 'weekAfterNext'
        | 'thisMonth'
        | 'lastMonth'
        | 'nextMonth';
    }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly qualifier: 'this' | 'next' | 'last' | 'plain' }
  | { readonly kind: 'date'; readonly month: number; readonly day: number; readonly year?: number }
  | { readonly kind: 'pastDays'; readonly days: number }
  /** "over the next two weeks", "in the next 3 days": from now, forward. */
  | { readonly kind: 'nextDays'; readonly days: number }
  | { readonly kind: 'pastHours'; readonly hours: number };

/** How a {@link When} bounds things: "since Monday", "by Friday", "before Monday". */
export type WhenModifier = 'since' | 'by' | 'before';

export interface WhenHit {
  readonly when: When;
  readonly modifier?: WhenModifier;
  readonly start: number;
  readonly end: number;
}

type Rule = readonly [RegExp, (g: readonly (string | undefined)[]) => When | undefined];

const POSSESSIVE = "(?:'s|s')?";
const ORDINAL = '(?:st|nd|rd|th)?';

const RULES: readonly Rule[] = [
  [/\b(?:the\s+)?week\s+after\s+next\b/, () => ({ kind: 'weekAfterNext' })],
  [/\bin\s+(?:two|2)\s+weeks(?:'?\s*time)?\b/, () => ({ kind: 'weekAfterNext' })],
  [new RegExp(`\\b(this|next|coming|last|previous|past)\\s+week${POSSESSIVE}\\b`), (g) => week(g[1])],
  [new RegExp(`\\b(this|next|coming|last|previous)\\s+month${POSSESSIVE}\\b`), (g) => month(g[1])],
  [
    new RegExp(`\\b(today|tomorrow|yesterday)${POSSESSIVE}\\b`),
    (g) => ({ kind: g[1] as 'today' | 'tomorrow' | 'yesterday' }),
  ],
  [
    new RegExp(`\\b(?:the\\s+)?(?:last|past|previous)\\s+(${NUMBER})\\s+(days?|hours?|weeks?)\\b`),
    (g) => past(parseNumber(g[1] ?? ''), g[2] ?? ''),
  ],
  [
    new RegExp(`\\b(?:the\\s+)?(?:next|coming|following)\\s+(${NUMBER}|few|couple\\s+of)\\s+(days?|weeks?)\\b`),
    (g) => {
      const count = g[1] === 'few' ? 3 : g[1]?.startsWith('couple') ? 2 : parseNumber(g[1] ?? '');
      if (count === undefined || count <= 0 || !Number.isInteger(count)) return undefined;
      return { kind: 'nextDays', days: (g[2] ?? '').startsWith('week') ? count * 7 : count };
    },
  ],
  [
    /\b(?:the\s+)?(?:last|past)\s+(day|hour|24\s+hours)\b/,
    (g) => (g[1] === 'day' ? { kind: 'pastDays', days: 1 } : { kind: 'pastHours', hours: g[1] === 'hour' ? 1 : 24 }),
  ],
  [
    new RegExp(`\\b(?:on\\s+)?(?:(this|next|coming|last)\\s+)?(${WEEKDAY_PATTERN})${POSSESSIVE}\\b`),
    (g) => weekday(g[1], g[2]),
  ],
  [
    new RegExp(
      `\\b(?:on\\s+)?(?:the\\s+)?(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+(${MONTH_PATTERN})\\b\\.?(?:,?\\s+(\\d{4}))?`,
    ),
    (g) => date(g[2], g[1], g[3]),
  ],
  [
    new RegExp(`\\b(?:on\\s+)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4}))?`),
    (g) => date(g[1], g[2], g[3]),
  ],
  [
    /\b(?:on\s+)?(\d{4})-(\d{2})-(\d{2})\b/,
    (g) => ({ kind: 'date', year: Number(g[1]), month: Number(g[2]), day: Number(g[3]) }),
  ],
];

function week(word: string | undefined): When {
  if (word === 'this') return { kind: 'thisWeek' };
  if (word === 'next' || word === 'coming') return { kind: 'nextWeek' };
  if (word === 'past') return { kind: 'pastDays', days: 7 };
  return { kind: 'lastWeek' };
}

function month(word: string | undefined): When {
  if (word === 'this') return { kind: 'thisMonth' };
  if (word === 'next' || word === 'coming') return { kind: 'nextMonth' };
  return { kind: 'lastMonth' };
}

function past(count: number | undefined, unit: string): When | undefined {
  if (count === undefined || count <= 0 || !Number.isInteger(count)) return undefined;
  if (unit.startsWith('hour')) return { kind: 'pastHours', hours: count };
  return { kind: 'pastDays', days: unit.startsWith('week') ? count * 7 : count };
}

function weekday(qualifier: string | undefined, name: string | undefined): When | undefined {
  const day = WEEKDAYS[name ?? ''];
  if (day === undefined) return undefined;
  const q = qualifier === 'coming' ? 'this' : qualifier;
  return { kind: 'weekday', weekday: day, qualifier: q === 'this' || q === 'next' || q === 'last' ? q : 'plain' };
}

function date(monthName: string | undefined, day: string | undefined, year: string | undefined): When | undefined {
  const monthNumber = MONTHS[monthName ?? ''];
  if (monthNumber === undefined || day === undefined) return undefined;
  return year === undefined
    ? { kind: 'date', month: monthNumber, day: Number(day) }
    : { kind: 'date', month: monthNumber, day: Number(day), year: Number(year) };
}

/** Words just before a period that belong to it ("from last week", "since Monday", "by Friday"). */
const LEAD_IN =
  /(?:\b(since|by|before|until|till)\s+|\b(?:(?:received|sent|arrived)\s+)?(?:from|during|over|in|of|for)\s+)$/;

/**
 * Find the first day or period mentioned: today, tomorrow, yesterday, this/next/last week or
 * month, the week after next, the last N days/hours/weeks, a weekday ("Friday", "next Friday"),
 * or a date ("3 December", "Dec 3rd", "2026-12-03"). The span includes lead-in words such as
 * "from", "on", "since" or "by" so that later extractors do not mistake them for anything else.
 */
export function findWhen(phrase: Phrase): WhenHit | undefined {
  let best: WhenHit | undefined;
  for (const [pattern, read] of RULES) {
    const hit = phrase.find(pattern);
    if (!hit || (best && hit.start >= best.start)) continue;
    const when = read(hit.groups);
    if (when) best = { when, start: hit.start, end: hit.end };
  }
  if (!best) return undefined;
  const lead = LEAD_IN.exec(phrase.lower.slice(0, best.start));
  if (!lead) return best;
  const word = lead[1];
  const modifier: WhenModifier | undefined =
    word === 'since' ? 'since' : word === 'before' ? 'before' : word === undefined ? undefined : 'by';
  return { ...best, start: best.start - lead[0].length, ...(modifier ? { modifier } : {}) };
}
