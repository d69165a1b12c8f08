import { GENESIS_HASH, computeHash, type LedgerEntry } from './entry';

/** Why a chain does not verify. */
export type ChainBreak = 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'reordered';

/** The verdict on a ledger: every entry checked, or the first entry that is not what was recorded. */
export type ChainVerdict =
  | {
      readonly ok: true;
      readonly count: number;
      /** The last entry's hash ('' for an empty ledger): keep it elsewhere to detect truncation later. */ readonly head: string;
    }
  | {
      readonly ok: false;
      /**
       * The first broken place in the chain. For `hash_mismatch` and `broken_link`, that
       * entry's seq; for `sequence_gap` and `reordered`, the sequence number that should have
       * come next but did not (the first missing or displaced entry).
       */
      readonly seq: number;
      readonly reason: ChainBreak;
    };

/**
 * Check a ledger, read in the order it is stored, without holding more than one entry:
 * - `hash_mismatch`: an entry's fields no longer give its hash (a field was edited);
 * - `broken_link`: its `prevHash` is not the previous entry's hash (an entry was inserted or
 *   replaced with a recomputed hash);
 * - `sequence_gap`: a sequence number is missing (an entry was deleted);
 * - `reordered`: sequence numbers are out of order or repeated.
 * A deleted *last* entry leaves a valid, shorter chain: keep the head (`seq` and hash) somewhere
 * else and check it with an anchor later (`npm run audit -- verify --anchor <seq>:<hash>`).
 */
export function verifyChain(entries: Iterable<LedgerEntry>): ChainVerdict {
  const check = new ChainVerifier();
  for (const entry of entries) if (!check.push(entry)) break;
  return check.verdict();
}

/** {@link verifyChain} over entries read asynchronously (a store's `readLedger()`). */
export async function verifyChainAsync(
  entries: AsyncIterable<LedgerEntry> | Iterable<LedgerEntry>,
): Promise<ChainVerdict> {
  const check = new ChainVerifier();
  for await (const entry of entries) if (!check.push(entry)) break;
  return check.verdict();
}

/**
 * The running state of one verification, for callers that read entries themselves: `push`
 * each entry in stored order until it returns false (the verdict is known), then `verdict()`.
 */
export class ChainVerifier {
  private count = 0;
  private prevHash = GENESIS_HASH;
  private maxSeq = 0;
  private failure: { seq: number; reason: ChainBreak } | undefined;
  /** A sequence number found missing; whether it is a gap or a move depends on what follows. */
  private missing: number | undefined;

  push(entry: LedgerEntry): boolean {
    if (this.missing !== undefined) return this.afterMissing(entry);
    const expected = this.count + 1;
    if (entry.seq !== expected) {
      if (Number.isInteger(entry.seq) && entry.seq > expected) {
        this.missing = expected;
        this.maxSeq = entry.seq;
        return true;
      }
      return this.fail(expected, 'reordered');
    }
    if (computeHash(entry) !== entry.hash) return this.fail(entry.seq, 'hash_mismatch');
    if (entry.prevHash !== this.prevHash) return this.fail(entry.seq, 'broken_link');
    this.count = entry.seq;
    this.maxSeq = entry.seq;
    this.prevHash = entry.hash;
    return true;
  }

  /** The verdict on the entries pushed so far (an unfinished chain that is intact so far is ok). */
  verdict(): ChainVerdict {
    if (this.failure) return { ok: false, ...this.failure };
    if (this.missing !== undefined) return { ok: false, seq: this.missing, reason: 'sequence_gap' };
    return { ok: true, count: this.count, head: this.count === 0 ? '' : this.prevHash };
  }

  /** Scan on past a missing number: if anything comes back in order, entries were moved. */
  private afterMissing(entry: LedgerEntry): boolean {
    if (!(entry.seq > this.maxSeq)) return this.fail(this.missing!, 'reordered');
    this.maxSeq = entry.seq;
    return true;
  }

  private fail(seq: number, reason: ChainBreak): false {
    this.failure = { seq, reason };
    return false;
  }
}
