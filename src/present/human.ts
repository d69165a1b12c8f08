import { DateTime, IANAZone } from 'luxon';
import type { StepPreview } from '../engine/catalogue';

/**
 * How cards say dates and people: "Mon 30 Nov – today", "Fri 4 Dec, 12:00–13:00", "Megan
 * Bowen", never a raw instant or a bare address of someone the directory named. One formatter
 * for every card (plan cards now, checkpoint cards next).
 */
export interface HumanContext {
  /** The requester's IANA time zone. */
  readonly timeZone: string;
  /** What "today" means: when the card's content was made (e.g. the plan's creation). */
  readonly now: Date;
  /** Display names by address (lower- or mixed-case keys). */
  readonly people?: Readonly<Record<string, string>>;
}

const ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const ISO_ONE = new RegExp(`^${ISO.source}$`);
const RANGE = new RegExp(
  `\\b(?:since|from|between)\\s+(${ISO.source})\\s+(?:until|till|to|and|–|-)\\s+(${ISO.source})`,
  'g',
);
const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const NAMED_ADDRESS = new RegExp(`([^,;<>()]+?)\\s*[<(](${ADDRESS.source})[>)]`, 'g');

function zoned(instant: string, context: HumanContext): DateTime {
  const zone = IANAZone.isValidZone(context.timeZone) ? context.timeZone : 'UTC';
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone);
}

function dayName(day: DateTime, today: DateTime): string {
  const days = Math.round(day.startOf('day').diff(today.startOf('day'), 'days').days);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return day.toFormat(day.year === today.year ? 'ccc d LLL' : 'ccc d LLL yyyy');
}

const isMidnight = (t: DateTime): boolean => t.hour === 0 && t.minute === 0;
/** Within a few minutes of "now": the "until now" end of a search. */
const isNow = (t: DateTime, now: DateTime): boolean => Math.abs(t.diff(now, 'minutes').minutes) <= 5;

/** One instant: "Fri 4 Dec, 12:00", "today, 09:30", "Mon 30 Nov" (midnight: the day). */
export function humanInstant(instant: string, context: HumanContext): string {
  const t = zoned(instant, context);
  if (!t.isValid) return instant;
  const now = zoned(context.now.toISOString(), context);
  if (isNow(t, now)) return 'now';
  const day = dayName(t, now);
  return isMidnight(t) ? day : `${day}, ${t.toFormat('HH:mm')}`;
}

/** A span: "Mon 30 Nov – today", "Fri 4 Dec, 12:00–13:00", "Mon 30 Nov – Fri 4 Dec". */
export function humanRange(start: string, end: string, context: HumanContext): string {
  const from = zoned(start, context);
  const to = zoned(end, context);
  if (!from.isValid || !to.isValid) return `${start} – ${end}`;
  const now = zoned(context.now.toISOString(), context);
  const fromDay = dayName(from, now);
  if (isNow(to, now))
    return `${isMidnight(from) ? fromDay : humanInstant(start, context)} – ${to.hasSame(from, 'day') ? 'now' : 'today'}`;
  if (isMidnight(from) && isMidnight(to)) {
    // Whole days, the end exclusive: "Fri 4 Dec" for one day.
    const last = to.minus({ days: 1 });
    return last <= from ? fromDay : `${fromDay} – ${dayName(last, now)}`;
  }
  if (to.hasSame(from, 'day')) return `${fromDay}, ${from.toFormat('HH:mm')}–${to.toFormat('HH:mm')}`;
  return `${humanInstant(start, context)} – ${humanInstant(end, context)}`;
}

/**
 * An instant with its day always written out ("Tue 8 Apr, 10:00"), never "today": for deadlines
 * on cards, which stay on screen long after they were drawn.
 */
export function absoluteInstant(instant: string, timeZone: string): string {
  const t = zoned(instant, { timeZone, now: new Date(0) });
  return t.isValid ? t.setLocale('en-GB').toFormat('ccc d LLL, HH:mm') : instant;
}

/** The short zone name shown next to times ("GMT", "BST", "UTC"). */
export function zoneLabel(timeZone: string, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.isValid ? local.toFormat('ZZZZ') : 'UTC';
}

/** "Patti Fernandez <pattif@example.com>", where the address matters (recipients); the address alone when no name is known. */
export function personWithAddress(address: string, people: Readonly<Record<string, string>> | undefined): string {
  const name = people?.[address.toLowerCase()] ?? people?.[address];
  return name && name !== address ? `${name} <${address}>` : address;
}

/** A person by address: their name when known, else the address. */
export function humanPerson(address: string, context: HumanContext): string {
  const people = context.people ?? {};
  return people[address] ?? people[address.toLowerCase()] ?? lowerKeys(people)[address.toLowerCase()] ?? address;
}

const LOWERED = new WeakMap<object, Record<string, string>>();
function lowerKeys(people: Readonly<Record<string, string>>): Record<string, string> {
  let lowered = LOWERED.get(people);
  if (!lowered) {
    lowered = Object.fromEntries(Object.entries(people).map(([k, v]) => [k.toLowerCase(), v]));
    LOWERED.set(people, lowered);
  }
  return lowered;
}

/**
 * Text as people read it: ranges and instants in the requester's zone, known addresses as names
 * ("Megan Bowen <meganb@example.com>" → "Megan Bowen"). Unknown addresses stay: they matter.
 */
export function humanText(text: string, context: HumanContext): string {
  if (ISO_ONE.test(text.trim())) return humanInstant(text.trim(), context);
  let out = text.replace(RANGE, (_m, start: string, end: string) => humanRange(start, end, context));
  out = out.replace(ISO, (instant) => humanInstant(instant, context));
  // "Name <address>" / "Name (address)" with a known address: the name alone.
  out = out.replace(NAMED_ADDRESS, (whole, name: string, address: string) =>
    humanPerson(address, context) !== address ? name.trim() : whole,
  );
  return out.replace(ADDRESS, (address) => humanPerson(address, context));
}

/** A step's card preview with every line made human. */
export function humanPreview(preview: StepPreview, context: HumanContext): StepPreview {
  return {
    title: humanText(preview.title, context),
    target: humanText(preview.target, context),
    reads: humanText(preview.reads, context),
    fields: preview.fields.map((field) => ({ label: field.label, value: humanText(field.value, context) })),
  };
}

/**
 * A support reference people can quote: the first 8 characters of a correlation id (log lines
 * carry the whole id, so a search by this prefix finds them), never a full internal UUID.
 */
export function shortReference(correlationId: string): string {
  return correlationId.replace(/-/g, '').slice(0, 8);
}

/**
 * Text for a markdown TextBlock: an address in angle brackets would be read as a tag or an
 * autolink and shown without its brackets ("Patti Fernandez pattif@example.com"), so it goes in
 * parentheses. Exact values are shown in TextRuns instead, which never format.
 */
export function markdownSafe(text: string): string {
  return text.replace(/<([^<>\s]+@[^<>\s]+)>/g, '($1)');
}
