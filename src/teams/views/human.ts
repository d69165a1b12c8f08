import { DateTime } from 'luxon';

/**
 * How cards say dates and people: in the requester's time zone, in words people use
 * ("Fri 4 Dec, 12:00–13:00", "Mon 30 Nov – today"), with names rather than bare addresses.
 */

/** A zone Luxon knows, or UTC: a stored zone that no longer resolves never breaks a card. */
function zoned(iso: string, zone: string): DateTime | undefined {
  const at = DateTime.fromISO(iso, { setZone: true });
  if (!at.isValid) return undefined;
  const local = at.setZone(zone);
  return (local.isValid ? local : at.setZone('UTC')).setLocale('en-GB');
}

function dayOf(at: DateTime, now?: Date): string {
  if (now) {
    const today = DateTime.fromJSDate(now, { zone: at.zone }).startOf('day');
    const days = Math.round(at.startOf('day').diff(today, 'days').days);
    if (days === 0) return 'today';
    if (days === 1) return 'tomorrow';
    if (days === -1) return 'yesterday';
    if (at.year !== today.year) return at.toFormat('ccc d LLL yyyy');
  }
  return at.toFormat('ccc d LLL');
}

/** "Fri 4 Dec, 12:00" (or "today, 12:00"); the raw text when it isn't an instant. */
export function humanInstant(iso: string, zone: string, now?: Date): string {
  const at = zoned(iso, zone);
  return at ? `${dayOf(at, now)}, ${at.toFormat('HH:mm')}` : iso;
}

/** "Fri 4 Dec, 12:00–13:00", or "Fri 4 Dec, 23:00 – Sat 5 Dec, 01:00" across days. */
export function humanRange(startIso: string, endIso: string, zone: string, now?: Date): string {
  const start = zoned(startIso, zone);
  const end = zoned(endIso, zone);
  if (!start || !end) return `${startIso} – ${endIso}`;
  if (start.hasSame(end, 'day')) return `${dayOf(start, now)}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  return `${humanInstant(startIso, zone, now)} – ${humanInstant(endIso, zone, now)}`;
}

/** A span of days: "Mon 30 Nov – today". */
export function humanDays(startIso: string, endIso: string, zone: string, now?: Date): string {
  const start = zoned(startIso, zone);
  const end = zoned(endIso, zone);
  if (!start || !end) return `${startIso} – ${endIso}`;
  const from = dayOf(start, now);
  const to = dayOf(end, now);
  return from === to ? from : `${from} – ${to}`;
}

/** The short zone name shown next to times ("GMT", "CET", "UTC"). */
export function zoneLabel(zone: string, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone });
  return local.isValid ? local.toFormat('ZZZZ') : 'UTC';
}

/** A person's name when the directory gave one, else their address. */
export function personName(address: string, names: Readonly<Record<string, string>> | undefined): string {
  return names?.[address.toLowerCase()] ?? names?.[address] ?? address;
}

/** "Patti Fernandez <pattif@example.com>", where the address matters (recipients); the address alone when no name is known. */
export function personWithAddress(address: string, names: Readonly<Record<string, string>> | undefined): string {
  const name = names?.[address.toLowerCase()] ?? names?.[address];
  return name && name !== address ? `${name} <${address}>` : address;
}

/** "Patti Fernandez, Megan Bowen and 2 others". */
export function peopleList(
  addresses: readonly string[],
  names: Readonly<Record<string, string>> | undefined,
  max = 4,
): string {
  const shown = addresses.slice(0, max).map((a) => personName(a, names));
  const more = addresses.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} other${more === 1 ? '' : 's'}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
