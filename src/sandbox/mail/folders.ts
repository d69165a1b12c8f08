import { itemNotFound } from '../errors';
import { stableId } from '../ids';
import type { FolderName } from '../model';

/** The mail folders every sandbox mailbox has, with Outlook's display names. */
export const FOLDERS: ReadonlyArray<{ readonly name: FolderName; readonly displayName: string }> = [
  { name: 'inbox', displayName: 'Inbox' },
  { name: 'drafts', displayName: 'Drafts' },
  { name: 'sentitems', displayName: 'Sent Items' },
  { name: 'deleteditems', displayName: 'Deleted Items' },
  { name: 'archive', displayName: 'Archive' },
];

/** The opaque id of a user's well-known folder (stable, so parentFolderId survives reseeds). */
export const folderId = (ownerId: string, name: FolderName): string => stableId('folder', `${ownerId}:${name}`);

/** A folder named by well-known name (any case) or by id; 404 ErrorItemNotFound otherwise. */
export function resolveFolder(ownerId: string, key: string): FolderName {
  const lower = key.toLowerCase();
  const found = FOLDERS.find((f) => f.name === lower || folderId(ownerId, f.name) === key);
  if (!found) throw itemNotFound();
  return found.name;
}
