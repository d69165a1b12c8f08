import { DateTime } from 'luxon';
import type { SlotMatcher } from './types';

/** Lower case, straight quotes, single spaces. */
function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of a leaf value: a string, or a recipient object's address. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const r = value as { address?: unknown; emailAddress?: { address?: unknown } };
    if (typeof r.address === 'string') return r.address;
    if (typeof r.emailAddress?.address === 'string') return r.emailAddress.address;
  }
  return undefined;
}

const isAddress = (text: string): boolean => text.includes('@');

function textMatches(expected: string, actual: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => textMatches(expected, item));
  const text = textOf(actual);
  if (text === undefined) return false;
  return isAddress(expected) ? norm(text) === norm(expected) : norm(text).includes(norm(expected));
}

function listMatches(expected: readonly string[], actual: unknown): boolean {
  const items: unknown[] = Array.isArray(actual) ? actual : actual === undefined ? [] : [actual];
  if (expected.every(isAddress)) {
    const got = new Set(
      items
        .map(textOf)
        .filter((t): t is string => t !== undefined)
        .map(norm),
    );
    return got.size === expected.length && expected.every((e) => got.has(norm(e)));
  }
  return expected.every((e) => items.some((item) => textMatches(e, item)));
}

/**
 * An instant from a step's input: an ISO string (wall-clock strings without an offset are read
 * in the step's `timeZone`, else the corpus zone) or Graph's `{ dateTime, timeZone }`.
 */
function instantOf(value: unknown, stepZone: string): DateTime | undefined {
  if (typeof value === 'string') {
    const parsed = DateTime.fromISO(value, { zone: stepZone });
    return parsed.isValid ? parsed : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const v = value as { dateTime?: unknown; timeZone?: unknown };
    if (typeof v.dateTime === 'string') {
      const parsed = DateTime.fromISO(v.dateTime, { zone: typeof v.timeZone === 'string' ? v.timeZone : stepZone });
      return parsed.isValid ? parsed : undefined;
    }
  }
  return undefined;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const isList = (matcher: SlotMatcher): matcher is readonly string[] => Array.isArray(matcher);

/** Whether a value a step carries satisfies a corpus matcher. */
export function slotMatches(matcher: SlotMatcher, actual: unknown, zone: string, stepZone: string): boolean {
  if (typeof matcher === 'string') return textMatches(matcher, actual);
  if (typeof matcher === 'number' || typeof matcher === 'boolean') return actual === matcher;
  if (isList(matcher)) return listMatches(matcher, actual);
  if ('$absent' in matcher) return isEmpty(actual);
  const instant = instantOf(actual, stepZone);
  if (!instant) return false;
  const wall = (text: string) => DateTime.fromISO(text, { zone });
  if ('$at' in matcher) return Math.abs(instant.toMillis() - wall(matcher.$at).toMillis()) < 60_000;
  const [from, to] = matcher.$between;
  return instant.toMillis() >= wall(from).toMillis() && instant.toMillis() <= wall(to).toMillis();
}

/** The value at a dot path (array indexes allowed), or undefined. */
export function valueAt(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Whether `actual` is `expected` with optional items (trailing `?`) possibly left out, in order.
 */
export function sequenceMatches(expected: readonly string[], actual: readonly string[]): boolean {
  const go = (i: number, j: number): boolean => {
    if (i === expected.length) return j === actual.length;
    const want = expected[i] ?? '';
    const optional = want.endsWith('?');
    const name = optional ? want.slice(0, -1) : want;
    if (j < actual.length && actual[j] === name && go(i + 1, j + 1)) return true;
    return optional && go(i + 1, j);
  };
  return go(0, 0);
}
