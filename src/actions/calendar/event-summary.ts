import { z } from 'zod';
import { fromGraphDateTime, wallClock } from '../common/time';

interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone?: string | null;
}

interface GraphAddress {
  readonly emailAddress?: { readonly name?: string | null; readonly address?: string | null } | null;
}

/** The event properties the calendar actions read (`$select` below). */
export interface GraphEvent {
  readonly id: string;
  readonly subject?: string | null;
  readonly start?: GraphDateTime | null;
  readonly end?: GraphDateTime | null;
  readonly organizer?: GraphAddress | null;
  readonly isOrganizer?: boolean | null;
  readonly isCancelled?: boolean | null;
  readonly isOnlineMeeting?: boolean | null;
  readonly showAs?: string | null;
  readonly responseStatus?: { readonly response?: string | null } | null;
  readonly location?: { readonly displayName?: string | null } | null;
  readonly webLink?: string | null;
  readonly attendees?: ReadonlyArray<
    GraphAddress & { readonly type?: string | null; readonly status?: { readonly response?: string | null } | null }
  > | null;
}

/** `$select` for {@link GraphEvent}. */
export const EVENT_SELECT =
  'id,subject,start,end,organizer,isOrganizer,isCancelled,isOnlineMeeting,showAs,responseStatus,location,webLink,attendees';

const person = z.object({ name: z.string(), address: z.string() });

/** A meeting as the calendar actions hand it on: UTC instants, plus the wall-clock time in the zone asked for. */
export const eventSummary = z.object({
  id: z.string(),
  subject: z.string(),
  start: z.string(),
  end: z.string(),
  /** `2026-11-27T15:00:00` in the requested time zone, as Graph returned it. */
  startLocal: z.string(),
  endLocal: z.string(),
  organizer: person,
  isOrganizer: z.boolean(),
  /** The requester's answer: organizer, accepted, tentativelyAccepted, declined, notResponded, none. */
  myResponse: z.string(),
  attendees: z.array(person.extend({ type: z.string(), response: z.string() })),
  isCancelled: z.boolean(),
  isOnlineMeeting: z.boolean(),
  showAs: z.string(),
  location: z.string(),
  webLink: z.string(),
});
export type EventSummary = z.infer<typeof eventSummary>;

const addressOf = (a: GraphAddress | null | undefined): { name: string; address: string } => ({
  name: a?.emailAddress?.name ?? a?.emailAddress?.address ?? '',
  address: a?.emailAddress?.address ?? '',
});

/**
 * A Graph event as an {@link EventSummary}. With `timeZone`, the wall-clock times are computed
 * in it from the instants (Graph was asked for UTC); without, they are Graph's own.
 */
export function summariseEvent(e: GraphEvent, timeZone?: string): EventSummary {
  const start = e.start ?? { dateTime: '', timeZone: 'UTC' };
  const end = e.end ?? { dateTime: '', timeZone: 'UTC' };
  const startUtc = fromGraphDateTime(start);
  const endUtc = fromGraphDateTime(end);
  return {
    id: e.id,
    subject: e.subject ?? '',
    start: startUtc,
    end: endUtc,
    startLocal: timeZone ? wallClock(startUtc, timeZone) : start.dateTime.slice(0, 19),
    endLocal: timeZone ? wallClock(endUtc, timeZone) : end.dateTime.slice(0, 19),
    organizer: addressOf(e.organizer),
    isOrganizer: e.isOrganizer === true,
    myResponse: e.responseStatus?.response ?? 'none',
    attendees: (e.attendees ?? []).map((a) => ({
      ...addressOf(a),
      type: a.type ?? 'required',
      response: a.status?.response ?? 'none',
    })),
    isCancelled: e.isCancelled === true,
    isOnlineMeeting: e.isOnlineMeeting === true,
    showAs: e.showAs ?? 'busy',
    location: e.location?.displayName ?? '',
    webLink: e.webLink ?? '',
  };
}
