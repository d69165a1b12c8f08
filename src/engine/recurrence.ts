import { DateTime } from 'luxon';
import { RRule, type Options } from 'rrule';
import type { Recurrence } from './schedule-model';

/**
 * Occurrences of a schedule's rule, by the `rrule` library (RFC 5545), never by hand-written
 * date arithmetic. The rule runs over floating wall-clock times (9:00 stays 9:00 across a DST
 * change); each wall-clock occurrence then becomes an instant in the owner's IANA zone with
 * luxon. A wall-clock time a spring-forward skips (02:30) runs at the first valid time after it.
 */

const DAY_MS = 86_400_000;

/** A wall-clock time as a floating Date (its UTC fields are the local fields). */
function floating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

/** The instant a floating wall-clock Date means in `zone`. */
function instant(wall: Date, zone: string): Date {
  return DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    { zone },
  )
    .toUTC()
    .toJSDate();
}

/** Parse and check a rule; throws a plain Error naming what is wrong. */
export function ruleOf(recurrence: Recurrence): RRule {
  if (!DateTime.now().setZone(recurrence.timeZone).isValid) throw new Error(`unknown time zone ${recurrence.timeZone}`);
  const options: Partial<Options> = RRule.parseString(recurrence.rrule);
  if (options.freq === undefined) throw new Error('the rule has no FREQ');
  const start = DateTime.fromISO(recurrence.start, { zone: 'UTC' });
  if (!start.isValid) throw new Error(`invalid start ${recurrence.start}`);
  return new RRule({ ...options, dtstart: floating(start), tzid: null });
}

/** Occurrence instants in (after, until], earliest first. */
export function occurrencesBetween(recurrence: Recurrence, after: Date, until: Date): Date[] {
  if (until.getTime() <= after.getTime()) return [];
  const rule = ruleOf(recurrence);
  const zone = recurrence.timeZone;
  // Wall-clock bounds widened by a day each side; the exact bounds are applied to the instants.
  const from = new Date(floating(DateTime.fromJSDate(after).setZone(zone)).getTime() - DAY_MS);
  const to = new Date(floating(DateTime.fromJSDate(until).setZone(zone)).getTime() + DAY_MS);
  return rule
    .between(from, to, true)
    .map((wall) => instant(wall, zone))
    .filter((at) => at.getTime() > after.getTime() && at.getTime() <= until.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

/** The next `count` occurrence instants strictly after `after`. */
export function nextOccurrences(recurrence: Recurrence, after: Date, count: number): Date[] {
  const rule = ruleOf(recurrence);
  const zone = recurrence.timeZone;
  const found: Date[] = [];
  let cursor = new Date(floating(DateTime.fromJSDate(after).setZone(zone)).getTime() - DAY_MS);
  // A day of slack before `after` may yield occurrences already past; skip them.
  for (let guard = 0; found.length < count && guard < count + 64; guard++) {
    const wall = rule.after(cursor, false);
    if (!wall) break;
    cursor = wall;
    const at = instant(wall, zone);
    if (at.getTime() > after.getTime() && !found.some((f) => f.getTime() === at.getTime())) found.push(at);
  }
  return found;
}

/** The next occurrence strictly after `after`, if the rule has one. */
export function nextOccurrence(recurrence: Recurrence, after: Date): Date | undefined {
  return nextOccurrences(recurrence, after, 1)[0];
}

/** How many occurrences a rule has in a week at most, for the policy's maximum frequency. */
export function runsPerWeek(recurrence: Recurrence, from: Date): number {
  const weeks = 8;
  return Math.ceil(occurrencesBetween(recurrence, from, new Date(from.getTime() + weeks * 7 * DAY_MS)).length / weeks);
}

/** The smallest gap between two occurrences (ms) over the next weeks; Infinity with fewer than two. */
export function shortestGapMs(recurrence: Recurrence, from: Date): number {
  const list = occurrencesBetween(recurrence, from, new Date(from.getTime() + 35 * DAY_MS));
  let gap = Infinity;
  for (let i = 1; i < list.length; i++) gap = Math.min(gap, (list[i]?.getTime() ?? 0) - (list[i - 1]?.getTime() ?? 0));
  return gap;
}

const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const ordinal = (n: number): string => {
  if (n === -1) return 'last';
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${n % 10 > 3 ? 'th' : suffix}`;
};

function clock(hour: number, minute: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** The rule in words ("every Monday at 9am (Europe/London)"), from its parts, never from its text. */
export function describeRecurrence(recurrence: Recurrence): string {
  const o = ruleOf(recurrence).origOptions;
  const interval = o.interval ?? 1;
  const days = ([] as unknown[]).concat(o.byweekday ?? []).map((d) => DAY_NAMES[String(d).slice(-2)] ?? String(d));
  const hours = ([] as number[]).concat(o.byhour ?? []);
  const minutes = ([] as number[]).concat(o.byminute ?? [0]);
  const at = hours.length > 0 ? ` at ${hours.map((h) => clock(h, minutes[0] ?? 0)).join(' and ')}` : '';
  const weekdays = days.length === 5 && !days.includes('Saturday') && !days.includes('Sunday');
  let words: string;
  switch (o.freq) {
    case RRule.DAILY:
      words = interval === 1 ? 'every day' : `every ${interval} days`;
      break;
    case RRule.WEEKLY: {
      const which = weekdays ? 'weekday' : days.join(' and ') || 'week';
      words =
        interval === 1
          ? `every ${which}`
          : interval === 2
            ? `every other ${which}`
            : `every ${interval} weeks on ${which}`;
      break;
    }
    case RRule.MONTHLY: {
      const monthDays = ([] as number[]).concat(o.bymonthday ?? []);
      const on = monthDays.length > 0 ? `the ${monthDays.map(ordinal).join(' and ')} of ` : '';
      words = `on ${on}every ${interval === 1 ? 'month' : `${interval} months`}`;
      if (!on) words = interval === 1 ? 'every month' : `every ${interval} months`;
      break;
    }
    case RRule.HOURLY:
      words = interval === 1 ? 'every hour' : `every ${interval} hours`;
      break;
    default:
      words = 'on a custom rule';
  }
  return `${words}${at} (${recurrence.timeZone})`;
}
