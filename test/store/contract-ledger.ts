import type { LedgerAppend, LedgerEntry } from '../../src/engine/ports';
import { GENESIS_HASH, computeHash } from '../../src/ledger/entry';
import { verifyChainAsync } from '../../src/ledger/verify';
import type { TaskStoreContractOptions } from './contract';
import { iso, type ContractContext } from './contract-support';

/** A valid ledger entry to append; `n` varies its payload. */
export function ledgerAppend(taskId: string, n: number, overrides: Partial<LedgerAppend> = {}): LedgerAppend {
  return { taskId, type: 'step_result', actor: 'system', at: iso(n % 60), payload: { n, step: `s${n}` }, ...overrides };
}

async function readAll(entries: AsyncIterable<LedgerEntry>): Promise<LedgerEntry[]> {
  const all: LedgerEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

/** Contract: the tamper-evident audit ledger (one global hash chain). */
export function describeLedgerContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('audit ledger', () => {
    it('gives entries consecutive numbers, each chained to the hash of the one before', async () => {
      const first = await ctx.store.appendLedger(ledgerAppend('T1', 1, { type: 'task_created', actor: 'aad-adele' }));
      const second = await ctx.store.appendLedger(ledgerAppend('T2', 2));
      expect(first).toEqual({
        ...ledgerAppend('T1', 1, { type: 'task_created', actor: 'aad-adele' }),
        seq: 1,
        prevHash: GENESIS_HASH,
        hash: first.hash,
      });
      expect(first.hash).toBe(computeHash(first));
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, taskId: 'T2' });
      expect(second.hash).toBe(computeHash(second));
      await expect(ctx.store.listLedger({})).resolves.toEqual([first, second]);
    });

    it('lists one task in order, pages with afterSeq and limit', async () => {
      for (let n = 1; n <= 9; n += 1) await ctx.store.appendLedger(ledgerAppend(n % 3 === 0 ? 'T3' : 'TX', n));
      const t3 = await ctx.store.listLedger({ taskId: 'T3' });
      expect(t3.map((e) => e.seq)).toEqual([3, 6, 9]);
      expect(t3.map((e) => e.payload.n)).toEqual([3, 6, 9]);
      await expect(ctx.store.listLedger({ taskId: 'T3', afterSeq: 3, limit: 1 })).resolves.toEqual([t3[1]]);
      expect((await ctx.store.listLedger({ afterSeq: 7 })).map((e) => e.seq)).toEqual([8, 9]);
      expect((await ctx.store.listLedger({ limit: 2 })).map((e) => e.seq)).toEqual([1, 2]);
      await expect(ctx.store.listLedger({ taskId: 'nobody' })).resolves.toEqual([]);
      await expect(ctx.store.listLedger({ afterSeq: -1 })).rejects.toThrow(RangeError);
      await expect(ctx.store.listLedger({ afterSeq: 1.5 })).rejects.toThrow(/afterSeq/);
    });

    it('keeps numbers gapless and the chain valid under 50 concurrent appends', async () => {
      const entries = await Promise.all(
        Array.from({ length: 50 }, (_, i) => ctx.store.appendLedger(ledgerAppend(`T${i % 4}`, i))),
      );
      expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      await expect(verifyChainAsync(ctx.store.readLedger())).resolves.toEqual({
        ok: true,
        count: 50,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(await readAll(ctx.store.readLedger())).toEqual([...entries].sort((a, b) => a.seq - b.seq));
    });

    it('reads a ledger longer than one page, in order', async () => {
      for (let n = 1; n <= 1003; n += 1) await ctx.store.appendLedger(ledgerAppend('T', n));
      const all = await readAll(ctx.store.readLedger());
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 1003 }, (_, i) => i + 1));
      await expect(verifyChainAsync(ctx.store.readLedger())).resolves.toEqual({
        ok: true,
        count: 1003,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(await ctx.store.listLedger({ limit: 5000 })).toHaveLength(1000);
    });

    it('stores canonical times and plain JSON payloads, and shares nothing with callers', async () => {
      const payload: Record<string, unknown> = {
        z: 1,
        a: { list: [1, 'é😀', null, { b: true }] },
        gone: undefined,
        minus: -0,
      };
      const entry = await ctx.store.appendLedger(ledgerAppend('T', 1, { at: '2025-03-03T10:30:00+01:00', payload }));
      expect(entry.at).toBe('2025-03-03T09:30:00.000Z');
      expect(entry.payload).toEqual({ z: 1, a: { list: [1, 'é😀', null, { b: true }] }, minus: 0 });
      expect(Object.is(entry.payload.minus, 0)).toBe(true);
      (payload.a as { list: unknown[] }).list.push('later');
      (entry.payload as Record<string, unknown>).z = 2;
      const [read] = await ctx.store.listLedger({});
      expect(read).toEqual({ ...entry, payload: { z: 1, a: { list: [1, 'é😀', null, { b: true }] }, minus: 0 } });
      expect(read!.hash).toBe(computeHash(read!));
    });

    it('rejects invalid entries and records none of them', async () => {
      const valid = ledgerAppend('T', 1);
      const bad: unknown[] = [
        { ...valid, taskId: '' },
        { ...valid, type: 'coffee_break' },
        { ...valid, actor: '' },
        { ...valid, at: 'yesterday' },
        { ...valid, at: '2025-03-03T09:05:00' },
        { ...valid, payload: { n: Number.NaN } },
        { ...valid, payload: { list: [1, undefined] } },
        { ...valid, payload: { f: () => 1 } },
        { ...valid, payload: [1, 2] },
        { ...valid, payload: 'text' },
        { ...valid, payload: undefined },
        null,
      ];
      for (const entry of bad) {
        await expect(ctx.store.appendLedger(entry as LedgerAppend)).rejects.toThrow(/invalid ledger entry/);
      }
      await expect(ctx.store.listLedger({})).resolves.toEqual([]);
      await expect(ctx.store.appendLedger(valid)).resolves.toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    });

    it('verifies an empty ledger', async () => {
      await expect(verifyChainAsync(ctx.store.readLedger())).resolves.toEqual({ ok: true, count: 0, head: '' });
    });

    (options.reopen ? it : it.skip)('keeps the chain across close and reopen, and continues it', async () => {
      for (let n = 1; n <= 5; n += 1) await ctx.store.appendLedger(ledgerAppend('T', n));
      const before = await ctx.store.listLedger({});
      ctx.store = await options.reopen!(ctx.store);
      await expect(ctx.store.listLedger({})).resolves.toEqual(before);
      const sixth = await ctx.store.appendLedger(ledgerAppend('T', 6));
      expect(sixth).toMatchObject({ seq: 6, prevHash: before[4]!.hash });
      await expect(verifyChainAsync(ctx.store.readLedger())).resolves.toEqual({
        ok: true,
        count: 6,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });
  });
}
