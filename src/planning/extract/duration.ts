import type { Phrase } from '../text/phrase';
import { NUMBER, parseNumber } from './numbers';

/** A meeting length found in text, and where it was. */
export interface DurationHit {
  readonly minutes: number;
  readonly start: number;
  readonly end: number;
}

/** Meetings are 30 minutes unless the requester says otherwise. */
export const DEFAULT_DURATION_MINUTES = 30;

const FOR = '(?:for\\s+)?';
const HOURS = '(?:hours?|hrs?|h)(?:-long)?';
const MINUTES = '(?:minutes?|mins?|m)(?:-long)?';

type Rule = readonly [RegExp, (groups: readonly (string | undefined)[]) => number | undefined];

const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : parseNumber(text));

/** Ordered: longer phrasings first, so "an hour and a half" is not read as "an hour". */
const RULES: readonly Rule[] = [
  [new RegExp(`\\b${FOR}(${NUMBER})\\s+and\\s+a\\s+half\\s*-?\\s*${HOURS}\\b`), (g) => mul(num(g[1]), 60, 30)],
  [new RegExp(`\\b${FOR}(?:an?|one)\\s+hour\\s+and\\s+a\\s+half\\b`), () => 90],
  [new RegExp(`\\b${FOR}(?:half\\s+an?\\s+hour|half[-\\s]hour)(?:-long)?\\b`), () => 30],
  [new RegExp(`\\b${FOR}(?:a\\s+)?quarter(?:\\s+of)?\\s+an?\\s+hour\\b`), () => 15],
  [new RegExp(`\\b${FOR}(\\d{1,2})h(\\d{2})\\b`), (g) => mul(num(g[1]), 60, num(g[2]) ?? 0)],
  [
    new RegExp(
      `\\b${FOR}(${NUMBER})\\s*-?\\s*${HOURS}\\b(?:\\s*(?:and\\s+)?(\\d{1,2}|${NUMBER})\\s*-?\\s*${MINUTES}\\b)?`,
    ),
    (g) => mul(num(g[1]), 60, num(g[2]) ?? 0),
  ],
  [new RegExp(`\\b${FOR}(${NUMBER})\\s*-?\\s*${MINUTES}\\b`), (g) => num(g[1])],
];

function mul(value: number | undefined, factor: number, plus: number | undefined): number | undefined {
  return value === undefined || plus === undefined ? undefined : value * factor + plus;
}

/**
 * Find how long a meeting should be: "30 minute(s)/min/mins", "an hour", "1 hour", "1.5 hours",
 * "90 minutes", "half an hour", "an hour and a half", "1h30". Undefined when none is given.
 */
export function findDuration(phrase: Phrase): DurationHit | undefined {
  let best: DurationHit | undefined;
  for (const [pattern, read] of RULES) {
    const hit = phrase.find(pattern);
    if (!hit) continue;
    const minutes = read(hit.groups);
    if (minutes === undefined) continue;
    if (!best || hit.start < best.start) best = { minutes: Math.round(minutes), start: hit.start, end: hit.end };
  }
  return best;
}
