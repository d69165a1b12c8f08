import { DateTime } from 'luxon';
import type { CalendarRange } from './calendar-range';
import { utcIso } from './zone';

/** "morning", "afternoon", "evening", "lunchtime" in a request about a day. */
export const PART_OF_DAY = /\b(morning|afternoon|evening|lunchtime)\b/;
const HOURS: Readonly<Record<string, readonly [number, number]>> = {
  morning: [8, 12],
  lunchtime: [12, 14],
  afternoon: [12, 17],
  evening: [17, 22],
};

/** The part of the range's first day, from now when that part has begun. */
export function partOfDay(range: CalendarRange, part: string, now: DateTime): CalendarRange {
  const [from, to] = HOURS[part] ?? [0, 24];
  const day = DateTime.fromISO(range.start).setZone(now.zone).startOf('day');
  const start = day.set({ hour: from });
  const end = day.set({ hour: to });
  if (end <= now) return range;
  return { start: utcIso(start < now ? now : start), end: utcIso(end), label: `${range.label} ${part}` };
}
