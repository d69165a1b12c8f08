import { DateTime, IANAZone } from 'luxon';

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
 * Graph's `dateTimeTimeZone` back to a UTC ISO instant. We ask Graph for UTC; any other zone
 * it may still use is honoured when luxon knows it, else read as UTC.
 */
export function fromGraphDateTime(value: { dateTime: string; timeZone?: string | null }): string {
  const zone = value.timeZone && IANAZone.isValidZone(value.timeZone) ? value.timeZone : 'UTC';
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  return parsed.isValid ? (parsed.toUTC().toISO({ suppressMilliseconds: true }) ?? value.dateTime) : value.dateTime;
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
