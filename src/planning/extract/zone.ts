import { DateTime } from 'luxon';

/** "Now" in the requester's time zone; an unknown zone falls back to UTC rather than failing. */
export function zonedNow(now: Date, timeZone: string): { readonly now: DateTime; readonly zone: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (local.isValid) return { now: local.setLocale('en-GB'), zone: timeZone };
  return { now: DateTime.fromJSDate(now, { zone: 'UTC' }).setLocale('en-GB'), zone: 'UTC' };
}

/** An ISO-8601 instant in UTC, the form every action input takes: `2026-11-30T08:00:00Z`. */
export function utcIso(time: DateTime): string {
  return time.toUTC().toISO({ suppressMilliseconds: true }) ?? time.toJSDate().toISOString();
}

/** "Friday 27 November" (the year is added when it is not the current one). */
export function dayLabel(day: DateTime, now: DateTime): string {
  return day.toFormat(day.year === now.year ? 'cccc d LLLL' : 'cccc d LLLL yyyy');
}
