import type { TaskStoreContractOptions } from './contract';
import { makeTask } from './make-task';
import { LEASE_MS, NOW, at, next, seed, type ContractContext } from './contract-support';

/** Contract: inbound activities taken in once, and tasks whose plan is still to be made claimed like running ones. */
export function describeInboundContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('inbound activities', () => {
    it('takes an activity in once: a redelivery of the same key is refused', async () => {
      await expect(ctx.store.firstDelivery('msteams:conv-1:act-1', NOW)).resolves.toBe(true);
      await expect(ctx.store.firstDelivery('msteams:conv-1:act-1', at(5000))).resolves.toBe(false);
      await expect(ctx.store.firstDelivery('msteams:conv-1:act-2', NOW)).resolves.toBe(true);
      await expect(ctx.store.firstDelivery('msteams:conv-2:act-1', NOW)).resolves.toBe(true);
    });

    it('of concurrent deliveries of one activity exactly one is taken in', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => ctx.store.firstDelivery('msteams:conv-1:same', NOW)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    (options.reopen ? it : it.skip)('remembers what it took in across instances', async () => {
      await ctx.store.firstDelivery('msteams:conv-1:kept', NOW);
      ctx.store = await options.reopen!(ctx.store);
      await expect(ctx.store.firstDelivery('msteams:conv-1:kept', NOW)).resolves.toBe(false);
    });
  });

  describe('plans made outside the turn', () => {
    it('claims a task whose plan is pending, under a lease, but not one waiting for an answer', async () => {
      await seed(ctx, { status: 'planning', clarification: { question: 'Who?', options: [], answers: [] } });
      const pending = await seed(ctx, { status: 'planning', planPending: true });
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(pending);
      await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      // Its worker died: the lease expires and another worker plans it (it is not an orphan to retell).
      await expect(ctx.store.claimOrphaned('w2', at(LEASE_MS), LEASE_MS)).resolves.toBeUndefined();
      await expect(ctx.store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toEqual(pending);
    });

    it('a task created with a lease is not claimed until its creator lets go', async () => {
      const task = makeTask({ status: 'planning', planPending: true });
      await ctx.store.createTask(task, { owner: 'edge', now: NOW, leaseMs: LEASE_MS });
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toBeUndefined();
      await ctx.store.releaseLease(task.id, 'edge');
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(task);
    });

    it('stops claiming it once the plan is made', async () => {
      const pending = await seed(ctx, { status: 'planning', planPending: true });
      const { planPending: _done, ...rest } = pending;
      await expect(
        ctx.store.updateTask(next(rest, { status: 'awaiting_plan_approval' }), pending.version),
      ).resolves.toBe(true);
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toBeUndefined();
    });
  });
}
