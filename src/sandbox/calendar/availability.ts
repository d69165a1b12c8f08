import type { CalendarEvent } from '../model';
import type { SandboxStore } from '../store/store';
import { DAY, HOUR } from '../time';
import { instant } from './events';
import { withinWorkingHours, type WorkingHours } from './working-hours';

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
  return store
    .listEventsBetween(ownerId, start, end)
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
export const AVAILABILITY_DIGIT: Record<CalendarEvent['showAs'], string> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
};

/**
 * Whether [start, end) lies inside one day's window for the activity domain: the person's own
 * working hours (in their zone) for `work`, 08:00–21:00 UTC for `personal`, anything otherwise.
 */
export function withinHours(start: number, end: number, domain: string, hours: WorkingHours): boolean {
  if (domain === 'unrestricted') return true;
  if (domain !== 'personal') return withinWorkingHours(hours, start, end);
  const dayStart = Math.floor(start / DAY) * DAY;
  return end <= dayStart + DAY && start >= dayStart + 8 * HOUR && end <= dayStart + 21 * HOUR;
}
