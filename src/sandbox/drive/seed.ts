import type { SandboxUser } from '../directory';
import type { SandboxStore } from '../store/store';
import { isoSeconds } from '../time';
import { buildDocx } from '../../actions/files/formats/docx-write';
import { quickXorHash } from '../../actions/files/quick-xor-hash';
import { buildPdf } from './formats/pdf';
import { buildXlsx } from './formats/xlsx';
import { blobKey, ensureRoot, putItem, stableItemId, type StoredItem } from './items';
import { mimeTypeOf } from './mime';
import type { SeedDocument } from './seed-documents';

const DAY = 86_400_000;

function render(doc: SeedDocument, title: string, author: string, when: Date): Buffer {
  switch (doc.kind) {
    case 'docx':
      return buildDocx({ title, author, modified: when, paragraphs: doc.paragraphs });
    case 'xlsx':
      return buildXlsx(title, author, when, doc.sheets);
    case 'pdf':
      return buildPdf(title, author, when, doc.lines);
    case 'txt':
      return Buffer.from(doc.text, 'utf8');
  }
}

/**
 * Put `documents` in `owner`'s OneDrive: folders on the way are created, every file is a real
 * Office/PDF/text file generated now, and ids and times derive from the path and `now` only.
 */
export function seedDocuments(
  store: SandboxStore,
  owner: SandboxUser,
  now: Date,
  documents: readonly SeedDocument[],
): void {
  const created = isoSeconds(new Date(now.getTime() - 90 * DAY));
  let root = ensureRoot(store, owner, created);
  root = { ...root, created, modified: created };
  putItem(store, root);
  for (const doc of documents) {
    const when = new Date(now.getTime() - doc.daysAgo * DAY);
    when.setUTCHours(9 + (doc.daysAgo % 8), (doc.daysAgo * 7) % 60, 0, 0);
    const names = doc.path.split('/');
    const fileName = names.pop() ?? doc.path;
    let parent: StoredItem = root;
    let path = '';
    for (const folder of names) {
      path += `/${folder}`;
      const id = stableItemId(`${owner.id}:${path}`);
      const existing = store.getDoc<StoredItem>('drive.item', id);
      parent = existing ?? {
        id,
        owner: owner.id,
        parentId: parent.id,
        name: folder,
        kind: 'folder',
        size: 0,
        created,
        modified: created,
        createdBy: owner.id,
        modifiedBy: owner.id,
        version: 1,
      };
      if (!existing) putItem(store, parent);
    }
    const bytes = render(doc, fileName.replace(/\.[^.]+$/, ''), owner.displayName, when);
    const stamp = isoSeconds(when);
    const file: StoredItem = {
      id: stableItemId(`${owner.id}:${doc.path}`),
      owner: owner.id,
      parentId: parent.id,
      name: fileName,
      kind: 'file',
      mimeType: mimeTypeOf(fileName),
      size: bytes.length,
      quickXorHash: quickXorHash(bytes),
      created: stamp,
      modified: stamp,
      createdBy: owner.id,
      modifiedBy: owner.id,
      version: 1,
    };
    store.putBlob(blobKey(file.id), bytes);
    putItem(store, file);
  }
}
