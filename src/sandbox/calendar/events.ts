import { createHash } from 'node:crypto';
import { newId } from '../ids';
import type { Attendee, CalendarEvent, Recipient } from '../model';
import { applySelect } from '../odata/query';
import { stripHtml } from '../odata/search';
import { isoSeconds, toDateTimeTimeZone } from '../time';

/** What it takes to make one calendar copy of a meeting. */
export interface EventSpec {
  readonly id?: string;
  readonly iCalUId: string;
  readonly subject: string;
  readonly body?: CalendarEvent['body'];
  readonly start: Date;
  readonly end: Date;
  readonly startZone?: string;
  readonly endZone?: string;
  readonly organizer: Recipient;
  readonly attendees: Attendee[];
  readonly isOrganizer: boolean;
  readonly isOnlineMeeting?: boolean;
  readonly location?: string;
  readonly showAs?: CalendarEvent['showAs'];
  readonly transactionId?: string | null;
  readonly created: Date;
  readonly importance?: CalendarEvent['importance'];
}

/** Exchange-style iCalUId (a fixed header then a per-meeting part). */
export const iCalUIdFor = (key: string): string =>
  `040000008200E00074C5B7101A82E00800000000${createHash('sha256').update(key).digest('hex').slice(0, 48).toUpperCase()}`;

/** Instant of a stored (UTC) `dateTimeTimeZone`. */
export const instant = (v: { dateTime: string }): number => Date.parse(`${v.dateTime.slice(0, 19)}Z`);

/** Build one copy (organizer's or an attendee's) of a meeting. */
export function composeEvent(spec: EventSpec): CalendarEvent {
  const id = spec.id ?? newId('event');
  const created = isoSeconds(spec.created);
  const body = spec.body ?? { contentType: 'html' as const, content: '' };
  const joinUrl = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${spec.iCalUId.slice(-24)}%40thread.v2/0`;
  return {
    id,
    createdDateTime: created,
    lastModifiedDateTime: created,
    changeKey: Buffer.from(`${id.slice(-10)}${created}`)
      .toString('base64')
      .slice(0, 28),
    categories: [],
    transactionId: spec.transactionId ?? null,
    originalStartTimeZone: spec.startZone ?? 'UTC',
    originalEndTimeZone: spec.endZone ?? spec.startZone ?? 'UTC',
    iCalUId: spec.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: spec.subject,
    bodyPreview: stripHtml(body.content).replace(/\s+/g, ' ').slice(0, 255),
    importance: spec.importance ?? 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: spec.isOrganizer,
    responseRequested: true,
    seriesMasterId: null,
    showAs: spec.showAs ?? 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    isOnlineMeeting: spec.isOnlineMeeting ?? false,
    onlineMeetingProvider: spec.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: spec.isOnlineMeeting ? { joinUrl } : null,
    responseStatus: { response: spec.isOrganizer ? 'organizer' : 'none', time: '0001-01-01T00:00:00Z' },
    body,
    start: toDateTimeTimeZone(spec.start),
    end: toDateTimeTimeZone(spec.end),
    location: { displayName: spec.location ?? '', locationType: 'default' },
    locations: spec.location ? [{ displayName: spec.location, locationType: 'default' }] : [],
    attendees: spec.attendees,
    organizer: spec.organizer,
  };
}

/** An attendee entry as stored on every copy (no responses yet). */
export const attendee = (name: string, address: string, type: Attendee['type'] = 'required'): Attendee => ({
  type,
  status: { response: 'none', time: '0001-01-01T00:00:00Z' },
  emailAddress: { name, address },
});

/** An event as Graph returns it: times in the `Prefer: outlook.timezone` zone (UTC by default). */
export function eventView(e: CalendarEvent, zone: string, select: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${e.changeKey}"`,
    ...e,
    start: toDateTimeTimeZone(new Date(instant(e.start)), zone),
    end: toDateTimeTimeZone(new Date(instant(e.end)), zone),
  };
  return applySelect(out, select, 'event', ['id']);
}
