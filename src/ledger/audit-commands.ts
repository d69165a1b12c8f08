import type { LedgerSeal, AuditLedger } from '../engine/ports';
import { UnreadableLedgerEntryError } from '../store/ledger-codec';
import { formatAnchor } from './anchor-file';
import type { LedgerKeyring } from './keyring';
import { checkSeals } from './seal-check';
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
  store: AuditLedger,
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

/** What `verify` checks the chain against, besides itself. */
export interface VerifyOptions {
  /** A hand-kept head (`--anchor seq:hash`). */
  readonly anchor?: LedgerAnchor;
  /** The ledger keys: with them, the signed heads are checked too (and must be there). */
  readonly keyring?: LedgerKeyring;
  /** Signed heads from the auditor's anchor file. */
  readonly anchors?: readonly LedgerSeal[];
}

/**
 * Verify the whole chain: exit code 0, "ledger OK: N entries" and the head to keep elsewhere, or
 * 1 and where it broke. With an anchor, a chain cut back before the anchor (its newest entries
 * deleted) or rewritten from it onwards is caught too. With the ledger keys, so are rewriting
 * with every hash recomputed, entries appended without the key, and (against the anchor file)
 * truncation. A signed ledger cannot be verified without its keys (exit code 2).
 */
export async function verifyLedger(store: AuditLedger, io: AuditIo, options: VerifyOptions = {}): Promise<number> {
  const { anchor, keyring, anchors = [] } = options;
  const seals = await store.listLedgerSeals();
  if (!keyring && (seals.length > 0 || anchors.length > 0)) {
    io.err('this ledger is signed: give its keys (LEDGER_SIGNING_KEY and LEDGER_VERIFY_KEYS) to verify it\n');
    return 2;
  }
  const wanted = new Set([...seals, ...anchors].map((seal) => seal.seq));
  const hashAt = new Map<number, string>();
  const verifier = new ChainVerifier();
  let verdict: ChainVerdict;
  let anchored: string | undefined;
  try {
    for await (const entry of store.readLedger()) {
      if (anchor && entry.seq === anchor.seq) anchored = entry.hash;
      if (wanted.has(entry.seq)) hashAt.set(entry.seq, entry.hash);
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
  if (!verdict.ok) return broken(io, verdict.seq, verdict.reason);
  if (anchor && anchored === undefined) return broken(io, anchor.seq, 'truncated (the anchor entry is gone)');
  if (anchor && anchored !== anchor.hash) return broken(io, anchor.seq, 'anchor mismatch (the chain was rewritten)');
  if (keyring) {
    const sealBreak = checkSeals({ count: verdict.count, hashAt }, seals, anchors, keyring);
    if (sealBreak) return broken(io, sealBreak.seq, sealBreak.reason);
  }
  io.out(`ledger OK: ${verdict.count} entries${keyring ? ', signed head verified' : ''}\n`);
  if (verdict.count > 0)
    io.out(
      keyring
        ? `head: ${verdict.count}:${verdict.head} (anchor it: npm run audit -- anchor --out <file you keep>)\n`
        : `head: ${verdict.count}:${verdict.head} (keep it; verify --anchor ${verdict.count}:${verdict.head} proves nothing before it was cut or rewritten)\n`,
    );
  return 0;
}

/**
 * Verify the ledger, then append its newest signed head to the auditor's anchor file (created
 * if need be). Exit code 0, 1 when the ledger does not verify or has no signed head, 2 without
 * keys.
 */
export async function anchorLedger(
  store: AuditLedger,
  io: AuditIo,
  options: {
    readonly keyring?: LedgerKeyring;
    readonly anchors: readonly LedgerSeal[];
    readonly append: (line: string) => void;
    readonly now: Date;
  },
): Promise<number> {
  if (!options.keyring) {
    io.err('anchor needs the ledger keys (LEDGER_SIGNING_KEY and LEDGER_VERIFY_KEYS)\n');
    return 2;
  }
  const code = await verifyLedger(store, io, { keyring: options.keyring, anchors: options.anchors });
  if (code !== 0) return code;
  const head = (await store.listLedgerSeals()).at(-1);
  if (!head) {
    io.out('ledger is empty: nothing to anchor\n');
    return 1;
  }
  options.append(formatAnchor(head, options.now));
  io.out(`anchored entry ${head.seq} (${head.hash}, key ${head.keyId})\n`);
  return 0;
}

function broken(io: AuditIo, seq: number, reason: string): number {
  io.out(`ledger BROKEN at entry ${seq}: ${reason}\n`);
  return 1;
}
