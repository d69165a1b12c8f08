import { createHash, randomBytes } from 'node:crypto';
import type { SandboxUser } from '../directory';
import type { SandboxStore } from '../store/store';

/** Doc-table kinds of the drive feature. */
export const ITEM = 'drive.item';
export const PERMISSION = 'drive.permission';
export const UPLOAD_SESSION = 'drive.uploadSession';

/** A drive item as the sandbox keeps it; {@link itemView} turns it into Graph's driveItem. */
export interface StoredItem {
  readonly id: string;
  /** Object id of the drive's owner. */
  readonly owner: string;
  /** Undefined only for the root folder. */
  readonly parentId?: string;
  readonly name: string;
  readonly kind: 'root' | 'folder' | 'file';
  readonly mimeType?: string;
  readonly size: number;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: string;
  readonly modifiedBy: string;
  /** Bumped on every change; eTag and cTag derive from it. */
  readonly version: number;
  /** Base64 QuickXorHash of the content (files only), as OneDrive for Business reports it. */
  readonly quickXorHash?: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += BASE32[(bytes[i % bytes.length] ?? 0) % 32];
  return out;
}

/** OneDrive-for-Business-like item ids: `01` then 32 base32 characters; stable for seeded keys. */
export const stableItemId = (key: string): string =>
  `01${base32(createHash('sha256').update(`drive:${key}`).digest(), 32)}`;
export const newItemId = (): string => `01${base32(randomBytes(32), 32)}`;

/** The drive id Graph would give a user's OneDrive (`b!…`), stable per owner. */
export const driveIdOf = (owner: string): string =>
  `b!${createHash('sha256').update(`drive-id:${owner}`).digest('base64url').slice(0, 40)}`;

export const rootIdOf = (owner: string): string => stableItemId(`root:${owner}`);

/** The blob that holds a file's bytes. */
export const blobKey = (itemId: string): string => `drive.content:${itemId}`;

export function getItem(store: SandboxStore, id: string): StoredItem | undefined {
  return store.getDoc<StoredItem>(ITEM, id);
}

export function putItem(store: SandboxStore, item: StoredItem): void {
  store.putDoc(ITEM, item.id, item, { owner: item.owner, parent: item.parentId ?? '', sort: item.name.toLowerCase() });
}

export function childrenOf(store: SandboxStore, parentId: string): StoredItem[] {
  return store.listDocs<StoredItem>(ITEM, { parent: parentId });
}

export function itemsOf(store: SandboxStore, owner: string): StoredItem[] {
  return store.listDocs<StoredItem>(ITEM, { owner });
}

/** The child called `name` (OneDrive names are case-insensitive). */
export function childNamed(store: SandboxStore, parentId: string, name: string): StoredItem | undefined {
  const lower = name.toLowerCase();
  return childrenOf(store, parentId).find((c) => c.name.toLowerCase() === lower);
}

/** The root folder of `owner`'s drive, created on first use (a drive is provisioned on first access). */
export function ensureRoot(store: SandboxStore, owner: SandboxUser, now: string): StoredItem {
  const id = rootIdOf(owner.id);
  const existing = getItem(store, id);
  if (existing) return existing;
  const root: StoredItem = {
    id,
    owner: owner.id,
    name: 'root',
    kind: 'root',
    size: 0,
    created: now,
    modified: now,
    createdBy: owner.id,
    modifiedBy: owner.id,
    version: 1,
  };
  putItem(store, root);
  return root;
}

/** `/Folder/Sub` for an item's parent chain ('' for the root itself). */
export function pathOf(store: SandboxStore, item: StoredItem): string {
  const names: string[] = [];
  let current: StoredItem | undefined = item;
  for (let depth = 0; current && current.kind !== 'root' && depth < 64; depth++) {
    names.unshift(current.name);
    current = current.parentId ? getItem(store, current.parentId) : undefined;
  }
  return names.length ? `/${names.join('/')}` : '';
}

/** Walk `segments` from the root; undefined when a segment is missing. */
export function itemAtPath(store: SandboxStore, root: StoredItem, segments: readonly string[]): StoredItem | undefined {
  let current: StoredItem | undefined = root;
  for (const name of segments) {
    if (!current || current.kind === 'file') return undefined;
    current = childNamed(store, current.id, name);
  }
  return current;
}

/** Total bytes of the files under a folder (Graph reports a folder's size this way). */
export function folderSize(store: SandboxStore, folder: StoredItem): number {
  let total = 0;
  for (const child of childrenOf(store, folder.id))
    total += child.kind === 'file' ? child.size : folderSize(store, child);
  return total;
}
