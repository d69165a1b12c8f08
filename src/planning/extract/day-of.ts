import type { DateTime } from 'luxon';
import type { When } from './when';

/**
 * The local midnight starting the single day a {@link When} names, looking forward (meetings)
 * or backward (mail) for weekdays and dates without a year. Undefined when it names a period.
 * `null` when it names an impossible date such as 31 February.
 */
export function dayOf(when: When, now: DateTime, direction: 'future' | 'past'): DateTime | null | undefined {
  const today = now.startOf('day');
  switch (when.kind) {
    case 'today':
      return today;
    case 'tomorrow':
      return today.plus({ days: 1 });
    case 'yesterday':
      return today.minus({ days: 1 });
    case 'weekday':
      return weekdayOf(when.weekday, when.qualifier, today, direction);
    case 'date':
      return dateOf(when, today, direction);
    default:
      return undefined;
  }
}

function weekdayOf(
  weekday: number,
  qualifier: 'this' | 'next' | 'last' | 'plain',
  today: DateTime,
  direction: 'future' | 'past',
): DateTime {
  // "next Friday" is Friday of next week; "this Friday" may be today; a bare "Friday" for a
  // meeting is the next Friday after today, and for mail the latest one up to today.
  if (qualifier === 'next') return today.startOf('week').plus({ weeks: 1, days: weekday - 1 });
  const ahead = (weekday - today.weekday + 7) % 7;
  const behind = (today.weekday - weekday + 7) % 7;
  if (qualifier === 'last') return today.minus({ days: behind === 0 ? 7 : behind });
  if (direction === 'past') return today.minus({ days: behind });
  if (qualifier === 'this') return today.plus({ days: ahead });
  return today.plus({ days: ahead === 0 ? 7 : ahead });
}

function dateOf(
  when: { readonly month: number; readonly day: number; readonly year?: number },
  today: DateTime,
  direction: 'future' | 'past',
): DateTime | null {
  const make = (year: number): DateTime | null => {
    const day = today.set({ year, month: when.month, day: when.day });
    return day.isValid && day.month === when.month && day.day === when.day ? day.startOf('day') : null;
  };
  if (when.year !== undefined) return make(when.year);
  const thisYear = make(today.year);
  if (!thisYear) return make(direction === 'future' ? today.year + 1 : today.year - 1);
  if (direction === 'future' && thisYear < today) return make(today.year + 1);
  if (direction === 'past' && thisYear > today) return make(today.year - 1);
  return thisYear;
}
