import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';
import { DelegateError } from '../../engine/errors';

/** True for an ISO-8601 date or date-time that names an instant (or a day). */
export function isIsoDateTime(value: string): boolean {
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/** True for a time zone Graph and luxon both understand (IANA names and UTC). */
export function isTimeZone(value: string): boolean {
  return IANAZone.isValidZone(value);
}

/** An instant as a UTC ISO string with seconds: `2025-03-04T10:00:00Z`. */
export function toUtcIso(instant: string): string {
  return DateTime.fromISO(instant, { zone: 'UTC' }).toUTC().toISO({ suppressMilliseconds: true }) ?? instant;
}

/** An instant as Graph's `dateTimeTimeZone` in the given zone (wall-clock time, no offset). */
export function toGraphDateTime(instant: string, timeZone: string): { dateTime: string; timeZone: string } {
  const local = DateTime.fromISO(instant, { zone: 'UTC' }).setZone(timeZone);
  return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone };
}

/**
 * The IANA name of a zone Graph names: IANA names as they are, Windows names (Graph's own, e.g.
 * "GMT Standard Time", "Pacific Standard Time") through CLDR's mapping; undefined when neither.
 */
export function ianaZone(name: string): string | undefined {
  if (IANAZone.isValidZone(name)) return name;
  const mapped = findIana(name)[0];
  return mapped && IANAZone.isValidZone(mapped) ? mapped : undefined;
}

/**
 * Graph's `dateTimeTimeZone` back to a UTC ISO instant. We ask Graph for UTC; a zone it answers
 * with instead is honoured, IANA or Windows. A zone neither knows is an error, never read as UTC
 * (that would silently move the meeting by hours).
 */
export function fromGraphDateTime(value: { dateTime: string; timeZone?: string | null }): string {
  const named = value.timeZone ?? 'UTC';
  const zone = ianaZone(named);
  if (!zone)
    throw new DelegateError(
      'graph',
      'graph_unknown_time_zone',
      `Microsoft 365 answered with a time in a zone Delegate does not know ("${named}"), so the time cannot be read safely.`,
    );
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  return parsed.isValid ? (parsed.toUTC().toISO({ suppressMilliseconds: true }) ?? value.dateTime) : value.dateTime;
}

/** The wall-clock time of an instant in a zone, as Graph writes it: `2026-11-27T15:00:00`. */
export function wallClock(instant: string, timeZone: string): string {
  const local = DateTime.fromISO(instant, { zone: 'UTC' }).setZone(ianaZone(timeZone) ?? 'UTC');
  return local.isValid ? local.toFormat("yyyy-LL-dd'T'HH:mm:ss") : instant.slice(0, 19);
}

/** An instant for people, in their zone: "Tue 4 Mar 2025, 10:00 (Europe/London)". */
export function humanTime(instant: string, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const dt = DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone);
  return dt.isValid ? `${dt.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})` : instant;
}

/** Graph's ISO-8601 duration for a number of minutes: 30 → PT30M, 90 → PT1H30M. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}
