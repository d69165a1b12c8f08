import type { Phrase } from '../text/phrase';

/** A time of day a meeting should start at, or a part of the day it should fall in. */
export type TimeOfDay =
  | { readonly kind: 'at'; readonly hour: number; readonly minute: number }
  | {
      readonly kind: 'part';
      readonly name: 'morning' | 'afternoon';
      readonly fromHour: number;
      readonly toHour: number;
    };

/** A {@link TimeOfDay} found in text; `today` when the words themselves say so ("this afternoon"). */
export interface TimeHit {
  readonly time: TimeOfDay;
  readonly today: boolean;
  readonly start: number;
  readonly end: number;
}

const CLOCK = /\b(?:at\s+|@\s*)?(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/;
const CLOCK_24 = /\b(?:at\s+|@\s*)(\d{1,2}):(\d{2})\b/;
const BARE_AT = /\bat\s+(\d{1,2})\b(?![:.]?\d|\s*(?:minutes?|mins?|hours?))/;
const NOON = /\b(?:at\s+)?(?:noon|midday)\b/;
const PART = /\b(?:(this)\s+|in\s+the\s+)?(morning|afternoon)\b/;

/**
 * Find "at 3pm", "at 10:30 am", "at 15:00", "at noon", "at 3" (read as a working hour: 1–7 → pm),
 * "in the morning" (08:00–12:00) or "afternoon" (12:00–17:00).
 */
export function findTimeOfDay(phrase: Phrase): TimeHit | undefined {
  const clock = phrase.find(CLOCK);
  if (clock) {
    let hour = Number(clock.groups[1]);
    const minute = Number(clock.groups[2] ?? 0);
    const pm = (clock.groups[3] ?? '').startsWith('p');
    if (hour >= 1 && hour <= 12 && minute < 60) {
      if (hour === 12) hour = pm ? 12 : 0;
      else if (pm) hour += 12;
      return at(hour, minute, clock.start, clock.end);
    }
  }
  const clock24 = phrase.find(CLOCK_24);
  if (clock24) {
    const hour = Number(clock24.groups[1]);
    const minute = Number(clock24.groups[2]);
    if (hour < 24 && minute < 60) return at(hour, minute, clock24.start, clock24.end);
  }
  const noon = phrase.find(NOON);
  if (noon) return at(12, 0, noon.start, noon.end);
  const bare = phrase.find(BARE_AT);
  if (bare) {
    const hour = Number(bare.groups[1]);
    if (hour >= 1 && hour <= 12) return at(hour <= 7 ? hour + 12 : hour, 0, bare.start, bare.end);
  }
  const part = phrase.find(PART);
  if (part) {
    const name = part.groups[2] === 'morning' ? 'morning' : 'afternoon';
    const [fromHour, toHour] = name === 'morning' ? [8, 12] : [12, 17];
    return {
      time: { kind: 'part', name, fromHour, toHour },
      today: part.groups[1] === 'this',
      start: part.start,
      end: part.end,
    };
  }
  return undefined;
}

function at(hour: number, minute: number, start: number, end: number): TimeHit {
  return { time: { kind: 'at', hour, minute }, today: false, start, end };
}
