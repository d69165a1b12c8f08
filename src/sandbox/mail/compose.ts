import { createHash } from 'node:crypto';
import { newGuid, newId } from '../ids';
import type { ExtendedProperty, FolderName, MailMessage, Recipient } from '../model';
import { stripHtml } from '../odata/search';
import { isoSeconds } from '../time';
import { folderId } from './folders';

/** What it takes to make a message; the rest gets Graph's defaults. */
export interface MessageSpec {
  readonly id?: string;
  readonly ownerId: string;
  readonly folder: FolderName;
  readonly subject: string;
  readonly body: { contentType: 'text' | 'html'; content: string };
  readonly from: Recipient | null;
  readonly toRecipients?: Recipient[];
  readonly ccRecipients?: Recipient[];
  readonly bccRecipients?: Recipient[];
  readonly received: Date;
  readonly sent?: Date;
  readonly isRead: boolean;
  readonly isDraft: boolean;
  readonly importance?: MailMessage['importance'];
  readonly conversationId?: string;
  readonly internetMessageId?: string;
  readonly hasAttachments?: boolean;
  readonly extendedProperties?: ExtendedProperty[];
}

/** Graph's bodyPreview: the first 255 characters of the body's text. */
export const preview = (body: { contentType: string; content: string }): string =>
  (body.contentType === 'html' ? stripHtml(body.content) : body.content).replace(/\s+/g, ' ').trim().slice(0, 255);

export const outlookLink = (id: string): string =>
  `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`;

/** Build a complete stored message from a spec. */
export function composeMessage(spec: MessageSpec): MailMessage {
  const id = spec.id ?? newId('message');
  const when = isoSeconds(spec.received);
  const message: MailMessage = {
    id,
    createdDateTime: when,
    lastModifiedDateTime: when,
    changeKey: changeKeyFor(id, when),
    categories: [],
    receivedDateTime: when,
    sentDateTime: isoSeconds(spec.sent ?? spec.received),
    hasAttachments: spec.hasAttachments ?? false,
    internetMessageId: spec.internetMessageId ?? `<${newGuid()}@example.com>`,
    subject: spec.subject,
    bodyPreview: preview(spec.body),
    importance: spec.importance ?? 'normal',
    parentFolderId: folderId(spec.ownerId, spec.folder),
    conversationId: spec.conversationId ?? newId('conversation'),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: spec.isRead,
    isDraft: spec.isDraft,
    webLink: outlookLink(id),
    inferenceClassification: 'focused',
    body: spec.body,
    sender: spec.from,
    from: spec.from,
    toRecipients: spec.toRecipients ?? [],
    ccRecipients: spec.ccRecipients ?? [],
    bccRecipients: spec.bccRecipients ?? [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
  };
  if (spec.extendedProperties?.length) message.singleValueExtendedProperties = spec.extendedProperties;
  return message;
}

/** A change key that moves with every write, like Exchange's. */
export const changeKeyFor = (id: string, modified: string): string =>
  createHash('sha256').update(`${id}|${modified}`).digest('base64').slice(0, 28);
