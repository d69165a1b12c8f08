import { ConflictError } from '../../src/engine/errors';
import type { Schedule } from '../../src/engine/schedule-model';
import { LEASE_MS, NOW, at, type ContractContext } from './contract-support';
import type { TaskStoreContractOptions } from './contract';
import { makeSchedule } from './make-schedule';

const nextVersion = (s: Schedule, changes: Partial<Schedule> = {}): Schedule => ({
  ...s,
  ...changes,
  version: s.version + 1,
});

const OCCURRENCE = '2025-03-10T09:00:00.000Z';

/** Contract: schedules (compare-and-set documents, lists, the due scan) and occurrences claimed once. */
export function describeScheduleContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('schedules', () => {
    it('creates, reads back an equal copy and refuses a duplicate id', async () => {
      const s = makeSchedule();
      await ctx.store.createSchedule(s);
      await expect(ctx.store.getSchedule(s.id)).resolves.toEqual(s);
      await expect(ctx.store.createSchedule(s)).rejects.toBeInstanceOf(ConflictError);
      await expect(ctx.store.getSchedule('SNONE')).resolves.toBeUndefined();
    });

    it('refuses an invalid schedule', async () => {
      await expect(ctx.store.createSchedule({ ...makeSchedule(), status: 'sleeping' } as never)).rejects.toThrow(
        /invalid schedule/,
      );
    });

    it('writes with compare-and-set: a stale version changes nothing', async () => {
      const s = makeSchedule();
      await ctx.store.createSchedule(s);
      const paused = nextVersion(s, { status: 'paused', pausedReason: 'by Adele' });
      await expect(ctx.store.updateSchedule(paused, 0)).resolves.toBe(true);
      await expect(ctx.store.updateSchedule(nextVersion(s, { title: 'late' }), 0)).resolves.toBe(false);
      await expect(ctx.store.getSchedule(s.id)).resolves.toEqual(paused);
      const racing = await Promise.all(
        Array.from({ length: 5 }, (_, i) => ctx.store.updateSchedule(nextVersion(paused, { title: `t${i}` }), 1)),
      );
      expect(racing.filter(Boolean)).toHaveLength(1);
    });

    it('lists by conversation, by owner or approver, and by status, newest first', async () => {
      const a = makeSchedule({ id: 'SA', createdAt: '2025-03-01T00:00:00.000Z' });
      const b = makeSchedule({
        id: 'SB',
        owner: { id: 'aad-megan', name: 'Megan' },
        approvers: ['aad-adele', 'aad-alex'],
        scope: { kind: 'channel', conversationId: 'conv-general', teamId: 't', channelId: 'c' },
        createdAt: '2025-03-02T00:00:00.000Z',
      });
      const c = makeSchedule({ id: 'SC', status: 'deleted', createdAt: '2025-03-03T00:00:00.000Z' });
      for (const s of [a, b, c]) await ctx.store.createSchedule(s);
      const ids = (list: Schedule[]): string[] => list.map((s) => s.id);
      expect(ids(await ctx.store.listSchedules({ conversationId: 'conv-adele' }))).toEqual(['SC', 'SA']);
      expect(ids(await ctx.store.listSchedules({ personId: 'aad-adele' }))).toEqual(['SC', 'SB', 'SA']);
      expect(ids(await ctx.store.listSchedules({ personId: 'aad-alex' }))).toEqual(['SB']);
      expect(ids(await ctx.store.listSchedules({ personId: 'aad-megan' }))).toEqual(['SB']);
      expect(
        ids(await ctx.store.listSchedules({ personId: 'aad-adele', statuses: ['active', 'paused'], limit: 5 })),
      ).toEqual(['SB', 'SA']);
      expect(ids(await ctx.store.listSchedules({ statuses: [] }))).toEqual([]);
      // An approver taken off no longer finds it.
      await ctx.store.updateSchedule(nextVersion(b, { approvers: ['aad-adele'] }), 0);
      expect(ids(await ctx.store.listSchedules({ personId: 'aad-alex' }))).toEqual([]);
    });

    it('finds active schedules due now, earliest first, and never paused ones', async () => {
      await ctx.store.createSchedule(makeSchedule({ id: 'S1', nextRunAt: at(-1000).toISOString() }));
      await ctx.store.createSchedule(makeSchedule({ id: 'S2', nextRunAt: at(-5000).toISOString() }));
      await ctx.store.createSchedule(makeSchedule({ id: 'S3', nextRunAt: at(1000).toISOString() }));
      await ctx.store.createSchedule(makeSchedule({ id: 'S4', status: 'paused', nextRunAt: at(-9000).toISOString() }));
      await ctx.store.createSchedule(
        makeSchedule({ id: 'S5', status: 'pending_approval', nextRunAt: at(-9000).toISOString() }),
      );
      expect((await ctx.store.listDueSchedules(NOW, 10)).map((s) => s.id)).toEqual(['S2', 'S1']);
      expect((await ctx.store.listDueSchedules(NOW, 1)).map((s) => s.id)).toEqual(['S2']);
    });
  });

  describe('occurrences', () => {
    const claim = (owner: string, taskId: string, now = NOW, occurrence = OCCURRENCE) =>
      ctx.store.claimOccurrence({ scheduleId: 'SABCDEF', occurrence, taskId, owner, now, leaseMs: LEASE_MS });

    it('are claimed once, by exactly one of many concurrent claimers', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => claim(`w${i}`, `T${i}`)));
      const won = results.filter((r) => r.claimed);
      expect(won).toHaveLength(1);
    });

    it('keys the occurrence by its instant, whatever its spelling', async () => {
      await expect(claim('w1', 'T1')).resolves.toEqual({ claimed: true, taskId: 'T1' });
      await expect(claim('w2', 'T2', NOW, '2025-03-10T10:00:00+01:00')).resolves.toEqual({
        claimed: false,
        done: false,
      });
      await expect(claim('w2', 'T2', NOW, '2025-03-17T09:00:00.000Z')).resolves.toEqual({
        claimed: true,
        taskId: 'T2',
      });
    });

    it('may be taken over after the lease expires unfinished, keeping the first task id', async () => {
      await expect(claim('w1', 'T1')).resolves.toEqual({ claimed: true, taskId: 'T1' });
      await expect(claim('w2', 'T2', at(LEASE_MS - 1))).resolves.toEqual({ claimed: false, done: false });
      await expect(claim('w2', 'T2', at(LEASE_MS))).resolves.toEqual({ claimed: true, taskId: 'T1' });
      // The first holder lost it: finishing in its name does nothing.
      await expect(ctx.store.finishOccurrence('SABCDEF', OCCURRENCE, 'w1')).resolves.toBe(false);
      await expect(ctx.store.finishOccurrence('SABCDEF', OCCURRENCE, 'w2')).resolves.toBe(true);
    });

    it('are never claimed again once finished', async () => {
      await claim('w1', 'T1');
      await expect(ctx.store.finishOccurrence('SABCDEF', OCCURRENCE, 'w1')).resolves.toBe(true);
      await expect(claim('w2', 'T2', at(10 * LEASE_MS))).resolves.toEqual({ claimed: false, done: true });
      await expect(ctx.store.finishOccurrence('SABCDEF', OCCURRENCE, 'w1')).resolves.toBe(false);
    });

    const reopen = options.reopen;
    (reopen ? it : it.skip)('survive reopening the storage', async () => {
      await ctx.store.createSchedule(makeSchedule());
      await claim('w1', 'T1');
      await ctx.store.finishOccurrence('SABCDEF', OCCURRENCE, 'w1');
      ctx.store = await reopen!(ctx.store);
      await expect(ctx.store.getSchedule('SABCDEF')).resolves.toEqual(makeSchedule());
      await expect(claim('w2', 'T2', at(10 * LEASE_MS))).resolves.toEqual({ claimed: false, done: true });
    });
  });
}
