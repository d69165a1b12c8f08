import { toUtcIso } from '../common/time';
import type { EventSummary } from './event-summary';

interface Requested {
  readonly subject?: string;
  readonly start?: string;
  readonly end?: string;
  readonly attendees?: readonly string[];
  readonly addAttendees?: readonly string[];
  readonly removeAttendees?: readonly string[];
  readonly body?: string;
  readonly isOnlineMeeting?: boolean;
}

type Attendee = EventSummary['attendees'][number];

/** What a requested change means for the meeting as it is now. */
export interface EventChange {
  /** False when the meeting already looks as requested. */
  readonly needed: boolean;
  /** New times (UTC), when they move. */
  readonly start?: string;
  readonly end: string;
  /** The full new attendee list, when it changes. */
  readonly attendees?: readonly Attendee[];
}

const lower = (s: string): string => s.toLowerCase();

function newAttendees(current: readonly Attendee[], wanted: Requested): readonly Attendee[] | undefined {
  if (!wanted.attendees && !wanted.addAttendees && !wanted.removeAttendees) return undefined;
  const known = (address: string): Attendee =>
    current.find((a) => lower(a.address) === lower(address)) ?? {
      name: address,
      address,
      type: 'required',
      response: 'none',
    };
  let list = wanted.attendees ? wanted.attendees.map(known) : [...current];
  for (const address of wanted.addAttendees ?? [])
    if (!list.some((a) => lower(a.address) === lower(address))) list.push(known(address));
  const removed = new Set((wanted.removeAttendees ?? []).map(lower));
  list = list.filter((a) => !removed.has(lower(a.address)));
  const same =
    list.length === current.length && list.every((a) => current.some((c) => lower(c.address) === lower(a.address)));
  return same ? undefined : list;
}

/**
 * Work out the change: a new start keeps the meeting's length unless an end is given; a new
 * attendee list is the current one replaced, added to and removed from, in that order.
 */
export function planChange(current: EventSummary, wanted: Requested): EventChange {
  const length = Date.parse(current.end) - Date.parse(current.start);
  const start = wanted.start !== undefined ? toUtcIso(wanted.start) : current.start;
  const end =
    wanted.end !== undefined
      ? toUtcIso(wanted.end)
      : new Date(Date.parse(start) + length).toISOString().replace(/\.000Z$/, 'Z');
  const moved = Date.parse(start) !== Date.parse(current.start) || Date.parse(end) !== Date.parse(current.end);
  const attendees = newAttendees(current.attendees, wanted);
  const renamed = wanted.subject !== undefined && wanted.subject !== current.subject;
  const online = wanted.isOnlineMeeting !== undefined && wanted.isOnlineMeeting !== current.isOnlineMeeting;
  // A new description cannot be compared (Graph returns it as HTML), so it always counts as a change.
  const needed = moved || renamed || online || attendees !== undefined || wanted.body !== undefined;
  return { needed, ...(moved ? { start } : {}), end, ...(attendees ? { attendees } : {}) };
}
