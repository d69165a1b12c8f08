import type { Task } from '../../src/engine/model';
import { withStep } from '../../src/engine/mutate';
import type { TaskStoreContractOptions } from './contract';
import { iso, next, type ContractContext } from './contract-support';
import { makeStep, makeTask } from './make-task';

/**
 * Contract: a step transition writes only what changed (src/store/task-docs.ts), yet every
 * read — in this instance, after a reopen, or through a second instance — sees the whole task.
 */
export function describeStepWritesContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('step transitions', () => {
    const plan = (n: number): Task =>
      makeTask({
        status: 'running',
        plan: {
          version: 1,
          createdAt: iso(0),
          steps: Array.from({ length: n }, (_, i) => makeStep({ id: `s${i + 1}` })),
        },
      });

    /** Run steps 1..n one by one as the worker does: running, then succeeded, each a CAS write of one step. */
    async function runSteps(task: Task, n: number): Promise<Task> {
      let current = task;
      for (let i = 0; i < n; i++) {
        const id = `s${i + 1}`;
        for (const status of ['running', 'succeeded'] as const) {
          const read = (await ctx.store.getTask(current.id))!;
          const changed = next(
            withStep(read, id, (s) => ({
              ...s,
              status,
              attempts: 1,
              output: status === 'succeeded' ? { n: i } : undefined,
            })),
            { updatedAt: iso(i + 1), stepsRun: read.stepsRun + (status === 'succeeded' ? 1 : 0) },
          );
          await expect(ctx.store.updateTask(changed, read.version)).resolves.toBe(true);
          current = changed;
        }
      }
      return current;
    }

    it('round-trips a task whose steps were written one at a time', async () => {
      const task = plan(12);
      await ctx.store.createTask(task);
      const done = await runSteps(task, 12);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(done);
      await expect(ctx.store.listTasks({ requesterId: task.requester.id })).resolves.toEqual([done]);
    });

    it('replaces every step of a new plan version, dropping steps a shorter plan no longer has', async () => {
      const task = plan(5);
      await ctx.store.createTask(task);
      const ran = await runSteps(task, 2);
      const shorter = next(ran, {
        plan: { version: 2, createdAt: iso(30), steps: [makeStep({ id: 'n1', action: 'mail.send' })] },
      });
      await expect(ctx.store.updateTask(shorter, ran.version)).resolves.toBe(true);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(shorter);
      const longer = next(shorter, {
        plan: { version: 3, createdAt: iso(31), steps: [makeStep({ id: 'm1' }), makeStep({ id: 'm2' })] },
      });
      await expect(ctx.store.updateTask(longer, shorter.version)).resolves.toBe(true);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(longer);
    });

    it('refuses an invalid step without writing anything', async () => {
      const task = plan(3);
      await ctx.store.createTask(task);
      const read = (await ctx.store.getTask(task.id))!;
      const bad = next(
        withStep(read, 's2', (s) => ({ ...s, status: 'exploded' as Task['plan']['steps'][number]['status'] })),
      );
      await expect(ctx.store.updateTask(bad, 0)).rejects.toThrow(/invalid task .*plan\.steps\.1\.status/);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(task);
    });

    (options.reopen ? it : it.skip)('keeps steps written one at a time across a reopen', async () => {
      const task = plan(6);
      await ctx.store.createTask(task);
      const done = await runSteps(task, 4);
      ctx.store = await options.reopen!(ctx.store);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(done);
      // And the next step after the reopen (nothing decoded yet) is written and read back whole.
      const more = await runSteps(done, 5);
      ctx.store = await options.reopen!(ctx.store);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(more);
      await expect(ctx.store.claimRunnable('w1', new Date(iso(59)), 60_000)).resolves.toEqual(more);
    });
  });
}
