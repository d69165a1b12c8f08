import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Ids that look like Graph's: opaque base64url strings with an Exchange-like prefix for
 * mailbox items, numeric millisecond strings for chat messages, GUIDs elsewhere.
 * Seeded ids derive from a key so that two seeds are identical; runtime ids are random.
 */
export type IdKind = 'message' | 'event' | 'conversation' | 'folder' | 'member';

const PREFIX: Record<IdKind, string> = {
  message: 'AAMkAGE1',
  event: 'AAMkAGE2',
  conversation: 'AAQkAGE3',
  folder: 'AAMkAGE4',
  member: 'MCMjMSMj',
};

function b64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A stable id for seeded data and per-user constants (folders). */
export function stableId(kind: IdKind, key: string): string {
  return `${PREFIX[kind]}${b64url(createHash('sha256').update(`${kind}:${key}`).digest()).slice(0, 40)}AAA=`;
}

/** A fresh id for an item created through the API. */
export function newId(kind: IdKind): string {
  return `${PREFIX[kind]}${b64url(randomBytes(30))}AAA=`;
}

/** A stable GUID-shaped string (iCalUId-like values, internet message ids). */
export function stableGuid(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const newGuid = (): string => randomUUID();
