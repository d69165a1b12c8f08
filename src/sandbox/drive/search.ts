import { badRequest } from '../errors';
import type { SandboxStore } from '../store/store';
import { blobKey, itemsOf, type StoredItem } from './items';

const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/csv', 'application/json', 'text/html']);
const WORD = /[\p{L}\p{N}]+/gu;

const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/** The words of the `q` in `search(q='…')` (the segment arrives as `q='…` after key parsing). */
export function searchTerms(raw: string): string[] {
  const q = raw.replace(/^q=/i, '').replace(/^'|'$/g, '').replace(/''/g, "'");
  const terms = words(q);
  if (terms.length === 0) throw badRequest('The search text must not be empty.', 'invalidRequest');
  return terms;
}

function searchable(store: SandboxStore, item: StoredItem): { name: Set<string>; all: Set<string> } {
  const name = new Set(words(item.name));
  const all = new Set(name);
  if (item.kind === 'file' && TEXT_TYPES.has(item.mimeType ?? '')) {
    for (const w of words((store.getBlob(blobKey(item.id)) ?? Buffer.alloc(0)).toString('utf8'))) all.add(w);
  }
  return { name, all };
}

/**
 * OneDrive search over one drive: items whose name (or, for text files, content) holds every
 * word of the query; name matches rank first, then the most recently modified.
 */
export function searchDrive(store: SandboxStore, owner: string, terms: readonly string[]): StoredItem[] {
  const scored: Array<{ item: StoredItem; score: number }> = [];
  for (const item of itemsOf(store, owner)) {
    if (item.kind === 'root') continue;
    const index = searchable(store, item);
    if (!terms.every((t) => index.all.has(t) || [...index.all].some((w) => w.startsWith(t)))) continue;
    scored.push({ item, score: terms.filter((t) => index.name.has(t)).length });
  }
  return scored.sort((a, b) => b.score - a.score || b.item.modified.localeCompare(a.item.modified)).map((s) => s.item);
}

/** The owner's files, most recently modified first (`/drive/recent`). */
export function recentFiles(store: SandboxStore, owner: string): StoredItem[] {
  return itemsOf(store, owner)
    .filter((i) => i.kind === 'file')
    .sort((a, b) => b.modified.localeCompare(a.modified) || a.name.localeCompare(b.name));
}
