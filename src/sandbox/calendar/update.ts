import { findUser, type SandboxUser } from '../directory';
import { badRequest, itemNotFound } from '../errors';
import { newId } from '../ids';
import type { Attendee, CalendarEvent } from '../model';
import { stripHtml } from '../odata/search';
import { readAddress } from '../routes/shared';
import type { SandboxStore } from '../store/store';
import { isoSeconds, parseDateTimeTimeZone, toDateTimeTimeZone } from '../time';
import { attendee, composeEvent, instant } from './events';
import { deliverNotice } from './notices';

/** Properties the sandbox lets a PATCH change; others are ignored like Graph ignores unknown-but-valid ones. */
interface EventPatch {
  subject?: string;
  body?: CalendarEvent['body'];
  start?: Date;
  end?: Date;
  location?: string;
  attendees?: Attendee[];
  isOnlineMeeting?: boolean;
  showAs?: CalendarEvent['showAs'];
}

function readPatch(body: Record<string, unknown>): EventPatch {
  const patch: EventPatch = {};
  if (body.subject !== undefined) {
    if (typeof body.subject !== 'string') throw badRequest("'subject' must be a string.", 'RequestBodyRead');
    patch.subject = body.subject;
  }
  const b = body.body as { contentType?: unknown; content?: unknown } | undefined;
  if (b && typeof b.content === 'string')
    patch.body = { contentType: b.contentType === 'text' ? 'text' : 'html', content: b.content };
  if (body.start !== undefined) patch.start = parseDateTimeTimeZone(body.start, 'start');
  if (body.end !== undefined) patch.end = parseDateTimeTimeZone(body.end, 'end');
  const location = (body.location as { displayName?: unknown } | undefined)?.displayName;
  if (typeof location === 'string') patch.location = location;
  if (body.attendees !== undefined) {
    if (!Array.isArray(body.attendees)) throw badRequest("'attendees' must be an array.", 'RequestBodyRead');
    patch.attendees = body.attendees.map((a) => {
      const addr = readAddress(a);
      if (!addr) throw badRequest('An attendee has no valid email address.', 'ErrorInvalidRecipients');
      const type = (a as { type?: unknown }).type;
      return attendee(addr.name, addr.address, type === 'optional' || type === 'resource' ? type : 'required');
    });
  }
  if (typeof body.isOnlineMeeting === 'boolean') patch.isOnlineMeeting = body.isOnlineMeeting;
  patch.showAs = (['free', 'tentative', 'busy', 'oof', 'workingElsewhere'] as const).find((s) => s === body.showAs);
  if (patch.showAs === undefined) delete patch.showAs;
  return patch;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The event with `patch` applied, times kept in UTC; attendee responses reset when the time moves. */
function applied(e: CalendarEvent, patch: EventPatch, attendees: Attendee[], moved: boolean, now: Date): CalendarEvent {
  const start = patch.start ?? new Date(instant(e.start));
  const end = patch.end ?? new Date(instant(e.end));
  const online = patch.isOnlineMeeting ?? e.isOnlineMeeting;
  // A fresh copy knows the Teams defaults (provider, join link) for a meeting turned online.
  const fresh = composeEvent({
    id: e.id,
    iCalUId: e.iCalUId,
    subject: '',
    start,
    end,
    organizer: e.organizer,
    attendees: [],
    isOrganizer: e.isOrganizer,
    created: now,
    isOnlineMeeting: online,
  });
  const location = patch.location ?? e.location.displayName;
  return {
    ...e,
    subject: patch.subject ?? e.subject,
    body: patch.body ?? e.body,
    bodyPreview: patch.body ? stripHtml(patch.body.content).replace(/\s+/g, ' ').slice(0, 255) : e.bodyPreview,
    start: toDateTimeTimeZone(start),
    end: toDateTimeTimeZone(end),
    location: { displayName: location, locationType: 'default' },
    locations: location ? [{ displayName: location, locationType: 'default' }] : [],
    isOnlineMeeting: online,
    onlineMeetingProvider: fresh.onlineMeetingProvider,
    onlineMeeting: online ? (e.onlineMeeting ?? fresh.onlineMeeting) : null,
    showAs: patch.showAs ?? e.showAs,
    attendees: moved
      ? attendees.map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } }))
      : attendees,
    responseStatus: moved && !e.isOrganizer ? { response: 'none', time: '0001-01-01T00:00:00Z' } : e.responseStatus,
    lastModifiedDateTime: isoSeconds(now),
    changeKey: Buffer.from(`${e.id.slice(-10)}${now.toISOString()}`)
      .toString('base64')
      .slice(0, 28),
  };
}

