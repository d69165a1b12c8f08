import { findUser, type SandboxUser } from '../directory';
import { badRequest } from '../errors';
import { newId } from '../ids';
import type { MailMessage } from '../model';
import type { SandboxStore } from '../store/store';
import { isoSeconds } from '../time';
import { copyAttachments, deleteAttachments } from './attachments';
import { changeKeyFor, outlookLink } from './compose';
import { folderId } from './folders';

/**
 * Send a draft the way Exchange does: the sender's copy leaves Drafts for Sent Items (or is
 * dropped when saveToSentItems is false) and every recipient who has a mailbox in this tenant
 * gets an unread copy in their Inbox. External recipients receive nothing here. The sent copy and
 * the delivered ones reach lists and searches only after the store's eventual-consistency lag.
 * Returns the ids of the delivered copies.
 */
export function sendDraft(
  store: SandboxStore,
  sender: SandboxUser,
  draft: MailMessage,
  now: Date,
  saveToSentItems = true,
): string[] {
  const everyone = [...draft.toRecipients, ...draft.ccRecipients, ...draft.bccRecipients];
  if (everyone.length === 0) {
    throw badRequest(
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
      'ErrorInvalidRecipients',
    );
  }
  const when = isoSeconds(now);
  const from = draft.from ?? { emailAddress: { name: sender.displayName, address: sender.mail } };
  const sent: MailMessage = {
    ...draft,
    isDraft: false,
    isRead: true,
    sentDateTime: when,
    receivedDateTime: when,
    lastModifiedDateTime: when,
    changeKey: changeKeyFor(draft.id, when),
    from,
    sender: from,
    parentFolderId: folderId(sender.id, 'sentitems'),
  };
  const delivered: string[] = [];
  store.transaction(() => {
    if (saveToSentItems) {
      store.putMail(sender.id, 'sentitems', sent);
      store.markNew('mail', sent.id, now);
    } else store.deleteMail(sender.id, draft.id);
    const seen = new Set<string>();
    for (const r of everyone) {
      const user = findUser(r.emailAddress.address);
      if (!user || seen.has(user.id)) continue;
      seen.add(user.id);
      const id = newId('message');
      const { singleValueExtendedProperties: _private, ...visible } = sent;
      store.putMail(user.id, 'inbox', {
        ...visible,
        id,
        webLink: outlookLink(id),
        changeKey: changeKeyFor(id, when),
        bccRecipients: [],
        isRead: false,
        parentFolderId: folderId(user.id, 'inbox'),
      });
      store.markNew('mail', id, now);
      copyAttachments(store, { ownerId: sender.id, messageId: draft.id }, { ownerId: user.id, messageId: id }, when);
      delivered.push(id);
    }
    if (!saveToSentItems) deleteAttachments(store, sender.id, draft.id);
  });
  return delivered;
}
