import type { DateTime } from 'luxon';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { dayOf } from './day-of';
import type { WhenHit } from './when';
import { dayLabel, utcIso } from './zone';

/** Which received mail to look at, and how to say so ("this week's mail", "mail since Monday"). */
export interface MailRange {
  readonly since?: string;
  readonly until?: string;
  /** Goes before "mail": "this week's". */
  readonly possessive?: string;
  /** Goes after the rest of the description: "from the last 3 days". */
  readonly suffix?: string;
}

interface Period {
  readonly from: DateTime;
  readonly to: DateTime;
  readonly possessive?: string;
  readonly label: string;
}

/**
 * Turn a day or period into a `since`/`until` pair for `mail.search`, computed in the
 * requester's zone: "this week" is Monday 00:00 until now, "last week" the previous
 * Monday–Monday, "today" local midnight until now. Future periods are refused.
 */
export function mailRange(hit: WhenHit, now: DateTime): Result<MailRange> {
  const period = periodOf(hit, now);
  if (period === null) return refuse(text.INVALID_DATE);
  if (period === undefined || period.from >= now) return refuse(text.MAIL_IN_FUTURE);
  const to = period.to > now ? now : period.to;
  switch (hit.modifier) {
    case 'since':
      return ok({ since: utcIso(period.from), until: utcIso(now), suffix: `since ${dayLabel(period.from, now)}` });
    case 'before':
      return ok({ until: utcIso(period.from), suffix: `received before ${dayLabel(period.from, now)}` });
    case 'by':
      return ok({ until: utcIso(to), suffix: `received by ${period.label}` });
    default:
      return ok({
        since: utcIso(period.from),
        until: utcIso(to),
        ...(period.possessive ? { possessive: period.possessive } : { suffix: `from ${period.label}` }),
      });
  }
}

function periodOf(hit: WhenHit, now: DateTime): Period | null | undefined {
  const { when } = hit;
  const week = now.startOf('week');
  const month = now.startOf('month');
  switch (when.kind) {
    case 'thisWeek':
      return { from: week, to: now, possessive: "this week's", label: 'this week' };
    case 'lastWeek':
      return { from: week.minus({ weeks: 1 }), to: week, possessive: "last week's", label: 'last week' };
    case 'thisMonth':
      return { from: month, to: now, possessive: "this month's", label: 'this month' };
    case 'lastMonth':
      return { from: month.minus({ months: 1 }), to: month, possessive: "last month's", label: 'last month' };
    case 'pastDays':
      return { from: now.minus({ days: when.days }), to: now, label: `the last ${plural(when.days, 'day')}` };
    case 'pastHours':
      return { from: now.minus({ hours: when.hours }), to: now, label: `the last ${plural(when.hours, 'hour')}` };
    case 'nextWeek':
    case 'weekAfterNext':
    case 'nextMonth':
    case 'nextDays':
      return undefined;
    default: {
      const day = dayOf(when, now, 'past');
      if (!day) return day;
      const possessive = when.kind === 'today' ? "today's" : when.kind === 'yesterday' ? "yesterday's" : undefined;
      return { from: day, to: day.plus({ days: 1 }), label: dayLabel(day, now), ...(possessive ? { possessive } : {}) };
    }
  }
}

function plural(count: number, unit: string): string {
  return count === 1 ? unit : `${count} ${unit}s`;
}
