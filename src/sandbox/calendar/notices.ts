import type { SandboxUser } from '../directory';
import { composeMessage } from '../mail/compose';
import type { CalendarEvent, MailMessage, Recipient } from '../model';
import type { SandboxStore } from '../store/store';
import { instant } from './events';

/** Graph's `meetingMessageType` of the mails a meeting change sends. */
export type MeetingMessageType =
  'meetingRequest' | 'meetingCancelled' | 'meetingAccepted' | 'meetingTenativelyAccepted' | 'meetingDeclined';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function when(event: CalendarEvent): string {
  const start = new Date(instant(event.start)).toISOString();
  const end = new Date(instant(event.end)).toISOString();
  return `${start.slice(0, 16).replace('T', ' ')}–${end.slice(11, 16)} UTC`;
}

/** What one notice says and to whom. */
export interface Notice {
  readonly type: MeetingMessageType;
  readonly subject: string;
  readonly from: Recipient;
  readonly to: readonly Recipient[];
  readonly event: CalendarEvent;
  /** The sender's own words (a cancellation reason, a response comment). */
  readonly comment?: string;
}

function message(ownerId: string, folder: 'inbox' | 'sentitems', notice: Notice, now: Date): MailMessage {
  const comment = notice.comment ? `<p>${escapeHtml(notice.comment)}</p>` : '';
  const composed = composeMessage({
    ownerId,
    folder,
    subject: notice.subject,
    from: notice.from,
    received: now,
    isRead: folder === 'sentitems',
    isDraft: false,
    toRecipients: notice.to.map((r) => ({ emailAddress: r.emailAddress })),
    body: {
      contentType: 'html',
      content: `<html><body>${comment}<p>${escapeHtml(when(notice.event))}</p></body></html>`,
    },
  });
  // The shared mail model only names meeting requests; the stored document carries Graph's full set.
  return Object.assign(composed, { meetingMessageType: notice.type }) as MailMessage;
}

/**
 * Deliver a meeting notice like Exchange: a copy in the Inbox of every tenant recipient (people
 * outside the tenant get theirs by internet mail, which the sandbox does not keep) and one in the
 * sender's Sent Items.
 */
export function deliverNotice(
  store: SandboxStore,
  sender: SandboxUser,
  recipients: ReadonlyArray<SandboxUser | undefined>,
  notice: Notice,
  now: Date,
): void {
  const seen = new Set<string>([sender.id]);
  for (const user of recipients) {
    if (!user || seen.has(user.id)) continue;
    seen.add(user.id);
    store.putMail(user.id, 'inbox', message(user.id, 'inbox', notice, now));
  }
  if (notice.to.length > 0) store.putMail(sender.id, 'sentitems', message(sender.id, 'sentitems', notice, now));
}
