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
  /** "from 2 to 3pm": how long, when the words give an end too. */
  readonly minutes?: number;
  readonly start: number;
  readonly end: number;
}

const CLOCK = /\b(?:at\s+|@\s*)?(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/;
const CLOCK_24 = /\b(?:at\s+|@\s*)(\d{1,2}):(\d{2})\b/;
const BARE_AT = /\bat\s+(\d{1,2})\b(?![:.]?\d|\s*(?:minutes?|mins?|hours?))/;
const NOON = /\b(?:at\s+)?(?:noon|midday)\b/;
const PART = /\b(?:(this)\s+|in\s+the\s+)?(morning|afternoon)\b/;
/** "from 2 to 3pm", "between 10 and 11:30am", "2-3pm": a start and an end. */
const RANGE =
  /\b(?:from|between)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:to|and|until|till|-)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b|\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*-\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b/;
/** Parts of the day people name by what happens in them. */
const NAMED_PARTS: ReadonlyArray<readonly [RegExp, 'morning' | 'afternoon', number, number]> = [
  [/\bafter\s+lunch(?:time)?\b/, 'afternoon', 13, 17],
  [/\bbefore\s+lunch(?:time)?\b/, 'morning', 9, 12],
  [/\bfirst\s+thing(?:\s+in\s+the\s+morning)?\b/, 'morning', 8, 10],
  [/\b(?:late\s+(?:in\s+the\s+)?afternoon|(?:at\s+the\s+)?end\s+of\s+the\s+day)\b/, 'afternoon', 15, 17],
  [/\bearly\s+(?:in\s+the\s+)?afternoon\b/, 'afternoon', 12, 15],
  [/\b(?:late|later\s+in\s+the)\s+morning\b/, 'morning', 10, 12],
  [/\bearly\s+(?:in\s+the\s+)?morning\b/, 'morning', 8, 10],
];

function hour24(hour: number, meridiem: string | undefined): number {
  if (meridiem === 'pm') return hour === 12 ? 12 : hour + 12;
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  return hour;
}

/** "from 2 to 3pm": 14:00 for 60 minutes (the start takes the end's am/pm when it fits). */
function range(phrase: Phrase): TimeHit | undefined {
  const hit = phrase.find(RANGE);
  if (!hit) return undefined;
  const g = hit.groups[1] !== undefined ? hit.groups.slice(1, 7) : hit.groups.slice(7, 13);
  const [h1, m1, mer1, h2, m2, mer2] = g;
  const endHour = hour24(Number(h2), mer2);
  let startHour = hour24(Number(h1), mer1 ?? mer2);
  if (!mer1 && startHour > endHour) startHour -= 12;
  const start = startHour * 60 + Number(m1 ?? 0);
  const end = endHour * 60 + Number(m2 ?? 0);
  if (startHour < 0 || Number(h1) > 12 || Number(h2) > 12 || end <= start) return undefined;
  return { ...at(startHour, Number(m1 ?? 0), hit.start, hit.end), minutes: end - start };
}

/**
 * Find "at 3pm", "at 10:30 am", "at 15:00", "at noon", "at 3" (read as a working hour: 1–7 → pm),
 * "in the morning" (08:00–12:00) or "afternoon" (12:00–17:00).
 */
export function findTimeOfDay(phrase: Phrase): TimeHit | undefined {
  const between = range(phrase);
  if (between) return between;
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
  for (const [pattern, name, fromHour, toHour] of NAMED_PARTS) {
    const named = phrase.find(pattern);
    if (named)
      return { time: { kind: 'part', name, fromHour, toHour }, today: false, start: named.start, end: named.end };
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
