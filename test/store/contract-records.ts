import { ConflictError } from '../../src/engine/errors';
import { LEASE_MS, NOW, iso, next, seed, type ContractContext } from './contract-support';
import { makeDecision, makeTask } from './make-task';
import type { TaskStoreContractOptions } from './contract';

/** Contract: decisions, card refs, close, and durability across reopen. */
export function describeRecordContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('decisions', () => {
    it('appends, ignores redelivered ids and lists each task in arrival order', async () => {
      const late = makeDecision({ id: 'z-first', taskId: 'T-a', at: iso(9) });
      const early = makeDecision({
        id: 'a-second',
        taskId: 'T-a',
        verb: 'edit',
        at: iso(1),
        edits: { subject: { from: 'x', to: 'y' } },
      });
      const other = makeDecision({
        id: 'm-other',
        taskId: 'T-b',
        verb: 'cancel',
        stepId: undefined,
        reason: 'not needed',
      });
      await expect(ctx.store.appendDecision(late)).resolves.toBe(true);
      await expect(ctx.store.appendDecision(other)).resolves.toBe(true);
      await expect(ctx.store.appendDecision(early)).resolves.toBe(true);
      await expect(ctx.store.appendDecision({ ...late, verb: 'reject' })).resolves.toBe(false);
      await expect(ctx.store.listDecisions('T-a')).resolves.toEqual([late, early]);
      await expect(ctx.store.listDecisions('T-b')).resolves.toEqual([other]);
      await expect(ctx.store.listDecisions('T-none')).resolves.toEqual([]);
    });

    it('treats concurrent deliveries of one decision as one', async () => {
      const decision = makeDecision({ taskId: 'T-c' });
      const results = await Promise.all(Array.from({ length: 10 }, () => ctx.store.appendDecision(decision)));
      expect(results.filter(Boolean)).toHaveLength(1);
      await expect(ctx.store.listDecisions('T-c')).resolves.toEqual([decision]);
    });

    it('refuses an invalid decision', async () => {
      const bad = { ...makeDecision({ taskId: 'T-d' }), verb: 'explode' } as never;
      await expect(ctx.store.appendDecision(bad)).rejects.toThrow(/invalid decision/);
      await expect(ctx.store.listDecisions('T-d')).resolves.toEqual([]);
    });
  });

  describe('card refs', () => {
    it('upserts per task and kind', async () => {
      await expect(ctx.store.getCardRef('T1', 'task')).resolves.toBeUndefined();
      await ctx.store.setCardRef('T1', 'task', 'act-1');
      await ctx.store.setCardRef('T1', 'checkpoint', 'act-2');
      await ctx.store.setCardRef('T2', 'task', 'act-3');
      await ctx.store.setCardRef('T1', 'task', 'act-4');
      await expect(ctx.store.getCardRef('T1', 'task')).resolves.toBe('act-4');
      await expect(ctx.store.getCardRef('T1', 'checkpoint')).resolves.toBe('act-2');
      await expect(ctx.store.getCardRef('T2', 'task')).resolves.toBe('act-3');
      await expect(ctx.store.getCardRef('T2', 'checkpoint')).resolves.toBeUndefined();
    });
  });

  it('rejects calls after close', async () => {
    await ctx.store.close();
    await expect(ctx.store.getTask('T1')).rejects.toThrow();
    await expect(ctx.store.createTask(makeTask())).rejects.toThrow();
  });

  (options.reopen ? it : it.skip)('keeps everything across close and reopen', async () => {
    const task = await seed(ctx, { status: 'running' });
    const updated = next(task, { stepsRun: 1 });
    await ctx.store.updateTask(updated, 0);
    await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
    const decision = makeDecision({ taskId: task.id });
    await ctx.store.appendDecision(decision);
    await ctx.store.setCardRef(task.id, 'task', 'act-9');

    ctx.store = await options.reopen!(ctx.store);

    await expect(ctx.store.getTask(task.id)).resolves.toEqual(updated);
    await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
    await expect(ctx.store.renewLease(task.id, 'w1', NOW, LEASE_MS)).resolves.toBe(true);
    await expect(ctx.store.listDecisions(task.id)).resolves.toEqual([decision]);
    await expect(ctx.store.appendDecision(decision)).resolves.toBe(false);
    await expect(ctx.store.getCardRef(task.id, 'task')).resolves.toBe('act-9');
    await expect(ctx.store.createTask(task)).rejects.toBeInstanceOf(ConflictError);
    await expect(ctx.store.updateTask(next(updated), 1)).resolves.toBe(true);
  });
}
