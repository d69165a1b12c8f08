import { DateTime } from 'luxon';
import type { SandboxStore } from '../store/store';

/** Graph's `workingHours` (mailboxSettings and getSchedule): weekdays and a daily window in a zone. */
export interface WorkingHours {
  readonly daysOfWeek: readonly string[];
  /** `HH:mm:ss.0000000`, wall-clock time in `timeZone`. */
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: { readonly name: string };
}

/** Document kind holding a mailbox's working hours, keyed by user id (seeded for people outside UTC). */
export const WORKING_HOURS_KIND = 'calendar.workingHours';

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** What a mailbox has when nobody set anything: Monday–Friday 09:00–17:00 UTC. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  daysOfWeek: WEEK.slice(0, 5),
  startTime: '09:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: 'UTC' },
};

/** A mailbox's working hours: its stored settings, else the default. */
export function workingHoursOf(store: SandboxStore, userId: string): WorkingHours {
  return store.getDoc<WorkingHours>(WORKING_HOURS_KIND, userId) ?? DEFAULT_WORKING_HOURS;
}

const minutesOf = (time: string): number => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};

/**
 * Whether [start, end) lies inside one working day of `hours`, judged on the wall clock of the
 * person's own zone (so 09:00–17:00 in New York is 14:00–22:00 UTC in winter).
 */
export function withinWorkingHours(hours: WorkingHours, start: number, end: number): boolean {
  const zone = hours.timeZone.name || 'UTC';
  const from = DateTime.fromMillis(start, { zone });
  const to = DateTime.fromMillis(end, { zone });
  if (!from.isValid || !to.isValid) return false;
  const day = from.startOf('day');
  if (to > day.plus({ days: 1 })) return false;
  if (!hours.daysOfWeek.includes(WEEK[from.weekday - 1] ?? '')) return false;
  const fromMinutes = from.hour * 60 + from.minute;
  const toMinutes = to.hasSame(from, 'day') ? to.hour * 60 + to.minute : 24 * 60;
  return fromMinutes >= minutesOf(hours.startTime) && toMinutes <= minutesOf(hours.endTime);
}
