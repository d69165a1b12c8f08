import type { CheckpointTimers, Task } from '../../src/engine/model';
import type { ContractContext } from './contract-support';
import type { TaskStoreContractOptions } from './contract';
import { makeStep, makeTask } from './make-task';

const T0 = Date.parse('2025-03-03T09:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

/** A task waiting at a checkpoint whose reminder is due at +`remind` minutes and expiry at +`expire`. */
function waiting(remind: number, expire: number, overrides: Partial<CheckpointTimers> = {}): Task {
  const checkpoint: CheckpointTimers = {
    since: at(0),
    remindAt: at(remind),
    expireAt: at(expire),
    escalateTo: [],
    onExpiry: 'reject',
    ...overrides,
  };
  return makeTask({
    status: 'awaiting_checkpoint',
    plan: {
      version: 1,
      createdAt: at(0),
      steps: [
        makeStep({ id: 's1', status: 'succeeded' }),
        makeStep({
          id: 's2',
          action: 'mail.send',
          risk: 'write-internal',
          gate: 'checkpoint',
          status: 'awaiting_approval',
          checkpoint,
        }),
      ],
    },
  });
}

/** Contract: checkpoint timers are found by when they are due; channel approvers are compare-and-set. */
export function describeGovernanceContract(ctx: ContractContext, options: TaskStoreContractOptions): void {
  describe('checkpoint timers', () => {
    it('lists tasks whose next timer is due, earliest first, and no others', async () => {
      const soon = waiting(10, 60);
      const later = waiting(30, 60);
      const notYet = waiting(120, 240);
      const notWaiting = makeTask();
      for (const task of [later, notYet, soon, notWaiting]) await ctx.store.createTask(task);
      const due = await ctx.store.listDueTimers(new Date(T0 + 45 * 60_000), 10);
      expect(due.map((t) => t.id)).toEqual([soon.id, later.id]);
      await expect(ctx.store.listDueTimers(new Date(T0 + 5 * 60_000), 10)).resolves.toEqual([]);
      expect(await ctx.store.listDueTimers(new Date(T0 + 45 * 60_000), 1)).toHaveLength(1);
    });

    it('follows the task document: a fired reminder moves the due time to the expiry, a decided step has none', async () => {
      const task = waiting(10, 60);
      await ctx.store.createTask(task);
      const steps = task.plan.steps;
      const reminded: Task = {
        ...task,
        version: 1,
        plan: {
          ...task.plan,
          steps: [steps[0]!, { ...steps[1]!, checkpoint: { ...steps[1]!.checkpoint!, remindedAt: at(10) } }],
        },
      };
      expect(await ctx.store.updateTask(reminded, 0)).toBe(true);
      await expect(ctx.store.listDueTimers(new Date(T0 + 30 * 60_000), 10)).resolves.toEqual([]);
      expect((await ctx.store.listDueTimers(new Date(T0 + 60 * 60_000), 10)).map((t) => t.id)).toEqual([task.id]);
      const decided: Task = {
        ...reminded,
        version: 2,
        status: 'running',
        plan: { ...reminded.plan, steps: [steps[0]!, { ...reminded.plan.steps[1]!, status: 'approved' }] },
      };
      expect(await ctx.store.updateTask(decided, 1)).toBe(true);
      await expect(ctx.store.listDueTimers(new Date(T0 + 600 * 60_000), 10)).resolves.toEqual([]);
    });

    if (options.reopen) {
      it('keeps timers across a restart', async () => {
        const task = waiting(10, 60);
        await ctx.store.createTask(task);
        ctx.store = await options.reopen!(ctx.store);
        expect((await ctx.store.listDueTimers(new Date(T0 + 15 * 60_000), 10)).map((t) => t.id)).toEqual([task.id]);
      });
    }
  });

  describe('counting tasks', () => {
    it('counts what listTasks would match, without its limit', async () => {
      for (let i = 0; i < 3; i++)
        await ctx.store.createTask(makeTask({ requester: { id: 'aad-count', name: 'Counted' } }));
      await ctx.store.createTask(makeTask({ requester: { id: 'aad-other', name: 'Other' } }));
      await expect(ctx.store.countTasks({ requesterId: 'aad-count', limit: 1 })).resolves.toBe(3);
      await expect(ctx.store.countTasks({ requesterId: 'aad-count', statuses: ['running'] })).resolves.toBe(0);
      await expect(ctx.store.countTasks({ requesterId: 'aad-count', statuses: [] })).resolves.toBe(0);
      await expect(ctx.store.countTasks({ createdAfter: '2999-01-01T00:00:00Z' })).resolves.toBe(0);
      await expect(ctx.store.countTasks({})).resolves.toBe(4);
    });
  });

  describe('scope approvers', () => {
    it('starts empty at version 0 and changes only from the version read', async () => {
      await expect(ctx.store.getScopeApprovers('channel:19:a')).resolves.toEqual({ approvers: [], version: 0 });
      expect(await ctx.store.setScopeApprovers('channel:19:a', ['u2', 'u1', 'u2'], 0)).toBe(true);
      await expect(ctx.store.getScopeApprovers('channel:19:a')).resolves.toEqual({
        approvers: ['u1', 'u2'],
        version: 1,
      });
      // A second writer that read version 0 loses.
      expect(await ctx.store.setScopeApprovers('channel:19:a', ['u3'], 0)).toBe(false);
      expect(await ctx.store.setScopeApprovers('channel:19:a', ['u1'], 1)).toBe(true);
      await expect(ctx.store.getScopeApprovers('channel:19:a')).resolves.toEqual({ approvers: ['u1'], version: 2 });
      await expect(ctx.store.getScopeApprovers('channel:19:b')).resolves.toEqual({ approvers: [], version: 0 });
    });

    if (options.reopen) {
      it('keeps approvers across a restart', async () => {
        await ctx.store.setScopeApprovers('chat:x', ['u9'], 0);
        ctx.store = await options.reopen!(ctx.store);
        await expect(ctx.store.getScopeApprovers('chat:x')).resolves.toEqual({ approvers: ['u9'], version: 1 });
      });
    }
  });
}
