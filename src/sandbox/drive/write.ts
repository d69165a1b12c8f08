import type { SandboxUser } from '../directory';
import { badRequest, GraphError } from '../errors';
import { quickXorHash } from '../../actions/files/quick-xor-hash';
import type { SandboxStore } from '../store/store';
import { blobKey, childNamed, newItemId, putItem, type StoredItem } from './items';
import { mimeTypeOf } from './mime';

/** What to do when the target name is taken (`@microsoft.graph.conflictBehavior`). */
export type ConflictBehavior = 'fail' | 'replace' | 'rename';

/** The conflict behaviour a request asked for, or a 400 for an unknown one. */
export function readConflict(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw badRequest(`Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior.`, 'invalidRequest');
}

const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^\.+$/;

/** A name OneDrive accepts, or its 400. */
export function validName(name: unknown): string {
  if (typeof name !== 'string' || !name || name.length > 255 || INVALID_NAME.test(name)) {
    throw badRequest('The provided name contains invalid characters or is empty.', 'invalidRequest');
  }
  return name;
}

const nameTaken = (name: string): GraphError =>
  new GraphError(409, 'nameAlreadyExists', `The specified item name '${name}' already exists.`);

/** "Report 1.docx", "Report 2.docx"…: OneDrive's rename on conflict. */
function freeName(store: SandboxStore, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!childNamed(store, parentId, candidate)) return candidate;
  }
}

/** Who writes what, where and when. */
export interface WriteContext {
  readonly store: SandboxStore;
  readonly owner: SandboxUser;
  readonly by: string;
  readonly now: string;
}

/**
 * Store `bytes` as `name` in `parent`, honouring the conflict behaviour. Replacing keeps the
 * item's id (a new version, as OneDrive does). `created` tells 201 from 200.
 */
export function writeFile(
  w: WriteContext,
  parent: StoredItem,
  name: string,
  bytes: Buffer,
  conflict: ConflictBehavior,
): { item: StoredItem; created: boolean } {
  validName(name);
  const existing = childNamed(w.store, parent.id, name);
  if (existing && (conflict === 'fail' || (conflict === 'replace' && existing.kind !== 'file'))) throw nameTaken(name);
  const content = { size: bytes.length, quickXorHash: quickXorHash(bytes), modified: w.now, modifiedBy: w.by };
  if (existing && existing.kind === 'file' && conflict === 'replace') {
    const item: StoredItem = {
      ...existing,
      ...content,
      mimeType: mimeTypeOf(existing.name),
      version: existing.version + 1,
    };
    w.store.transaction(() => {
      w.store.putBlob(blobKey(item.id), bytes);
      putItem(w.store, item);
    });
    return { item, created: false };
  }
  const finalName = existing ? freeName(w.store, parent.id, name) : name;
  const item: StoredItem = {
    id: newItemId(),
    owner: w.owner.id,
    parentId: parent.id,
    name: finalName,
    kind: 'file',
    mimeType: mimeTypeOf(finalName),
    created: w.now,
    createdBy: w.by,
    version: 1,
    ...content,
  };
  w.store.transaction(() => {
    w.store.putBlob(blobKey(item.id), bytes);
    putItem(w.store, item);
  });
  return { item, created: true };
}

/** Create a folder in `parent` (POST children with `folder: {}`). */
export function createFolder(
  w: WriteContext,
  parent: StoredItem,
  name: string,
  conflict: ConflictBehavior,
): StoredItem {
  validName(name);
  const existing = childNamed(w.store, parent.id, name);
  if (existing && conflict === 'fail') throw nameTaken(name);
  if (existing && conflict === 'replace' && existing.kind === 'folder') return existing;
  const finalName = existing ? freeName(w.store, parent.id, name) : name;
  const folder: StoredItem = {
    id: newItemId(),
    owner: w.owner.id,
    parentId: parent.id,
    name: finalName,
    kind: 'folder',
    size: 0,
    created: w.now,
    modified: w.now,
    createdBy: w.by,
    modifiedBy: w.by,
    version: 1,
  };
  putItem(w.store, folder);
  return folder;
}

/** The folder at `segments` under `root`, creating missing ones (uploading by path does this). */
export function ensureFolders(w: WriteContext, root: StoredItem, segments: readonly string[]): StoredItem {
  let current = root;
  for (const name of segments) {
    const child = childNamed(w.store, current.id, name);
    if (child && child.kind === 'file') throw nameTaken(name);
    current = child ?? createFolder(w, current, name, 'fail');
  }
  return current;
}
