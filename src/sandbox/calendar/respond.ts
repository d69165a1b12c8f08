import { findUser, type SandboxUser } from '../directory';
import { badRequest, itemNotFound } from '../errors';
import type { SandboxStore } from '../store/store';
import { isoSeconds } from '../time';
import { instant } from './events';
import { deliverNotice, type MeetingMessageType } from './notices';

/** The three answers an attendee can give, as Graph's action names. */
export type ResponseAction = 'accept' | 'tentativelyAccept' | 'decline';

const STATUS: Record<ResponseAction, string> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};
const MESSAGE: Record<ResponseAction, { type: MeetingMessageType; prefix: string }> = {
  accept: { type: 'meetingAccepted', prefix: 'Accepted' },
  tentativelyAccept: { type: 'meetingTenativelyAccepted', prefix: 'Tentative' },
  decline: { type: 'meetingDeclined', prefix: 'Declined' },
};

/**
 * An attendee answers an invitation: their copy records the answer (a declined meeting leaves their
 * calendar), the organizer's copy tracks it on the attendee list, and with `sendResponse` the
 * organizer gets an "Accepted: …" (etc.) mail carrying the comment.
 */
export function respondToEvent(
  store: SandboxStore,
  attendee: SandboxUser,
  id: string,
  action: ResponseAction,
  options: { readonly comment?: string; readonly sendResponse: boolean },
  now: Date,
): void {
  const own = store.getEvent(attendee.id, id);
  if (!own) throw itemNotFound();
  if (own.isOrganizer)
    throw badRequest(
      "Your request can't be completed. You can't respond to a meeting you organized.",
      'ErrorInvalidRequest',
    );
  if (own.isCancelled)
    throw badRequest("Your request can't be completed. The meeting has been cancelled.", 'ErrorInvalidRequest');
  const status = { response: STATUS[action], time: isoSeconds(now) };
  const organizer = findUser(own.organizer.emailAddress.address);
  store.transaction(() => {
    if (action === 'decline') store.deleteEvent(attendee.id, own.id);
    else {
      const mine = {
        ...own,
        responseStatus: status,
        showAs:
          action === 'tentativelyAccept'
            ? ('tentative' as const)
            : own.showAs === 'tentative'
              ? ('busy' as const)
              : own.showAs,
      };
      store.putEvent(attendee.id, mine, instant(mine.start), instant(mine.end));
    }
    const orgCopy = organizer
      ? store.listEventCopies(own.iCalUId).find((c) => c.owner === organizer.id && c.event.isOrganizer)
      : undefined;
    if (organizer && orgCopy) {
      const attendees = orgCopy.event.attendees.map((a) =>
        a.emailAddress.address.toLowerCase() === attendee.mail.toLowerCase() ? { ...a, status } : a,
      );
      store.putEvent(
        organizer.id,
        { ...orgCopy.event, attendees },
        instant(orgCopy.event.start),
        instant(orgCopy.event.end),
      );
    }
    if (options.sendResponse) {
      const { type, prefix } = MESSAGE[action];
      deliverNotice(
        store,
        attendee,
        [organizer],
        {
          type,
          subject: `${prefix}: ${own.subject}`,
          from: { emailAddress: { name: attendee.displayName, address: attendee.mail } },
          to: [own.organizer],
          event: own,
          comment: options.comment,
        },
        now,
      );
    }
  });
}
