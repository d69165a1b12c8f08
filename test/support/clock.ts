import { DateTime } from 'luxon';
import type { Clock } from '../../src/engine/ports';

/**
 * Time is an input: tests never read the day they run on. Every app, sandbox and planner a
 * test starts takes its "now" from one of these clocks, and `npm run test:any-day` runs the
 * suite with the system date moved to each day of a week to prove that nothing else leaks in.
 */

/**
 * The day the HTTP, scenario and card tests live on: Tuesday 24 November 2026, 08:00 UTC.
 * A Tuesday, so that "tomorrow" is the seeded Wednesday ("Contoso renewal review") and
 * "next week" starts with the Monday "Marketing weekly sync".
 */
export const TEST_NOW = new Date('2026-11-24T08:00:00Z');

/** A pinned clock a test can also move forward. */
export interface PinnedClock extends Clock {
  /** Jump forward (reminders, expiries, leases) without waiting. */
  advance(ms: number): void;
}

/**
 * A clock that starts at `start` and then moves with real elapsed time (monotonic, so a
 * change of the system date cannot move it). Apps need time to flow (leases expire, polls
 * time out); tests need the day to be fixed. `advance` jumps ahead on top of that.
 */
export function pinnedClock(start: Date = TEST_NOW): PinnedClock {
  const origin = performance.now();
  let skipped = 0;
  return {
    now: () => new Date(start.getTime() + skipped + Math.round(performance.now() - origin)),
    advance: (ms) => {
      skipped += ms;
    },
  };
}

/**
 * Instants for tests that run across several days: `zone` wall-clock time `hh:mm` on each ISO
 * date given. Luxon does the zone arithmetic, so DST days come out right.
 */
export function daysAt(dates: readonly string[], time: string, zone: string): { date: string; now: Date }[] {
  return dates.map((date) => {
    const dt = DateTime.fromISO(`${date}T${time}`, { zone });
    if (!dt.isValid) throw new Error(`bad day ${date} ${time} ${zone}: ${dt.invalidReason}`);
    return { date, now: dt.toJSDate() };
  });
}
