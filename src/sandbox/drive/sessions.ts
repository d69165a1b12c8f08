import { randomBytes } from 'node:crypto';
import { findUser } from '../directory';
import { badRequest, GraphError } from '../errors';
import type { SandboxStore } from '../store/store';
import { getItem, UPLOAD_SESSION, type StoredItem } from './items';
import { writeFile, type ConflictBehavior } from './write';

/** An upload in progress: where the file goes and what has arrived so far. */
export interface UploadSession {
  readonly id: string;
  readonly owner: string;
  readonly by: string;
  readonly parentId: string;
  readonly name: string;
  readonly conflict: ConflictBehavior;
  /** Set by the first fragment's Content-Range total. */
  readonly total?: number;
  readonly received: number;
  readonly now: string;
  readonly expires: string;
}

const MAX_FRAGMENT = 60 * 1024 * 1024;
const partsKey = (id: string): string => `drive.upload:${id}`;

export function openSession(store: SandboxStore, s: Omit<UploadSession, 'id' | 'received'>): UploadSession {
  const session: UploadSession = { ...s, id: randomBytes(24).toString('base64url'), received: 0 };
  store.putDoc(UPLOAD_SESSION, session.id, session, { owner: s.owner });
  store.putBlob(partsKey(session.id), Buffer.alloc(0));
  return session;
}

export const getSession = (store: SandboxStore, id: string): UploadSession | undefined =>
  store.getDoc<UploadSession>(UPLOAD_SESSION, id);

export function cancelSession(store: SandboxStore, id: string): void {
  store.transaction(() => {
    store.deleteDoc(UPLOAD_SESSION, id);
    store.deleteBlob(partsKey(id));
  });
}

/** `{ expirationDateTime, nextExpectedRanges }`: what Graph answers about an unfinished session. */
export function sessionStatus(session: UploadSession): Record<string, unknown> {
  return {
    expirationDateTime: session.expires,
    nextExpectedRanges: [session.total ? `${session.received}-${session.total - 1}` : `${session.received}-`],
  };
}

/** The outcome of one fragment: more wanted, or the finished item. */
export type FragmentResult =
  | { readonly done: false; readonly session: UploadSession }
  | { readonly done: true; readonly item: StoredItem; readonly created: boolean };

/**
 * Accept `bytes` at `Content-Range: bytes start-end/total`. Fragments must arrive in order;
 * one that does not start at the next expected byte is a 416, as on OneDrive.
 */
export function acceptFragment(
  store: SandboxStore,
  session: UploadSession,
  range: string | undefined,
  bytes: Buffer,
): FragmentResult {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range ?? '');
  if (!m) throw badRequest('The Content-Range header is missing or malformed.', 'invalidRequest');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end - start + 1 !== bytes.length || end >= total || bytes.length > MAX_FRAGMENT) {
    throw badRequest('The Content-Range header does not match the fragment.', 'invalidRequest');
  }
  if ((session.total !== undefined && session.total !== total) || start !== session.received) {
    throw new GraphError(
      416,
      'invalidRange',
      'The uploaded fragment overlaps with data that has already been received, or is out of order.',
    );
  }
  const sofar = Buffer.concat([store.getBlob(partsKey(session.id)) ?? Buffer.alloc(0), bytes]);
  if (end + 1 < total) {
    const next: UploadSession = { ...session, total, received: end + 1 };
    store.transaction(() => {
      store.putBlob(partsKey(session.id), sofar);
      store.putDoc(UPLOAD_SESSION, session.id, next, { owner: session.owner });
    });
    return { done: false, session: next };
  }
  const owner = findUser(session.owner);
  const parent = getItem(store, session.parentId);
  if (!owner || !parent) throw new GraphError(404, 'itemNotFound', 'The upload destination no longer exists.');
  const result = writeFile(
    { store, owner, by: session.by, now: session.now },
    parent,
    session.name,
    sofar,
    session.conflict,
  );
  cancelSession(store, session.id);
  return { done: true, ...result };
}
