import { TASK_STATUSES, type Task } from '../../src/engine/model';
import { LEASE_MS, NOW, at, iso, next, seed, type ContractContext } from './contract-support';

/** Contract: claiming running tasks under leases, renewing and releasing them. */
export function describeLeaseContract(ctx: ContractContext): void {
  describe('leases', () => {
    it('claims only running tasks', async () => {
      const byStatus = new Map<string, Task>();
      for (const status of TASK_STATUSES) byStatus.set(status, await seed(ctx, { status }));
      const claimed = await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
      expect(claimed).toEqual(byStatus.get('running'));
      await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
    });

    it('claims the least recently updated task first', async () => {
      const newer = await seed(ctx, { status: 'running', updatedAt: iso(30) });
      const older = await seed(ctx, { status: 'running', updatedAt: iso(10) });
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(older);
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(newer);
    });

    it('never hands out a held lease, and hands it out again once it expires', async () => {
      const task = await seed(ctx, { status: 'running' });
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(task);
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toBeUndefined();
      await expect(ctx.store.claimRunnable('w2', at(LEASE_MS - 1), LEASE_MS)).resolves.toBeUndefined();
      await expect(ctx.store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toEqual(task);
      await expect(ctx.store.renewLease(task.id, 'w1', at(LEASE_MS), LEASE_MS)).resolves.toBe(false);
    });

    it('renews only for the owner, and only while the lease holds', async () => {
      const task = await seed(ctx, { status: 'running' });
      await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
      await expect(ctx.store.renewLease(task.id, 'w2', at(1000), LEASE_MS)).resolves.toBe(false);
      await expect(ctx.store.renewLease(task.id, 'w1', at(30_000), LEASE_MS)).resolves.toBe(true);
      // The renewed lease outlives the original expiry.
      await expect(ctx.store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toBeUndefined();
      await expect(ctx.store.claimRunnable('w2', at(30_000 + LEASE_MS), LEASE_MS)).resolves.toEqual(task);
      await expect(ctx.store.renewLease('nope', 'w1', NOW, LEASE_MS)).resolves.toBe(false);
    });

    it('does not renew an expired lease, even when nobody took it over', async () => {
      const task = await seed(ctx, { status: 'running' });
      await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
      // A worker that missed its renewal must assume it lost the task.
      await expect(ctx.store.renewLease(task.id, 'w1', at(LEASE_MS), LEASE_MS)).resolves.toBe(false);
      await expect(ctx.store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toEqual(task);
    });

    it('frees a task at once when its owner releases it, and only then', async () => {
      const task = await seed(ctx, { status: 'running' });
      await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
      await ctx.store.releaseLease(task.id, 'w2');
      await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      await ctx.store.releaseLease(task.id, 'w1');
      await expect(ctx.store.renewLease(task.id, 'w1', NOW, LEASE_MS)).resolves.toBe(false);
      await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toEqual(task);
      await expect(ctx.store.releaseLease('nope', 'w1')).resolves.toBeUndefined();
    });

    it('keeps the lease when the task is updated', async () => {
      const task = await seed(ctx, { status: 'running' });
      await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
      await expect(ctx.store.updateTask(next(task, { stepsRun: 1, updatedAt: iso(50) }), 0)).resolves.toBe(true);
      await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      await expect(ctx.store.renewLease(task.id, 'w1', NOW, LEASE_MS)).resolves.toBe(true);
    });

    it('does not claim a leased task that left and re-entered running', async () => {
      const task = await seed(ctx, { status: 'running' });
      await ctx.store.claimRunnable('w1', NOW, LEASE_MS);
      const paused = next(task, { status: 'paused' });
      await ctx.store.updateTask(paused, 0);
      await ctx.store.updateTask(next(paused, { status: 'running' }), 1);
      await expect(ctx.store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
    });

    it('gives two concurrent claimers disjoint sets of tasks', async () => {
      const tasks: Task[] = [];
      for (let i = 0; i < 10; i += 1) tasks.push(await seed(ctx, { status: 'running', updatedAt: iso(i) }));
      // Bounded, so a store that hands out held leases fails here instead of looping forever.
      const claimAll = async (owner: string) => {
        const mine: string[] = [];
        for (let i = 0; i <= tasks.length; i += 1) {
          const claimed = await ctx.store.claimRunnable(owner, NOW, LEASE_MS);
          if (!claimed) return mine;
          mine.push(claimed.id);
        }
        throw new Error(`${owner} claimed more tasks than exist`);
      };
      const [a, b] = await Promise.all([claimAll('w1'), claimAll('w2')]);
      expect(a.filter((id) => b.includes(id))).toEqual([]);
      expect([...a, ...b].sort()).toEqual(tasks.map((t) => t.id).sort());
    });

    it('rejects a lease that is not a positive duration', async () => {
      await seed(ctx, { status: 'running' });
      await expect(ctx.store.claimRunnable('w1', NOW, 0)).rejects.toThrow(/lease/);
      await expect(ctx.store.claimRunnable('w1', new Date(Number.NaN), LEASE_MS)).rejects.toThrow(/lease/);
    });

    it('tells listeners when a write leaves a task runnable, until they stop listening', async () => {
      const task = await seed(ctx, { status: 'awaiting_plan_approval' });
      let heard = 0;
      const rang = new Promise<void>((resolve) => {
        const stop = ctx.store.onRunnable(() => {
          heard += 1;
          stop();
          resolve();
        });
      });
      await expect(ctx.store.updateTask(next(task, { status: 'running' }), task.version)).resolves.toBe(true);
      await rang;
      const running = next(task, { status: 'running' });
      await expect(ctx.store.updateTask(next(running), running.version)).resolves.toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toBe(1);
    });

    it('hands out a lease its worker never released once the task left running, and only after it expires', async () => {
      const task = await seed(ctx, { status: 'running' });
      const other = await seed(ctx, { status: 'awaiting_checkpoint' });
      await expect(ctx.store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(task);
      // Still running, or leased and not expired: nothing is orphaned.
      await expect(ctx.store.claimOrphaned('w2', at(LEASE_MS), LEASE_MS)).resolves.toBeUndefined();
      const waiting = next(task, { status: 'awaiting_checkpoint' });
      await ctx.store.updateTask(waiting, task.version);
      await expect(ctx.store.claimOrphaned('w2', at(LEASE_MS - 1), LEASE_MS)).resolves.toBeUndefined();
      // w1 died: its lease expires and w2 takes the task over, once.
      await expect(ctx.store.claimOrphaned('w2', at(LEASE_MS), LEASE_MS)).resolves.toEqual(waiting);
      await expect(ctx.store.claimOrphaned('w3', at(LEASE_MS), LEASE_MS)).resolves.toBeUndefined();
      await ctx.store.releaseLease(task.id, 'w2');
      await expect(ctx.store.claimOrphaned('w3', at(10 * LEASE_MS), LEASE_MS)).resolves.toBeUndefined();
      // A task never leased is nobody's orphan.
      expect(other.status).toBe('awaiting_checkpoint');
    });
  });
}
