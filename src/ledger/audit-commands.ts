import type { TaskStore } from '../engine/ports';
import { UnreadableLedgerEntryError } from '../store/ledger-codec';
import { exportHeader, exportLine, type ExportFormat } from './export';
import { ChainVerifier, type ChainVerdict } from './verify';

/** Where a command writes; `out` is the data (stdout), `err` is for people (stderr). */
export interface AuditIo {
  out(text: string): void;
  err(text: string): void;
}

const PAGE = 1000;

/**
 * Write one task's ledger entries, oldest first, page by page. Exit code 0, or 1 (and nothing
 * on `out`) when the task has no entries, since an empty export is more likely a mistyped id
 * than an answer.
 */
export async function exportTaskLedger(
  store: TaskStore,
  taskId: string,
  format: ExportFormat,
  io: AuditIo,
): Promise<number> {
  let page = await store.listLedger({ taskId, limit: PAGE });
  if (page.length === 0) {
    io.err(`no ledger entries for task ${taskId}\n`);
    return 1;
  }
  io.out(exportHeader(format));
  for (;;) {
    for (const entry of page) io.out(exportLine(entry, format));
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) return 0;
    page = await store.listLedger({ taskId, afterSeq: last.seq, limit: PAGE });
  }
}

/** An entry known from outside the store (an earlier `verify`'s head): it must still be there, unchanged. */
export interface LedgerAnchor {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Verify the whole chain: exit code 0, "ledger OK: N entries" and the head to keep elsewhere, or
 * 1 and where it broke. With an anchor, a chain cut back before the anchor (its newest entries
 * deleted) or rewritten from it onwards is caught too.
 */
export async function verifyLedger(store: TaskStore, io: AuditIo, anchor?: LedgerAnchor): Promise<number> {
  const verifier = new ChainVerifier();
  let verdict: ChainVerdict;
  let anchored: string | undefined;
  try {
    for await (const entry of store.readLedger()) {
      if (anchor && entry.seq === anchor.seq) anchored = entry.hash;
      if (!verifier.push(entry)) break;
    }
    verdict = verifier.verdict();
  } catch (error) {
    if (!(error instanceof UnreadableLedgerEntryError)) throw error;
    // A row edited into something that is no longer an entry is tampering too, at its place,
    // unless the chain had already broken before it.
    const before = verifier.verdict();
    if (before.ok) return broken(io, error.seq, 'unreadable');
    verdict = before;
  }
  if (verdict.ok && anchor && anchored === undefined)
    return broken(io, anchor.seq, 'truncated (the anchor entry is gone)');
  if (verdict.ok && anchor && anchored !== anchor.hash)
    return broken(io, anchor.seq, 'anchor mismatch (the chain was rewritten)');
  if (verdict.ok) {
    io.out(`ledger OK: ${verdict.count} entries\n`);
    if (verdict.count > 0)
      io.out(
        `head: ${verdict.count}:${verdict.head} (keep it; verify --anchor ${verdict.count}:${verdict.head} proves nothing before it was cut or rewritten)\n`,
      );
    return 0;
  }
  return broken(io, verdict.seq, verdict.reason);
}

function broken(io: AuditIo, seq: number, reason: string): number {
  io.out(`ledger BROKEN at entry ${seq}: ${reason}\n`);
  return 1;
}
