import type { TokenUsage } from '../../src/engine/model';
import type { UsageEntry } from '../../src/engine/ports';
import { iso, type ContractContext } from './contract-support';
import { makeUsage } from './make-task';
import type { TaskStoreContractOptions } from './contract';

/** A TokenUsage, briefly. */
const tokens = (promptTokens: number, completionTokens: number, calls: number) => ({
  promptTokens,
  completionTokens,
  calls,
});
const ZERO = tokens(0, 0, 0);

/** `ms` milliseconds after 09:00 on the test day, as an ISO instant. */
const ms = (offset: number): string => new Date(Date.parse(iso(0)) + offset).toISOString();

/** Contract: the model usage ledger that LLM budgets are checked against. */
export function describeUsageContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('usage ledger', () => {
    /** Two requesters in two tenants, plus one record with no tenant, all at 09:10. */
    async function seedLedger(): Promise<void> {
      const record = (requesterId: string, tenantId: string, usage: TokenUsage) =>
        ctx.store.recordUsage(makeUsage({ at: iso(10), requesterId, tenantId, usage }));
      await record('aad-adele', 'tenant-a', tokens(100, 10, 1));
      await record('aad-adele', 'tenant-a', tokens(200, 20, 2));
      await record('aad-megan', 'tenant-a', tokens(1000, 100, 1));
      await record('aad-megan', 'tenant-b', tokens(5000, 500, 4));
      const { tenantId: _none, ...noTenant } = makeUsage({
        at: iso(10),
        requesterId: 'aad-adele',
        usage: tokens(7, 3, 1),
      });
      await ctx.store.recordUsage(noTenant);
    }

    it('sums everyone, one requester, one tenant, or both', async () => {
      await seedLedger();
      const since = iso(0);
      await expect(ctx.store.usageSince({ since })).resolves.toEqual(tokens(6307, 633, 9));
      await expect(ctx.store.usageSince({ since, requesterId: 'aad-adele' })).resolves.toEqual(tokens(307, 33, 4));
      await expect(ctx.store.usageSince({ since, tenantId: 'tenant-a' })).resolves.toEqual(tokens(1300, 130, 4));
      await expect(ctx.store.usageSince({ since, tenantId: 'tenant-b' })).resolves.toEqual(tokens(5000, 500, 4));
      await expect(ctx.store.usageSince({ since, requesterId: 'aad-megan', tenantId: 'tenant-a' })).resolves.toEqual(
        tokens(1000, 100, 1),
      );
    });

    it('returns zeros when nothing matches', async () => {
      await expect(ctx.store.usageSince({ since: iso(0) })).resolves.toEqual(ZERO);
      await seedLedger();
      await expect(ctx.store.usageSince({ since: iso(0), requesterId: 'aad-nobody' })).resolves.toEqual(ZERO);
      await expect(ctx.store.usageSince({ since: iso(0), tenantId: 'tenant-z' })).resolves.toEqual(ZERO);
      const adeleInB = { since: iso(0), requesterId: 'aad-adele', tenantId: 'tenant-b' };
      await expect(ctx.store.usageSince(adeleInB)).resolves.toEqual(ZERO);
      await expect(ctx.store.usageSince({ since: iso(11) })).resolves.toEqual(ZERO);
    });

    it('counts entries at or after `since`, to the millisecond', async () => {
      await ctx.store.recordUsage(makeUsage({ at: ms(999), usage: tokens(1, 0, 1) }));
      await ctx.store.recordUsage(makeUsage({ at: ms(1000), usage: tokens(10, 0, 1) }));
      await ctx.store.recordUsage(makeUsage({ at: ms(1001), usage: tokens(100, 0, 1) }));
      await expect(ctx.store.usageSince({ since: ms(1000) })).resolves.toEqual(tokens(110, 0, 2));
      await expect(ctx.store.usageSince({ since: ms(1001) })).resolves.toEqual(tokens(100, 0, 1));
      await expect(ctx.store.usageSince({ since: ms(999) })).resolves.toEqual(tokens(111, 0, 3));
    });

    it('compares instants, not spellings: offsets and missing milliseconds mean the same time', async () => {
      // 10:30+01:00 is 09:30Z; as raw text it would sort after every 09:xxZ time.
      await ctx.store.recordUsage(makeUsage({ at: '2025-03-03T10:30:00+01:00', usage: tokens(5, 5, 1) }));
      await ctx.store.recordUsage(makeUsage({ at: '2025-03-03T09:20:00Z', usage: tokens(1, 1, 1) }));
      await expect(ctx.store.usageSince({ since: '2025-03-03T09:30:00.000Z' })).resolves.toEqual(tokens(5, 5, 1));
      await expect(ctx.store.usageSince({ since: '2025-03-03T09:30:00.001Z' })).resolves.toEqual(ZERO);
      await expect(ctx.store.usageSince({ since: '2025-03-03T04:20:00-05:00' })).resolves.toEqual(tokens(6, 6, 2));
    });

    it('counts an entry once however often it is recorded, even with other numbers', async () => {
      const entry = makeUsage({ at: iso(5), usage: tokens(40, 4, 1) });
      await expect(ctx.store.recordUsage(entry)).resolves.toBeUndefined();
      await expect(ctx.store.recordUsage(entry)).resolves.toBeUndefined();
      await Promise.all(Array.from({ length: 10 }, () => ctx.store.recordUsage(entry)));
      // The first record wins: a later one under the same id neither adds nor replaces.
      await expect(
        ctx.store.recordUsage({ ...entry, at: iso(30), usage: tokens(9999, 9, 9) }),
      ).resolves.toBeUndefined();
      await expect(ctx.store.usageSince({ since: iso(0) })).resolves.toEqual(tokens(40, 4, 1));
    });

    it('rejects invalid entries and counts none of them', async () => {
      const valid = makeUsage({ at: iso(5) });
      const bad: unknown[] = [
        { ...valid, entryId: '' },
        { ...valid, taskId: undefined },
        { ...valid, requesterId: 42 },
        { ...valid, tenantId: '' },
        { ...valid, usage: { ...valid.usage, promptTokens: -1 } },
        { ...valid, usage: { ...valid.usage, completionTokens: 1.5 } },
        { ...valid, usage: { ...valid.usage, calls: Number.NaN } },
        { ...valid, usage: { promptTokens: 1, completionTokens: 1 } },
        { ...valid, at: 'yesterday' },
        { ...valid, at: '2025-03-03' },
        { ...valid, at: '2025-03-03T09:05:00' },
        { ...valid, at: '2025-02-30T09:05:00Z' },
        null,
      ];
      for (const entry of bad) {
        await expect(ctx.store.recordUsage(entry as UsageEntry)).rejects.toThrow(/invalid usage entry/);
      }
      await expect(ctx.store.usageSince({ since: iso(0) })).resolves.toEqual(ZERO);
      // A rejected entry does not claim its id: the valid one still counts.
      await ctx.store.recordUsage(valid);
      await expect(ctx.store.usageSince({ since: iso(0) })).resolves.toEqual(valid.usage);
    });

    it('rejects a `since` that is not an ISO instant', async () => {
      await expect(ctx.store.usageSince({ since: 'last week' })).rejects.toThrow(RangeError);
      await expect(ctx.store.usageSince({ since: '2025-03-03' })).rejects.toThrow(/since/);
    });

    (options.reopen ? it : it.skip)('keeps the ledger across close and reopen', async () => {
      await seedLedger();
      const entry = makeUsage({ at: iso(20), requesterId: 'aad-megan', tenantId: 'tenant-b' });
      await ctx.store.recordUsage(entry);
      const before = await ctx.store.usageSince({ since: iso(0) });

      ctx.store = await options.reopen!(ctx.store);

      await expect(ctx.store.usageSince({ since: iso(0) })).resolves.toEqual(before);
      await expect(ctx.store.usageSince({ since: iso(15), tenantId: 'tenant-b' })).resolves.toEqual(entry.usage);
      await ctx.store.recordUsage(entry);
      await expect(ctx.store.usageSince({ since: iso(0) })).resolves.toEqual(before);
    });
  });
}
