import { DateTime, Duration, IANAZone } from 'luxon';
import { badRequest } from './errors';

/** Graph's `dateTimeTimeZone`: a wall-clock time without offset plus a zone name. */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

// Graph clients often send Windows zone names; map the common ones so they are not misread as UTC.
const WINDOWS_ZONES: Record<string, string> = {
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'gmt standard time': 'Europe/London',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
  'india standard time': 'Asia/Kolkata',
  'tokyo standard time': 'Asia/Tokyo',
  'aus eastern standard time': 'Australia/Sydney',
};

/** The IANA zone for a Graph zone name, or undefined when unknown. */
export function ianaZone(name: string | undefined): string | undefined {
  if (!name) return 'UTC';
  const mapped = WINDOWS_ZONES[name.toLowerCase()];
  if (mapped) return mapped;
  return IANAZone.isValidZone(name) ? name : undefined;
}

/** Parse a `dateTimeTimeZone` (or an ISO string with offset) into an instant. */
export function parseDateTimeTimeZone(value: unknown, field: string): Date {
  const v = value as Partial<DateTimeTimeZone> | undefined;
  if (!v || typeof v.dateTime !== 'string') throw badRequest(`Missing or invalid '${field}'.`, 'ErrorInvalidRequest');
  const zone = ianaZone(v.timeZone);
  if (!zone)
    throw badRequest(`The time zone '${String(v.timeZone)}' is not supported.`, 'ErrorTimeZoneNotSupportedException');
  const dt = DateTime.fromISO(v.dateTime, { zone, setZone: /[zZ]|[+-]\d\d:?\d\d$/.test(v.dateTime) });
  if (!dt.isValid) throw badRequest(`Cannot parse '${field}.dateTime'.`, 'ErrorInvalidRequest');
  return dt.toJSDate();
}

/** Parse a plain ISO instant from a query string (`startDateTime=2026-…Z`). */
export function parseInstant(value: string | null, name: string): Date {
  const dt = value ? DateTime.fromISO(value, { zone: 'UTC' }) : undefined;
  if (!dt?.isValid) {
    throw badRequest(
      `This request requires a time window specified by the query string parameters StartDateTime and EndDateTime (bad '${name}').`,
      'ErrorInvalidParameter',
    );
  }
  return dt.toJSDate();
}

/** Format an instant the way Graph writes event times: seven fractional digits, no offset. */
export function toDateTimeTimeZone(date: Date, zoneName = 'UTC'): DateTimeTimeZone {
  const zone = ianaZone(zoneName) ?? 'UTC';
  const dt = DateTime.fromJSDate(date, { zone });
  return { dateTime: `${dt.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`, timeZone: zone === 'UTC' ? 'UTC' : zoneName };
}

/** `2026-11-24T06:01:46Z`: Graph's format for mail and directory timestamps. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The zone requested with `Prefer: outlook.timezone="…"`, else UTC. */
export function preferredZone(prefer: string | undefined): string {
  const match = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer ?? '');
  return match?.[1] && ianaZone(match[1]) ? match[1] : 'UTC';
}

/** Minutes in an ISO-8601 duration such as `PT1H30M`. */
export function durationMinutes(iso: string | undefined, fallback: number): number {
  if (!iso) return fallback;
  const d = Duration.fromISO(iso);
  if (!d.isValid || d.as('minutes') <= 0) throw badRequest(`Invalid duration '${iso}'.`, 'ErrorInvalidRequest');
  return Math.round(d.as('minutes'));
}

/** Monday 00:00 UTC of the week containing `now` (the seed's "this week"). */
export function weekStart(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * 86_400_000);
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
