import { findUser, type SandboxUser } from '../directory';
import { badRequest, itemNotFound } from '../errors';
import type { SandboxStore } from '../store/store';
import { isoSeconds } from '../time';
import { instant } from './events';
import { deliverNotice } from './notices';

/**
 * The organizer cancels a meeting (Graph's `POST /events/{id}/cancel`): the organizer's copy goes,
 * each attendee's copy stays marked cancelled ("Canceled: …") until they remove it, and every
 * attendee gets the cancellation with the organizer's comment.
 */
export function cancelEvent(
  store: SandboxStore,
  organizer: SandboxUser,
  id: string,
  comment: string | undefined,
  now: Date,
): void {
  const own = store.getEvent(organizer.id, id);
  if (!own) throw itemNotFound();
  if (!own.isOrganizer) {
    throw badRequest(
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
      'ErrorAccessDenied',
    );
  }
  const subject = `Canceled: ${own.subject}`;
  store.transaction(() => {
    for (const copy of store.listEventCopies(own.iCalUId)) {
      if (copy.owner === organizer.id) continue;
      const cancelled = { ...copy.event, subject, isCancelled: true, lastModifiedDateTime: isoSeconds(now) };
      store.putEvent(copy.owner, cancelled, instant(cancelled.start), instant(cancelled.end));
    }
    store.deleteEvent(organizer.id, own.id);
    const recipients = own.attendees.map((a) => findUser(a.emailAddress.address));
    deliverNotice(
      store,
      organizer,
      recipients,
      {
        type: 'meetingCancelled',
        subject,
        from: own.organizer,
        to: own.attendees.map((a) => ({ emailAddress: a.emailAddress })),
        event: own,
        comment,
      },
      now,
    );
  });
}
