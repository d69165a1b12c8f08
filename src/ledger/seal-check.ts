import type { LedgerSeal } from '../engine/ports';
import type { LedgerKeyring } from './keyring';

/** Where a signed ledger fails its seals, and how. */
export interface SealBreak {
  readonly seq: number;
  readonly reason: string;
}

/** What the chain walk learnt that the seals are checked against. */
export interface WalkedChain {
  /** Entries in the (intact) chain. */
  readonly count: number;
  /** The hash of each entry a seal or anchor names. */
  readonly hashAt: ReadonlyMap<number, string>;
}

/**
 * Check a verified chain against its signed heads (from the store) and anchors (from the
 * auditor's file), earliest problem first:
 * - a seal or anchor whose signature does not verify, or whose key is unknown: forged;
 * - one that names an entry the chain no longer has: truncated;
 * - one whose entry has another hash: rewritten (every hash recomputed still cannot re-sign);
 * - entries after the newest seal: appended without the key (the bot seals each head in the
 *   same write as the entry, so its own entries are never left unsealed).
 */
export function checkSeals(
  chain: WalkedChain,
  seals: readonly LedgerSeal[],
  anchors: readonly LedgerSeal[],
  keyring: LedgerKeyring,
): SealBreak | undefined {
  const problems: SealBreak[] = [];
  const check = (seal: LedgerSeal, what: string) => {
    const bad = keyring.check(seal);
    if (bad === 'unknown_key')
      return problems.push({ seq: seal.seq, reason: `${what} signed with unknown key "${seal.keyId}"` });
    if (bad) return problems.push({ seq: seal.seq, reason: `${what} has an invalid signature (forged)` });
    if (seal.seq > chain.count)
      return problems.push({ seq: seal.seq, reason: `truncated (the ${what} names an entry that is gone)` });
    if (chain.hashAt.get(seal.seq) !== seal.hash)
      return problems.push({ seq: seal.seq, reason: `rewritten (the entry differs from its ${what})` });
    return undefined;
  };
  for (const seal of seals) check(seal, 'signed head');
  for (const anchor of anchors) check(anchor, 'anchor');
  const newest = seals.reduce((max, seal) => Math.max(max, seal.seq), 0);
  if (chain.count > newest)
    problems.push({
      seq: newest + 1,
      reason:
        newest === 0
          ? 'unsigned (no signed head: is LEDGER_SIGNING_KEY set where Delegate runs?)'
          : `appended (entries ${newest + 1}–${chain.count} carry no signed head)`,
    });
  return problems.sort((a, b) => a.seq - b.seq)[0];
}
