import { createHash } from 'node:crypto';
import { findUser, type SandboxUser } from '../directory';
import { badRequest, GraphError } from '../errors';
import { newGuid } from '../ids';
import { composeMessage } from '../mail/compose';
import type { Attendee, CalendarEvent } from '../model';
import { readAddress } from '../routes/shared';
import type { SandboxStore } from '../store/store';
import { parseDateTimeTimeZone } from '../time';
import { attendee, composeEvent, iCalUIdFor } from './events';

/** Read Graph's event request body into what createMeeting needs. */
export function readEventInput(body: Record<string, unknown>) {
  const start = parseDateTimeTimeZone(body.start, 'start');
  const end = parseDateTimeTimeZone(body.end, 'end');
  if (end.getTime() < start.getTime())
    throw badRequest('The end time of the event must be after its start time.', 'ErrorInvalidRequest');
  const raw = body.attendees ?? [];
  if (!Array.isArray(raw)) throw badRequest("'attendees' must be an array.", 'RequestBodyRead');
  const attendees: Attendee[] = raw.map((a) => {
    const addr = readAddress(a);
    if (!addr) throw badRequest('An attendee has no valid email address.', 'ErrorInvalidRecipients');
    const type = (a as { type?: unknown }).type;
    return attendee(addr.name, addr.address, type === 'optional' || type === 'resource' ? type : 'required');
  });
  const b = body.body as { contentType?: unknown; content?: unknown } | undefined;
  const location = (body.location as { displayName?: unknown } | undefined)?.displayName;
  return {
    subject: typeof body.subject === 'string' ? body.subject : '',
    body: {
      contentType: b?.contentType === 'text' ? ('text' as const) : ('html' as const),
      content: typeof b?.content === 'string' ? b.content : '',
    },
    start,
    end,
    startZone: (body.start as { timeZone?: string }).timeZone ?? 'UTC',
    endZone: (body.end as { timeZone?: string }).timeZone ?? 'UTC',
    attendees,
    isOnlineMeeting: body.isOnlineMeeting === true,
    location: typeof location === 'string' ? location : undefined,
    showAs:
      (['free', 'tentative', 'busy', 'oof', 'workingElsewhere'] as const).find((s) => s === body.showAs) ?? 'busy',
    transactionId: typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : null,
  };
}

export type EventInput = ReturnType<typeof readEventInput>;

/**
 * Create a meeting like Exchange: the organizer's copy, a copy on each tenant attendee's
 * calendar (not yet responded) with an invitation in their Inbox, and the invitation in the
 * organizer's Sent Items. A repeated transactionId with the same request returns the organizer's
 * existing event; with a different request it is refused, as Exchange refuses it
 * (`ErrorDuplicateTransactionId`), never answered with the first event.
 */
export function createMeeting(
  store: SandboxStore,
  organizer: SandboxUser,
  input: EventInput,
  now: Date,
): CalendarEvent {
  if (input.transactionId) {
    const key = `transaction:${organizer.id}:${input.transactionId}`;
    const fingerprint = fingerprintOf(input);
    const existing = store.findEventByTransaction(organizer.id, input.transactionId);
    if (existing) {
      const first = store.getMeta(key);
      if (first !== undefined && first !== fingerprint)
        throw new GraphError(
          400,
          'ErrorDuplicateTransactionId',
          'A different request with the same TransactionId was already processed.',
        );
      return existing;
    }
    store.setMeta(key, fingerprint);
  }
  const iCalUId = iCalUIdFor(newGuid());
  const org = { emailAddress: { name: organizer.displayName, address: organizer.mail } };
  const common = { ...input, iCalUId, organizer: org, created: now };
  const own = composeEvent({ ...common, isOrganizer: true });
  store.transaction(() => {
    store.putEvent(organizer.id, own, input.start.getTime(), input.end.getTime());
    store.markNew('event', own.id, now);
    const invited = new Set<string>([organizer.id]);
    for (const a of input.attendees) {
      const user = findUser(a.emailAddress.address);
      if (!user || invited.has(user.id)) continue;
      invited.add(user.id);
      const copy = composeEvent({ ...common, isOrganizer: false, transactionId: null });
      store.putEvent(user.id, copy, input.start.getTime(), input.end.getTime());
      store.markNew('event', copy.id, now);
      const invite = invitation(user.id, 'inbox', input, org, now);
      store.putMail(user.id, 'inbox', invite);
      store.markNew('mail', invite.id, now);
    }
    if (input.attendees.length > 0)
      store.putMail(organizer.id, 'sentitems', {
        ...invitation(organizer.id, 'sentitems', input, org, now),
        isRead: true,
      });
  });
  return own;
}

function invitation(
  ownerId: string,
  folder: 'inbox' | 'sentitems',
  input: EventInput,
  org: { emailAddress: { name: string; address: string } },
  now: Date,
) {
  const when = `${input.start.toISOString().slice(0, 16).replace('T', ' ')}–${input.end.toISOString().slice(11, 16)} UTC`;
  const message = composeMessage({
    ownerId,
    folder,
    subject: input.subject,
    from: org,
    received: now,
    isRead: false,
    isDraft: false,
    toRecipients: input.attendees.filter((a) => a.type !== 'optional').map((a) => ({ emailAddress: a.emailAddress })),
    ccRecipients: input.attendees.filter((a) => a.type === 'optional').map((a) => ({ emailAddress: a.emailAddress })),
    body: { contentType: 'html', content: `<html><body><p>${escapeHtml(when)}</p>${input.body.content}</body></html>` },
  });
  return { ...message, meetingMessageType: 'meetingRequest' as const };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What identifies a create request, for a repeated transactionId (the event may change later). */
function fingerprintOf(input: EventInput): string {
  const { transactionId: _ignored, ...request } = input;
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
