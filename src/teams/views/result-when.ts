/**
 * Times on the result card, as people read them: "Tue 25 Nov 2025, 09:00". An instant with a
 * zone (Graph's `…Z`) is shown in UTC and says so, since the card does not know the reader's
 * zone; a wall-clock time (an event's `startLocal`, already in the requester's zone) is shown
 * as it is.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

interface Parts {
  readonly day: string;
  readonly time: string;
  readonly utc: boolean;
}

function partsOf(value: string): Parts | undefined {
  const match = ISO.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, zone] = match;
  if (zone !== undefined) {
    const date = new Date(value.trim());
    if (Number.isNaN(date.getTime())) return undefined;
    const iso = date.toISOString();
    return {
      day: dayOf(date.getUTCDay(), iso.slice(8, 10), date.getUTCMonth(), iso.slice(0, 4)),
      time: iso.slice(11, 16),
      utc: true,
    };
  }
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number.isNaN(date.getTime())) return undefined;
  return {
    day: dayOf(date.getUTCDay(), d ?? '', date.getUTCMonth(), y ?? ''),
    time: h !== undefined && mi !== undefined ? `${h}:${mi}` : '',
    utc: false,
  };
}

function dayOf(weekday: number, day: string, month: number, year: string): string {
  return `${DAYS[weekday]} ${Number(day)} ${MONTHS[month]} ${year}`;
}

/** "Tue 25 Nov 2025, 09:00 UTC", or the value as it was when it is not a date. */
export function when(value: string): string {
  const parts = partsOf(value);
  if (!parts) return value;
  return `${parts.day}${parts.time ? `, ${parts.time}` : ''}${parts.utc && parts.time ? ' UTC' : ''}`;
}

/**
 * A due date: Planner and To Do keep a due *day* as midnight UTC, so midnight shows as the day
 * alone ("Tue 25 Nov 2025"); any other time is shown with it.
 */
export function dueDay(value: string): string {
  const parts = partsOf(value);
  return parts && (parts.time === '00:00' || parts.time === '') ? parts.day : when(value);
}

/** "Tue 25 Nov 2025, 09:00–09:30" on one day, both ends in full otherwise. */
export function between(start: string, end: string): string {
  const from = partsOf(start);
  const to = partsOf(end);
  if (!from || !to) return [start, end].filter((v) => v !== '').join(' – ');
  if (from.day === to.day && from.utc === to.utc && from.time && to.time)
    return `${from.day}, ${from.time}–${to.time}${from.utc ? ' UTC' : ''}`;
  return `${when(start)} – ${when(end)}`;
}
