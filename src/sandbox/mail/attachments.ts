import { createHash } from 'node:crypto';
import type { SandboxStore } from '../store/store';

/** A file attachment of a message, as stored (its bytes are a blob). */
export interface StoredAttachment {
  readonly id: string;
  readonly ownerId: string;
  readonly messageId: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly isInline: boolean;
  readonly lastModifiedDateTime: string;
}

/** A file to attach: name, MIME type and bytes. */
export interface AttachmentFile {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly isInline?: boolean;
}

const KIND = 'mail.attachment';
const parentOf = (ownerId: string, messageId: string): string => `${ownerId}/${messageId}`;
const blobOf = (id: string): string => `${KIND}:${id}`;

/**
 * Attachment ids are opaque and stable for a (message, position) pair, so a reseed gives the
 * same ids and a copy (forward, delivery) gets its own.
 */
export function attachmentId(messageId: string, index: number): string {
  const digest = createHash('sha256').update(`attachment|${messageId}|${index}`).digest('base64url').slice(0, 32);
  return `AAMkAtt${digest}=`;
}

/** The attachments of one message, in the order they were added. */
export function listAttachments(store: SandboxStore, ownerId: string, messageId: string): StoredAttachment[] {
  return store.listDocs<StoredAttachment>(KIND, { parent: parentOf(ownerId, messageId) });
}

/** An attachment's bytes (empty when missing). */
export function attachmentBytes(store: SandboxStore, attachment: StoredAttachment): Buffer {
  return store.getBlob(blobOf(attachment.id)) ?? Buffer.alloc(0);
}

/** Add a file to a message; returns the stored attachment. */
export function putAttachment(
  store: SandboxStore,
  ownerId: string,
  messageId: string,
  file: AttachmentFile,
  when: string,
): StoredAttachment {
  const index = listAttachments(store, ownerId, messageId).length;
  const id = attachmentId(messageId, index);
  const stored: StoredAttachment = {
    id,
    ownerId,
    messageId,
    name: file.name,
    contentType: file.contentType,
    size: file.bytes.length,
    isInline: file.isInline ?? false,
    lastModifiedDateTime: when,
  };
  store.putDoc(KIND, id, stored, {
    owner: ownerId,
    parent: parentOf(ownerId, messageId),
    sort: String(index).padStart(4, '0'),
  });
  store.putBlob(blobOf(id), file.bytes);
  return stored;
}

/** Copy every attachment of one message to another (a forward draft, a delivered copy). */
export function copyAttachments(
  store: SandboxStore,
  from: { ownerId: string; messageId: string },
  to: { ownerId: string; messageId: string },
  when: string,
): number {
  const originals = listAttachments(store, from.ownerId, from.messageId);
  for (const a of originals) {
    putAttachment(
      store,
      to.ownerId,
      to.messageId,
      { name: a.name, contentType: a.contentType, bytes: attachmentBytes(store, a), isInline: a.isInline },
      when,
    );
  }
  return originals.length;
}

/** Remove a message's attachments (when the message itself is removed). */
export function deleteAttachments(store: SandboxStore, ownerId: string, messageId: string): void {
  for (const a of listAttachments(store, ownerId, messageId)) {
    store.deleteDoc(KIND, a.id);
    store.deleteBlob(blobOf(a.id));
  }
}

/** Graph's `#microsoft.graph.fileAttachment`, with its bytes base64-encoded. */
export function attachmentView(store: SandboxStore, a: StoredAttachment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': a.contentType,
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: a.isInline,
    contentId: null,
    contentLocation: null,
    contentBytes: attachmentBytes(store, a).toString('base64'),
  };
}
