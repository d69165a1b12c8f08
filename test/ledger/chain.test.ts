import { createHash } from 'node:crypto';
import type { LedgerEntry } from '../../src/engine/ports';
import { GENESIS_HASH, chainEntry, computeHash } from '../../src/ledger/entry';
import { verifyChain, verifyChainAsync } from '../../src/ledger/verify';

/** A valid chain of `n` entries over two tasks. */
function chain(n: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let i = 1; i <= n; i += 1) {
    entries.push(
      chainEntry(entries[entries.length - 1], {
        taskId: i % 2 ? 'T1' : 'T2',
        type: i === 1 ? 'task_created' : 'step_result',
        actor: i % 3 ? 'system' : 'aad-adele',
        at: new Date(Date.UTC(2025, 2, 3, 9, i)).toISOString(),
        payload: { i, items: [i, { nested: `v${i}` }] },
      }),
    );
  }
  return entries;
}

/** `entry` with `changes`, its hash recomputed (a tamperer who knows the scheme). */
function rehashed(entry: LedgerEntry, changes: Partial<LedgerEntry>): LedgerEntry {
  const { hash: _old, ...rest } = { ...entry, ...changes };
  return { ...rest, hash: computeHash(rest) };
}

describe('hash chain', () => {
  it('hashes the canonical JSON of the entry without its hash (a fixed test vector)', () => {
    const entry = {
      seq: 1,
      taskId: 'T1',
      type: 'decision' as const,
      actor: 'aad-1',
      at: '2025-03-03T09:00:00.000Z',
      payload: { verb: 'approve', b: [1] },
      prevHash: GENESIS_HASH,
    };
    const text = `{"actor":"aad-1","at":"2025-03-03T09:00:00.000Z","payload":{"b":[1],"verb":"approve"},"prevHash":"${GENESIS_HASH}","seq":1,"taskId":"T1","type":"decision"}`;
    expect(computeHash(entry)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(computeHash(entry)).toMatch(/^[0-9a-f]{64}$/);
    // Only the listed fields count: extra properties (the hash itself) do not.
    expect(computeHash({ ...entry, hash: 'x' } as never)).toBe(computeHash(entry));
  });

  it('chains each entry to the one before, from the genesis hash', () => {
    const entries = chain(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(3);
  });

  it('verifies an intact chain, and an empty one', async () => {
    const twenty = chain(20);
    expect(verifyChain(twenty)).toEqual({ ok: true, count: 20, head: twenty.at(-1)!.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: '' });
    const five = chain(5);
    await expect(verifyChainAsync(five)).resolves.toEqual({ ok: true, count: 5, head: five.at(-1)!.hash });
  });

  it.each([
    ['taskId', { taskId: 'T9' }],
    ['type', { type: 'error' }],
    ['actor', { actor: 'aad-mallory' }],
    ['at', { at: '2025-03-03T08:00:00.000Z' }],
    ['payload', { payload: { i: 4, items: [4, { nested: 'forged' }] } }],
    ['prevHash', { prevHash: GENESIS_HASH }],
    ['hash', { hash: 'f'.repeat(64) }],
  ] as const)('names the entry whose %s was edited', (_field, change) => {
    const entries = chain(8);
    entries[3] = { ...entries[3]!, ...(change as Partial<LedgerEntry>) };
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 4, reason: 'hash_mismatch' });
  });

  it('sees an edited entry whose hash was recomputed, at the link after it', () => {
    const entries = chain(8);
    entries[3] = rehashed(entries[3]!, { payload: { forged: true } });
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 5, reason: 'broken_link' });
    const relinked = chain(8);
    relinked[3] = rehashed(relinked[3]!, { prevHash: GENESIS_HASH });
    expect(verifyChain(relinked)).toEqual({ ok: false, seq: 4, reason: 'broken_link' });
  });

  it('sees a deleted entry as a gap at its number', () => {
    const entries = chain(8);
    entries.splice(4, 1);
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 5, reason: 'sequence_gap' });
    expect(verifyChain(chain(8).slice(1))).toEqual({ ok: false, seq: 1, reason: 'sequence_gap' });
  });

  it('sees a deletion renumbered to hide the gap', () => {
    const entries = chain(8);
    entries.splice(4, 1);
    const renumbered = entries.map((e, i) => (i >= 4 ? { ...e, seq: i + 1 } : e));
    expect(verifyChain(renumbered)).toEqual({ ok: false, seq: 5, reason: 'hash_mismatch' });
    const rehashedAll = entries.map((e, i) => (i >= 4 ? rehashed(e, { seq: i + 1 }) : e));
    expect(verifyChain(rehashedAll)).toEqual({ ok: false, seq: 5, reason: 'broken_link' });
  });

  it('sees an inserted entry', () => {
    const entries = chain(6);
    const forged = rehashed(entries[2]!, { seq: 4, payload: { forged: true }, prevHash: entries[2]!.hash });
    const shifted = entries.slice(3).map((e) => rehashed(e, { seq: e.seq + 1 }));
    expect(verifyChain([...entries.slice(0, 3), forged, ...shifted])).toEqual({
      ok: false,
      seq: 5,
      reason: 'broken_link',
    });
    // Inserted under an existing number: the order breaks there.
    expect(verifyChain([...entries.slice(0, 3), { ...forged, seq: 3 }, ...entries.slice(3)])).toEqual({
      ok: false,
      seq: 4,
      reason: 'reordered',
    });
  });

  it('sees reordered entries, adjacent or far apart', () => {
    const swapped = chain(8);
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyChain(swapped)).toEqual({ ok: false, seq: 3, reason: 'reordered' });
    const far = chain(8);
    [far[1], far[6]] = [far[6]!, far[1]!];
    expect(verifyChain(far)).toEqual({ ok: false, seq: 2, reason: 'reordered' });
    const backwards = chain(4).reverse();
    expect(verifyChain(backwards)).toEqual({ ok: false, seq: 1, reason: 'reordered' });
  });

  it('names only the first break when there are several', () => {
    const entries = chain(10);
    entries[7] = { ...entries[7]!, actor: 'x' };
    entries[2] = { ...entries[2]!, actor: 'y' };
    entries.splice(5, 1);
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 3, reason: 'hash_mismatch' });
  });

  it('stops reading at the first break', () => {
    const entries = chain(5);
    entries[1] = { ...entries[1]!, actor: 'x' };
    let read = 0;
    function* counted() {
      for (const e of entries) {
        read += 1;
        yield e;
      }
    }
    expect(verifyChain(counted())).toMatchObject({ ok: false, seq: 2 });
    expect(read).toBe(2);
  });
});
