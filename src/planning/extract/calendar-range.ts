import type { DateTime } from 'luxon';
import { dayOf } from './day-of';
import type { When } from './when';
import { dayLabel, utcIso } from './zone';

/** A span of calendar to look at, as UTC instants, and how to say it ("tomorrow", "next week"). */
export interface CalendarRange {
  readonly start: string;
  readonly end: string;
  readonly label: string;
}

/** How far ahead to look for a meeting named without a day. */
export const LOOKAHEAD_DAYS = 28;

const range = (from: DateTime, to: DateTime, label: string): CalendarRange => ({
  start: utcIso(from),
  end: utcIso(to),
  label,
});

/**
 * The span a {@link When} names, in the requester's zone: a day is midnight to midnight, a week
 * Monday to Monday, a month its first to the next; the last N days end now. Days and weekdays
 * look forward (calendars are mostly about what is coming). Undefined for an impossible date.
 */
export function calendarRange(when: When, now: DateTime): CalendarRange | undefined {
  const week = now.startOf('week');
  const month = now.startOf('month');
  switch (when.kind) {
    case 'thisWeek':
      return range(week, week.plus({ weeks: 1 }), 'this week');
    case 'nextWeek':
      return range(week.plus({ weeks: 1 }), week.plus({ weeks: 2 }), 'next week');
    case 'weekAfterNext':
      return range(week.plus({ weeks: 2 }), week.plus({ weeks: 3 }), 'the week after next');
    case 'lastWeek':
      return range(week.minus({ weeks: 1 }), week, 'last week');
    case 'thisMonth':
      return range(month, month.plus({ months: 1 }), 'this month');
    case 'nextMonth':
      return range(month.plus({ months: 1 }), month.plus({ months: 2 }), 'next month');
    case 'lastMonth':
      return range(month.minus({ months: 1 }), month, 'last month');
    case 'pastDays':
      return range(now.minus({ days: when.days }), now, `in the last ${when.days} days`);
    case 'pastHours':
      return range(now.minus({ hours: when.hours }), now, `in the last ${when.hours} hours`);
    case 'nextDays':
      return range(now, now.startOf('day').plus({ days: when.days + 1 }), `in the next ${when.days} days`);
    default: {
      const day = dayOf(when, now, 'future');
      if (!day) return undefined;
      const label =
        when.kind === 'today' || when.kind === 'tomorrow' || when.kind === 'yesterday'
          ? when.kind
          : `on ${dayLabel(day, now)}`;
      return range(day, day.plus({ days: 1 }), label);
    }
  }
}

/** From now to {@link LOOKAHEAD_DAYS} days ahead: where a meeting named without a day is looked for. */
export function comingWeeks(now: DateTime): CalendarRange {
  return range(now, now.plus({ days: LOOKAHEAD_DAYS }), `in the next ${LOOKAHEAD_DAYS / 7} weeks`);
}
