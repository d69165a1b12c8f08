import type { CorpusEntry, CorpusFile } from './types';

/** A corpus file: its entries get the ids `<domain>-1`, `<domain>-2`, … in order (append new ones at the end). */
export function corpusFile(domain: string, entries: readonly Omit<CorpusEntry, 'id'>[]): CorpusFile {
  return { domain, entries: entries.map((entry, i) => ({ id: `${domain}-${i + 1}`, ...entry })) };
}
