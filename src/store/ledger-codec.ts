import type { LedgerAppend, LedgerEntry, LedgerQuery } from '../engine/ports';
import { PersistedDataError, describeIssues } from '../engine/upgrade';
import { canonicalJson } from '../ledger/canonical-json';
import { ledgerAppendSchema, ledgerEntrySchema } from '../ledger/entry';
import { canonicalInstant } from './usage';

/**
 * How every adapter stores ledger entries and reads them back. The payload is kept as its
 * canonical JSON text (the very text that was hashed), and every read is validated, so a row
 * edited into something that is not an entry is refused by sequence number rather than
 * misread.
 */

/** A ledger entry as a row of the `ledger` table. */
export interface LedgerRow {
  readonly seq: number;
  readonly task_id: string;
  readonly type: string;
  readonly actor: string;
  readonly at: string;
  readonly payload: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** A stored ledger row that is no longer a ledger entry (its seq is named; values are not echoed). */
export class UnreadableLedgerEntryError extends PersistedDataError {
  constructor(
    readonly seq: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`ledger entry ${seq} is unreadable: ${detail}`, options);
    this.name = 'UnreadableLedgerEntryError';
  }
}

/**
 * Validate an entry to append and normalise it: canonical UTC time, payload as plain JSON.
 * Like JSON.stringify, `undefined` properties are dropped and Dates become ISO strings; a value
 * with no JSON meaning (NaN, a function, an undefined array item) is refused, never altered.
 */
export function normaliseLedgerAppend(append: LedgerAppend): LedgerAppend {
  const refuse = (detail: string) => new PersistedDataError(`refusing to record invalid ledger entry: ${detail}`);
  let payload: unknown;
  if (append !== null && typeof append === 'object' && append.payload !== null && typeof append.payload === 'object') {
    try {
      // Round-tripped so the entry handed back is exactly what a later read gives (e.g. -0 → 0).
      payload = JSON.parse(canonicalJson(append.payload));
    } catch (error) {
      throw refuse(`payload: ${error instanceof Error ? error.message : 'not JSON'}`);
    }
  }
  const parsed = ledgerAppendSchema.safeParse(
    append === null || typeof append !== 'object' ? append : { ...append, payload },
  );
  if (!parsed.success) throw refuse(describeIssues(parsed.error));
  const e = parsed.data;
  return {
    taskId: e.taskId,
    type: e.type,
    actor: e.actor,
    at: canonicalInstant(e.at, 'ledger entry time'),
    payload: e.payload as Record<string, unknown>,
  };
}

export function encodeLedgerEntry(entry: LedgerEntry): LedgerRow {
  return {
    seq: entry.seq,
    task_id: entry.taskId,
    type: entry.type,
    actor: entry.actor,
    at: entry.at,
    payload: canonicalJson(entry.payload),
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

export function decodeLedgerRow(row: LedgerRow): LedgerEntry {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch (error) {
    throw new UnreadableLedgerEntryError(row.seq, 'payload is not valid JSON', { cause: error });
  }
  const parsed = ledgerEntrySchema.safeParse({
    seq: row.seq,
    taskId: row.task_id,
    type: row.type,
    actor: row.actor,
    at: row.at,
    payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  });
  if (!parsed.success) throw new UnreadableLedgerEntryError(row.seq, describeIssues(parsed.error));
  return parsed.data as LedgerEntry;
}

/** Default and maximum page sizes of `listLedger`. */
export const LEDGER_DEFAULT_LIMIT = 100;
export const LEDGER_MAX_LIMIT = 1000;

/** A ledger query with its defaults applied; refuses a negative or fractional `afterSeq`. */
export function ledgerQuery(query: LedgerQuery): { taskId?: string; afterSeq: number; limit: number } {
  const afterSeq = query.afterSeq ?? 0;
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw new RangeError('afterSeq must be a non-negative integer');
  const limit =
    query.limit === undefined || !Number.isFinite(query.limit)
      ? LEDGER_DEFAULT_LIMIT
      : Math.min(LEDGER_MAX_LIMIT, Math.max(1, Math.floor(query.limit)));
  return { ...(query.taskId === undefined ? {} : { taskId: query.taskId }), afterSeq, limit };
}

/**
 * Read a whole ledger page by page through `listRows` (rows with seq > afterSeq, in seq order),
 * holding one page at a time. Rows are decoded as they are yielded, so an unreadable row
 * surfaces at its place in the chain, after every entry before it was handed out.
 */
export async function* pagedLedger(
  listRows: (afterSeq: number, limit: number) => readonly LedgerRow[] | Promise<readonly LedgerRow[]>,
  pageSize = LEDGER_MAX_LIMIT,
): AsyncGenerator<LedgerEntry> {
  let afterSeq = 0;
  for (;;) {
    const page = await listRows(afterSeq, pageSize);
    for (const row of page) yield decodeLedgerRow(row);
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    afterSeq = last.seq;
  }
}