function put(store: SandboxStore, owner: string, e: CalendarEvent): void {
  store.putEvent(owner, e, instant(e.start), instant(e.end));
}

/**
 * PATCH an event. An attendee changes only their own copy. The organizer's change reaches every
 * copy like Exchange's meeting update: attendees still invited get the new details (and must
 * respond again when the time moved), new ones get a copy and an invitation, removed ones get a
 * cancellation and lose their copy.
 */
export function updateEvent(
  store: SandboxStore,
  owner: SandboxUser,
  id: string,
  body: Record<string, unknown>,
  now: Date,
): CalendarEvent {
  const own = store.getEvent(owner.id, id);
  if (!own) throw itemNotFound();
  const patch = readPatch(body);
  const start = patch.start?.getTime() ?? instant(own.start);
  const end = patch.end?.getTime() ?? instant(own.end);
  if (end < start) throw badRequest('The end time of the event must be after its start time.', 'ErrorInvalidRequest');
  const moved = start !== instant(own.start) || end !== instant(own.end);
  if (!own.isOrganizer) {
    const mine = applied(own, patch, patch.attendees ?? own.attendees, false, now);
    put(store, owner.id, mine);
    return mine;
  }
  if (own.isCancelled) throw badRequest('The meeting has been cancelled and cannot be changed.', 'ErrorInvalidRequest');
  const attendees = (patch.attendees ?? own.attendees).map((a) => {
    const before = own.attendees.find((o) => same(o.emailAddress.address, a.emailAddress.address));
    return before ? { ...a, status: before.status } : a;
  });
  const updated = applied(own, patch, attendees, moved, now);
  const invited = (address: string): boolean => attendees.some((a) => same(a.emailAddress.address, address));
  store.transaction(() => {
    put(store, owner.id, updated);
    const withCopy = new Set<string>([owner.id]);
    for (const copy of store.listEventCopies(own.iCalUId)) {
      if (copy.owner === owner.id) continue;
      const user = findUser(copy.owner);
      withCopy.add(copy.owner);
      if (!user || !invited(user.mail)) {
        store.deleteEvent(copy.owner, copy.event.id);
        if (user)
          deliverNotice(
            store,
            owner,
            [user],
            {
              type: 'meetingCancelled',
              subject: `Canceled: ${updated.subject}`,
              from: updated.organizer,
              to: [{ emailAddress: { name: user.displayName, address: user.mail } }],
              event: updated,
            },
            now,
          );
        continue;
      }
      put(store, copy.owner, { ...applied(copy.event, patch, attendees, moved, now), isOrganizer: false });
    }
    const added = attendees
      .map((a) => findUser(a.emailAddress.address))
      .filter((u): u is SandboxUser => !!u && !withCopy.has(u.id));
    for (const user of added) {
      const copy = {
        ...updated,
        id: newId('event'),
        isOrganizer: false,
        transactionId: null,
        responseStatus: { response: 'none', time: '0001-01-01T00:00:00Z' },
      };
      put(store, user.id, copy);
    }
    const recipients = attendees.map((a) => findUser(a.emailAddress.address));
    deliverNotice(
      store,
      owner,
      recipients,
      {
        type: 'meetingRequest',
        subject: updated.subject,
        from: updated.organizer,
        to: attendees.map((a) => ({ emailAddress: a.emailAddress })),
        event: updated,
      },
      now,
    );
  });
  return updated;
}
