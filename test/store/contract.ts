import { ConflictError } from '../../src/engine/errors';
import { TASK_STATUSES, type Task } from '../../src/engine/model';
import type { TaskStore } from '../../src/engine/ports';
import { makeDecision, makeTask } from './make-task';

/** Hooks an adapter's test file gives the contract suite. */
export interface TaskStoreContractOptions {
  /**
   * Close `store` and open the same storage again, to check that state survives. Omit for
   * stores that keep nothing across instances (the in-memory one); those tests are skipped.
   */
  readonly reopen?: (store: TaskStore) => Promise<TaskStore>;
}

const NOW = new Date('2025-03-03T10:00:00.000Z');
const LEASE_MS = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const iso = (minute: number) => new Date(Date.UTC(2025, 2, 3, 9, minute)).toISOString();

/** A copy of `task` as its next version, the way the engine writes one. */
function next(task: Task, changes: Partial<Task> = {}): Task {
  return { ...task, ...changes, version: task.version + 1 };
}

/**
 * The behaviour every TaskStore adapter must have (DESIGN §2: one suite, every adapter).
 * `open` gives a fresh, empty store for each test; the suite closes it afterwards.
 */
export function describeTaskStoreContract(
  name: string,
  open: () => Promise<TaskStore>,
  options: TaskStoreContractOptions = {},
): void {
  describe(`TaskStore contract: ${name}`, () => {
    let store: TaskStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    async function seed(overrides: Partial<Task> = {}): Promise<Task> {
      const task = makeTask(overrides);
      await store.createTask(task);
      return task;
    }

    describe('create and get', () => {
      it('round-trips a task exactly', async () => {
        const task = await seed({ status: 'running', startedAt: iso(1), stepsRun: 1 });
        await expect(store.getTask(task.id)).resolves.toEqual(task);
      });

      it('returns undefined for an unknown id', async () => {
        await expect(store.getTask('nope')).resolves.toBeUndefined();
      });

      it('shares no objects with callers', async () => {
        const task = makeTask();
        await store.createTask(task);
        const expected = structuredClone(task);
        task.plan.steps[0]!.input.from = 'changed-after-create';
        const read = (await store.getTask(task.id))!;
        read.approvers.push('someone-else');
        read.plan.steps[1]!.status = 'succeeded';
        await expect(store.getTask(task.id)).resolves.toEqual(expected);
      });

      it('rejects a duplicate id with a ConflictError and keeps the original', async () => {
        const task = await seed();
        await expect(store.createTask({ ...task, title: 'impostor' })).rejects.toBeInstanceOf(ConflictError);
        await expect(store.getTask(task.id)).resolves.toEqual(task);
      });

      it('refuses to store an invalid task', async () => {
        const bad = { ...makeTask(), status: 'exploded' } as unknown as Task;
        await expect(store.createTask(bad)).rejects.toThrow(/invalid task/);
        await expect(store.getTask(bad.id)).resolves.toBeUndefined();
      });
    });

    describe('updateTask (compare-and-set)', () => {
      it('writes when the stored version is the expected one', async () => {
        const task = await seed();
        const updated = next(task, { status: 'running', updatedAt: iso(5) });
        await expect(store.updateTask(updated, 0)).resolves.toBe(true);
        await expect(store.getTask(task.id)).resolves.toEqual(updated);
      });

      it('refuses a stale version and keeps what was written first', async () => {
        const task = await seed();
        const first = next(task, { title: 'first' });
        await expect(store.updateTask(first, 0)).resolves.toBe(true);
        await expect(store.updateTask(next(task, { title: 'second' }), 0)).resolves.toBe(false);
        await expect(store.getTask(task.id)).resolves.toEqual(first);
        const third = next(first, { title: 'third' });
        await expect(store.updateTask(third, 1)).resolves.toBe(true);
        await expect(store.getTask(task.id)).resolves.toEqual(third);
      });

      it('returns false for a task that does not exist', async () => {
        await expect(store.updateTask(next(makeTask()), 0)).resolves.toBe(false);
      });

      it('rejects a task whose version is not expectedVersion + 1', async () => {
        const task = await seed();
        await expect(store.updateTask(task, 0)).rejects.toThrow(/version/);
        await expect(store.updateTask({ ...task, version: 5 }, 0)).rejects.toThrow(/version/);
        await expect(store.updateTask({ ...task, version: 1 }, 1)).rejects.toThrow(/version/);
        await expect(store.getTask(task.id)).resolves.toEqual(task);
      });

      it('lets exactly one of 50 concurrent writers from the same read win', async () => {
        const task = await seed();
        const read = (await store.getTask(task.id))!;
        const attempts = Array.from({ length: 50 }, (_, i) => next(read, { title: `writer ${i}` }));
        const results = await Promise.all(attempts.map((attempt) => store.updateTask(attempt, read.version)));
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = attempts[results.indexOf(true)];
        await expect(store.getTask(task.id)).resolves.toEqual(winner);
      });
    });

    describe('listTasks', () => {
      it('filters by requester, conversation and statuses, newest first', async () => {
        const adele = { id: 'aad-adele', name: 'Adele Vance' };
        const megan = { id: 'aad-megan', name: 'Megan Bowen' };
        const channel = { kind: 'channel' as const, conversationId: 'conv-channel', teamId: 'team', channelId: 'ch' };
        const a1 = await seed({ requester: adele, createdAt: iso(1), status: 'running' });
        const a2 = await seed({ requester: adele, createdAt: iso(3), status: 'completed', scope: channel });
        const m1 = await seed({ requester: megan, createdAt: iso(2), status: 'running', scope: channel });
        const m2 = await seed({ requester: megan, createdAt: iso(4), status: 'awaiting_checkpoint' });
        const ids = (tasks: Task[]) => tasks.map((t) => t.id);

        expect(ids(await store.listTasks({}))).toEqual([m2.id, a2.id, m1.id, a1.id]);
        expect(ids(await store.listTasks({ requesterId: 'aad-adele' }))).toEqual([a2.id, a1.id]);
        expect(ids(await store.listTasks({ conversationId: 'conv-channel' }))).toEqual([a2.id, m1.id]);
        expect(ids(await store.listTasks({ statuses: ['running'] }))).toEqual([m1.id, a1.id]);
        expect(ids(await store.listTasks({ statuses: ['running', 'awaiting_checkpoint'] }))).toEqual([
          m2.id,
          m1.id,
          a1.id,
        ]);
        expect(
          ids(await store.listTasks({ requesterId: 'aad-megan', conversationId: 'conv-channel', statuses: ['running'] })),
        ).toEqual([m1.id]);
        expect(ids(await store.listTasks({ requesterId: 'aad-nobody' }))).toEqual([]);
        expect(ids(await store.listTasks({ statuses: [] }))).toEqual([]);
        await expect(store.listTasks({ requesterId: 'aad-adele' })).resolves.toEqual([a2, a1]);
      });

      it('orders tasks created at the same instant by id, descending', async () => {
        await seed({ id: 'B', createdAt: iso(1) });
        await seed({ id: 'C', createdAt: iso(1) });
        await seed({ id: 'A', createdAt: iso(1) });
        expect((await store.listTasks({})).map((t) => t.id)).toEqual(['C', 'B', 'A']);
      });

      it('limits pages: as asked, 20 by default, at most 100', async () => {
        for (let i = 0; i < 105; i += 1) {
          await seed({ id: `L${String(i).padStart(3, '0')}`, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() });
        }
        const three = await store.listTasks({ limit: 3 });
        expect(three.map((t) => t.id)).toEqual(['L104', 'L103', 'L102']);
        await expect(store.listTasks({})).resolves.toHaveLength(20);
        await expect(store.listTasks({ limit: 1000 })).resolves.toHaveLength(100);
      });
    });

    describe('leases', () => {
      it('claims only running tasks', async () => {
        const byStatus = new Map<string, Task>();
        for (const status of TASK_STATUSES) byStatus.set(status, await seed({ status }));
        const claimed = await store.claimRunnable('w1', NOW, LEASE_MS);
        expect(claimed).toEqual(byStatus.get('running'));
        await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      });

      it('claims the least recently updated task first', async () => {
        const newer = await seed({ status: 'running', updatedAt: iso(30) });
        const older = await seed({ status: 'running', updatedAt: iso(10) });
        await expect(store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(older);
        await expect(store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(newer);
      });

      it('never hands out a held lease, and hands it out again once it expires', async () => {
        const task = await seed({ status: 'running' });
        await expect(store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toEqual(task);
        await expect(store.claimRunnable('w1', NOW, LEASE_MS)).resolves.toBeUndefined();
        await expect(store.claimRunnable('w2', at(LEASE_MS - 1), LEASE_MS)).resolves.toBeUndefined();
        await expect(store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toEqual(task);
        await expect(store.renewLease(task.id, 'w1', at(LEASE_MS), LEASE_MS)).resolves.toBe(false);
      });

      it('renews only for the owner, and only while the lease holds', async () => {
        const task = await seed({ status: 'running' });
        await store.claimRunnable('w1', NOW, LEASE_MS);
        await expect(store.renewLease(task.id, 'w2', at(1000), LEASE_MS)).resolves.toBe(false);
        await expect(store.renewLease(task.id, 'w1', at(30_000), LEASE_MS)).resolves.toBe(true);
        // The renewed lease outlives the original expiry.
        await expect(store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toBeUndefined();
        await expect(store.claimRunnable('w2', at(30_000 + LEASE_MS), LEASE_MS)).resolves.toEqual(task);
        await expect(store.renewLease('nope', 'w1', NOW, LEASE_MS)).resolves.toBe(false);
      });

      it('does not renew an expired lease, even when nobody took it over', async () => {
        const task = await seed({ status: 'running' });
        await store.claimRunnable('w1', NOW, LEASE_MS);
        // A worker that missed its renewal must assume it lost the task.
        await expect(store.renewLease(task.id, 'w1', at(LEASE_MS), LEASE_MS)).resolves.toBe(false);
        await expect(store.claimRunnable('w2', at(LEASE_MS), LEASE_MS)).resolves.toEqual(task);
      });

      it('frees a task at once when its owner releases it, and only then', async () => {
        const task = await seed({ status: 'running' });
        await store.claimRunnable('w1', NOW, LEASE_MS);
        await store.releaseLease(task.id, 'w2');
        await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
        await store.releaseLease(task.id, 'w1');
        await expect(store.renewLease(task.id, 'w1', NOW, LEASE_MS)).resolves.toBe(false);
        await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toEqual(task);
        await expect(store.releaseLease('nope', 'w1')).resolves.toBeUndefined();
      });

      it('keeps the lease when the task is updated', async () => {
        const task = await seed({ status: 'running' });
        await store.claimRunnable('w1', NOW, LEASE_MS);
        await expect(store.updateTask(next(task, { stepsRun: 1, updatedAt: iso(50) }), 0)).resolves.toBe(true);
        await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
        await expect(store.renewLease(task.id, 'w1', NOW, LEASE_MS)).resolves.toBe(true);
      });

      it('does not claim a leased task that left and re-entered running', async () => {
        const task = await seed({ status: 'running' });
        await store.claimRunnable('w1', NOW, LEASE_MS);
        const paused = next(task, { status: 'paused' });
        await store.updateTask(paused, 0);
        await store.updateTask(next(paused, { status: 'running' }), 1);
        await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      });

      it('gives two concurrent claimers disjoint sets of tasks', async () => {
        const tasks: Task[] = [];
        for (let i = 0; i < 10; i += 1) tasks.push(await seed({ status: 'running', updatedAt: iso(i) }));
        // Bounded, so a store that hands out held leases fails here instead of looping forever.
        const claimAll = async (owner: string) => {
          const mine: string[] = [];
          for (let i = 0; i <= tasks.length; i += 1) {
            const claimed = await store.claimRunnable(owner, NOW, LEASE_MS);
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
        await seed({ status: 'running' });
        await expect(store.claimRunnable('w1', NOW, 0)).rejects.toThrow(/lease/);
        await expect(store.claimRunnable('w1', new Date(Number.NaN), LEASE_MS)).rejects.toThrow(/lease/);
      });
    });

    describe('decisions', () => {
      it('appends, ignores redelivered ids and lists each task in arrival order', async () => {
        const late = makeDecision({ id: 'z-first', taskId: 'T-a', at: iso(9) });
        const early = makeDecision({ id: 'a-second', taskId: 'T-a', verb: 'edit', at: iso(1), edits: { subject: { from: 'x', to: 'y' } } });
        const other = makeDecision({ id: 'm-other', taskId: 'T-b', verb: 'cancel', stepId: undefined, reason: 'not needed' });
        await expect(store.appendDecision(late)).resolves.toBe(true);
        await expect(store.appendDecision(other)).resolves.toBe(true);
        await expect(store.appendDecision(early)).resolves.toBe(true);
        await expect(store.appendDecision({ ...late, verb: 'reject' })).resolves.toBe(false);
        await expect(store.listDecisions('T-a')).resolves.toEqual([late, early]);
        await expect(store.listDecisions('T-b')).resolves.toEqual([other]);
        await expect(store.listDecisions('T-none')).resolves.toEqual([]);
      });

      it('treats concurrent deliveries of one decision as one', async () => {
        const decision = makeDecision({ taskId: 'T-c' });
        const results = await Promise.all(Array.from({ length: 10 }, () => store.appendDecision(decision)));
        expect(results.filter(Boolean)).toHaveLength(1);
        await expect(store.listDecisions('T-c')).resolves.toEqual([decision]);
      });

      it('refuses an invalid decision', async () => {
        const bad = { ...makeDecision({ taskId: 'T-d' }), verb: 'explode' } as never;
        await expect(store.appendDecision(bad)).rejects.toThrow(/invalid decision/);
        await expect(store.listDecisions('T-d')).resolves.toEqual([]);
      });
    });

    describe('card refs', () => {
      it('upserts per task and kind', async () => {
        await expect(store.getCardRef('T1', 'task')).resolves.toBeUndefined();
        await store.setCardRef('T1', 'task', 'act-1');
        await store.setCardRef('T1', 'checkpoint', 'act-2');
        await store.setCardRef('T2', 'task', 'act-3');
        await store.setCardRef('T1', 'task', 'act-4');
        await expect(store.getCardRef('T1', 'task')).resolves.toBe('act-4');
        await expect(store.getCardRef('T1', 'checkpoint')).resolves.toBe('act-2');
        await expect(store.getCardRef('T2', 'task')).resolves.toBe('act-3');
        await expect(store.getCardRef('T2', 'checkpoint')).resolves.toBeUndefined();
      });
    });

    it('rejects calls after close', async () => {
      await store.close();
      await expect(store.getTask('T1')).rejects.toThrow();
      await expect(store.createTask(makeTask())).rejects.toThrow();
    });

    (options.reopen ? it : it.skip)('keeps everything across close and reopen', async () => {
      const task = await seed({ status: 'running' });
      const updated = next(task, { stepsRun: 1 });
      await store.updateTask(updated, 0);
      await store.claimRunnable('w1', NOW, LEASE_MS);
      const decision = makeDecision({ taskId: task.id });
      await store.appendDecision(decision);
      await store.setCardRef(task.id, 'task', 'act-9');

      store = await options.reopen!(store);

      await expect(store.getTask(task.id)).resolves.toEqual(updated);
      await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      await expect(store.renewLease(task.id, 'w1', NOW, LEASE_MS)).resolves.toBe(true);
      await expect(store.listDecisions(task.id)).resolves.toEqual([decision]);
      await expect(store.appendDecision(decision)).resolves.toBe(false);
      await expect(store.getCardRef(task.id, 'task')).resolves.toBe('act-9');
      await expect(store.createTask(task)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.updateTask(next(updated), 1)).resolves.toBe(true);
    });
  });
}
