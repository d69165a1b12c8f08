import { createHash } from 'node:crypto';

/**
 * A GUID derived from an idempotency key, stable across attempts and processes: SHA-256 of
 * the key, formatted as an RFC 4122 name-based (version 5 layout) UUID. Used as Graph's
 * event `transactionId`, which must be a GUID.
 */
export function guidFromKey(key: string): string {
  const bytes = createHash('sha256').update(`delegate:${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The requester's own Graph root: `/users/{id}` works for delegated and app identity alike. */
export function userRoot(actorId: string): string {
  return `/users/${encodeURIComponent(actorId)}`;
}

/** Quote a string as an OData literal (single quotes doubled). */
export function odataLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
