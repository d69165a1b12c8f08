import type { TaskStore } from '../../src/engine/ports';
import type { TaskStoreContractOptions } from './contract';
import { NOW, at, type ContractContext } from './contract-support';

const quota = (holder: string, key = 'tasks:user:aad-adele:2025-03-03', limit = 5) => ({
  key,
  limit,
  holder,
  at: NOW.toISOString(),
});

/** Contract: counted allowances (task budgets) and token buckets (rate limits), atomic under concurrency. */
export function describeLimitsContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('quotas', () => {
    it('grants exactly `limit` of 30 concurrent reservations, and a released unit can be taken again', async () => {
      const granted = await Promise.all(Array.from({ length: 30 }, (_, i) => ctx.store.reserveQuota(quota(`h${i}`))));
      expect(granted.filter(Boolean)).toHaveLength(5);
      const holders = granted.flatMap((ok, i) => (ok ? [`h${i}`] : []));
      await expect(ctx.store.reserveQuota(quota('late'))).resolves.toBe(false);
      await ctx.store.releaseQuota(quota('x').key, holders[0]!);
      await expect(ctx.store.reserveQuota(quota('late'))).resolves.toBe(true);
      await expect(ctx.store.reserveQuota(quota('later'))).resolves.toBe(false);
    });

    it('keeps keys apart, is idempotent per holder, and ignores releasing what is not held', async () => {
      await expect(ctx.store.reserveQuota(quota('a', 'k1', 1))).resolves.toBe(true);
      await expect(ctx.store.reserveQuota(quota('a', 'k1', 1))).resolves.toBe(true);
      await expect(ctx.store.reserveQuota(quota('b', 'k1', 1))).resolves.toBe(false);
      await expect(ctx.store.reserveQuota(quota('b', 'k2', 1))).resolves.toBe(true);
      await ctx.store.releaseQuota('k1', 'nobody');
      await ctx.store.releaseQuota('k1', 'a');
      await ctx.store.releaseQuota('k1', 'a');
      await expect(ctx.store.reserveQuota(quota('b', 'k1', 1))).resolves.toBe(true);
      await expect(ctx.store.reserveQuota(quota('c', 'k0', 0))).resolves.toBe(false);
      await expect(ctx.store.reserveQuota({ ...quota('d'), at: 'yesterday' })).rejects.toThrow(RangeError);
    });

    if (options.reopen) {
      it('keeps reservations across a reopen', async () => {
        await ctx.store.reserveQuota(quota('a', 'k', 1));
        ctx.store = await options.reopen!(ctx.store);
        await expect(ctx.store.reserveQuota(quota('b', 'k', 1))).resolves.toBe(false);
      });
    }
  });

  describe('token buckets', () => {
    const bucket = (now: Date, key = 'rate:user:aad-adele') => ({ key, capacity: 3, refillPerSecond: 0.5, now });
    const take = (store: TaskStore, now: Date, key?: string) => store.takeToken(bucket(now, key));

    it('starts full, empties, says how long until the next token, and refills with time', async () => {
      const taken = await Promise.all(Array.from({ length: 10 }, () => take(ctx.store, NOW)));
      expect(taken.filter((t) => t.ok)).toHaveLength(3);
      expect(taken.at(-1)).toEqual({ ok: false, retryAfterMs: 2000 });
      await expect(take(ctx.store, at(1000))).resolves.toEqual({ ok: false, retryAfterMs: 1000 });
      await expect(take(ctx.store, at(2000))).resolves.toEqual({ ok: true });
      await expect(take(ctx.store, at(2000))).resolves.toEqual({ ok: false, retryAfterMs: 2000 });
      // Never more than the capacity, however long it rested.
      const later = at(3_600_000);
      const burst = await Promise.all(Array.from({ length: 5 }, () => take(ctx.store, later)));
      expect(burst.filter((t) => t.ok)).toHaveLength(3);
      await expect(take(ctx.store, later, 'rate:user:aad-other')).resolves.toEqual({ ok: true });
    });

    it('refills nothing for a caller whose clock is behind the last writer', async () => {
      for (let i = 0; i < 3; i += 1) await take(ctx.store, at(10_000));
      await expect(take(ctx.store, at(0))).resolves.toEqual({ ok: false, retryAfterMs: 2000 });
    });

    if (options.reopen) {
      it('keeps buckets across a reopen', async () => {
        for (let i = 0; i < 3; i += 1) await take(ctx.store, NOW);
        ctx.store = await options.reopen!(ctx.store);
        await expect(take(ctx.store, NOW)).resolves.toMatchObject({ ok: false });
      });
    }
  });
}
