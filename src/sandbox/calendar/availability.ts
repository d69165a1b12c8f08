import type { CalendarEvent } from '../model';
import type { SandboxStore } from '../store/store';
import { DAY, HOUR } from '../time';
import { instant } from './events';

/** Free/busy states in Graph's order of precedence (higher wins when events overlap). */
export type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

const RANK: Record<CalendarEvent['showAs'], number> = { free: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4 };

/** A busy interval on someone's calendar. */
export interface BusyBlock {
  readonly start: number;
  readonly end: number;
  readonly showAs: CalendarEvent['showAs'];
  readonly event: CalendarEvent;
}

/** The non-free, non-cancelled events of `ownerId` overlapping [start, end). */
export function busyBlocks(store: SandboxStore, ownerId: string, start: Date, end: Date): BusyBlock[] {
  return store.listEventsBetween(ownerId, start, end)
    .filter((e) => !e.isCancelled && e.showAs !== 'free')
    .map((e) => ({ start: instant(e.start), end: instant(e.end), showAs: e.showAs, event: e }));
}

/** The strongest state among blocks overlapping [start, end), or free. */
export function availabilityIn(blocks: readonly BusyBlock[], start: number, end: number): Availability {
  let best: CalendarEvent['showAs'] = 'free';
  for (const b of blocks) if (b.start < end && b.end > start && RANK[b.showAs] > RANK[best]) best = b.showAs;
  return best;
}

/** getSchedule's digit for a state: 0 free, 1 tentative, 2 busy, 3 oof, 4 working elsewhere. */
export const AVAILABILITY_DIGIT: Record<CalendarEvent['showAs'], string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' };

/** Sandbox working hours: Monday–Friday 09:00–17:00 UTC for every mailbox. */
export const WORKING_HOURS = { startHour: 9, endHour: 17, days: [1, 2, 3, 4, 5] } as const;

/** Whether [start, end) lies inside one day's window for the activity domain. */
export function withinHours(start: number, end: number, domain: string): boolean {
  if (domain === 'unrestricted') return true;
  const dayStart = Math.floor(start / DAY) * DAY;
  if (end > dayStart + DAY) return false;
  const weekday = new Date(start).getUTCDay();
  if (domain === 'personal') return start >= dayStart + 8 * HOUR && end <= dayStart + 21 * HOUR;
  return (WORKING_HOURS.days as readonly number[]).includes(weekday)
    && start >= dayStart + WORKING_HOURS.startHour * HOUR && end <= dayStart + WORKING_HOURS.endHour * HOUR;
}
