import { ConflictError } from '../../src/engine/errors';
import type { Task } from '../../src/engine/model';
import { iso, next, seed, type ContractContext } from './contract-support';
import { taskFixtures } from './fixtures';
import { makeTask } from './make-task';

/** Contract: creating, reading, compare-and-set updating and listing tasks. */
export function describeTaskContract(ctx: ContractContext): void {
  describe('create and get', () => {
    it('round-trips a task exactly', async () => {
      const task = await seed(ctx, { status: 'running', startedAt: iso(1), stepsRun: 1 });
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(task);
    });

    it.each(taskFixtures().map((f) => [f.file, f.task] as const))(
      'round-trips fixture %s with every field',
      async (_file, task) => {
        await ctx.store.createTask(task);
        await expect(ctx.store.getTask(task.id)).resolves.toEqual(task);
        await expect(ctx.store.listTasks({ requesterId: task.requester.id })).resolves.toEqual([task]);
      },
    );

    it('returns undefined for an unknown id', async () => {
      await expect(ctx.store.getTask('nope')).resolves.toBeUndefined();
    });

    it('keeps nothing a caller passes in, and hands out tasks nobody can change', async () => {
      const task = makeTask();
      await ctx.store.createTask(task);
      const expected = structuredClone(task);
      task.plan.steps[0]!.input.from = 'changed-after-create';
      const read = (await ctx.store.getTask(task.id))!;
      // Tasks read are frozen (the store hands the same decoded task to every reader).
      expect(() => read.approvers.push('someone-else')).toThrow(TypeError);
      expect(() => {
        read.plan.steps[1]!.status = 'succeeded';
      }).toThrow(TypeError);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(expected);
      // Nor does a write share objects with its caller: changing the task written changes nothing stored.
      const updated = { ...structuredClone(expected), title: 'renamed', version: 1 };
      await expect(ctx.store.updateTask(updated, 0)).resolves.toBe(true);
      updated.plan.steps[0]!.input.from = 'changed-after-update';
      await expect(ctx.store.getTask(task.id)).resolves.toEqual({ ...expected, title: 'renamed', version: 1 });
    });

    it('rejects a duplicate id with a ConflictError and keeps the original', async () => {
      const task = await seed(ctx);
      await expect(ctx.store.createTask({ ...task, title: 'impostor' })).rejects.toBeInstanceOf(ConflictError);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(task);
    });

    it('refuses to store an invalid task', async () => {
      const bad = { ...makeTask(), status: 'exploded' } as unknown as Task;
      await expect(ctx.store.createTask(bad)).rejects.toThrow(/invalid task/);
      await expect(ctx.store.getTask(bad.id)).resolves.toBeUndefined();
    });
  });

  describe('updateTask (compare-and-set)', () => {
    it('writes when the stored version is the expected one', async () => {
      const task = await seed(ctx);
      const updated = next(task, { status: 'running', updatedAt: iso(5) });
      await expect(ctx.store.updateTask(updated, 0)).resolves.toBe(true);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(updated);
    });

    it('refuses a stale version and keeps what was written first', async () => {
      const task = await seed(ctx);
      const first = next(task, { title: 'first' });
      await expect(ctx.store.updateTask(first, 0)).resolves.toBe(true);
      await expect(ctx.store.updateTask(next(task, { title: 'second' }), 0)).resolves.toBe(false);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(first);
      const third = next(first, { title: 'third' });
      await expect(ctx.store.updateTask(third, 1)).resolves.toBe(true);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(third);
    });

    it('returns false for a task that does not exist', async () => {
      await expect(ctx.store.updateTask(next(makeTask()), 0)).resolves.toBe(false);
    });

    it('rejects a task whose version is not expectedVersion + 1', async () => {
      const task = await seed(ctx);
      await expect(ctx.store.updateTask(task, 0)).rejects.toThrow(/version/);
      await expect(ctx.store.updateTask({ ...task, version: 5 }, 0)).rejects.toThrow(/version/);
      await expect(ctx.store.updateTask({ ...task, version: 1 }, 1)).rejects.toThrow(/version/);
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(task);
    });

    it('lets exactly one of 50 concurrent writers from the same read win', async () => {
      const task = await seed(ctx);
      const read = (await ctx.store.getTask(task.id))!;
      const attempts = Array.from({ length: 50 }, (_, i) => next(read, { title: `writer ${i}` }));
      const results = await Promise.all(attempts.map((attempt) => ctx.store.updateTask(attempt, read.version)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = attempts[results.indexOf(true)];
      await expect(ctx.store.getTask(task.id)).resolves.toEqual(winner);
    });
  });

  describe('listTasks', () => {
    it('filters by requester, conversation and statuses, newest first', async () => {
      const adele = { id: 'aad-adele', name: 'Adele Vance' };
      const megan = { id: 'aad-megan', name: 'Megan Bowen' };
      const channel = { kind: 'channel' as const, conversationId: 'conv-channel', teamId: 'team', channelId: 'ch' };
      const a1 = await seed(ctx, { requester: adele, createdAt: iso(1), status: 'running' });
      const a2 = await seed(ctx, { requester: adele, createdAt: iso(3), status: 'completed', scope: channel });
      const m1 = await seed(ctx, { requester: megan, createdAt: iso(2), status: 'running', scope: channel });
      const m2 = await seed(ctx, { requester: megan, createdAt: iso(4), status: 'awaiting_checkpoint' });
      const ids = (tasks: Task[]) => tasks.map((t) => t.id);

      expect(ids(await ctx.store.listTasks({}))).toEqual([m2.id, a2.id, m1.id, a1.id]);
      expect(ids(await ctx.store.listTasks({ requesterId: 'aad-adele' }))).toEqual([a2.id, a1.id]);
      expect(ids(await ctx.store.listTasks({ conversationId: 'conv-channel' }))).toEqual([a2.id, m1.id]);
      expect(ids(await ctx.store.listTasks({ statuses: ['running'] }))).toEqual([m1.id, a1.id]);
      expect(ids(await ctx.store.listTasks({ statuses: ['running', 'awaiting_checkpoint'] }))).toEqual([
        m2.id,
        m1.id,
        a1.id,
      ]);
      expect(
        ids(
          await ctx.store.listTasks({
            requesterId: 'aad-megan',
            conversationId: 'conv-channel',
            statuses: ['running'],
          }),
        ),
      ).toEqual([m1.id]);
      expect(ids(await ctx.store.listTasks({ requesterId: 'aad-nobody' }))).toEqual([]);
      expect(ids(await ctx.store.listTasks({ statuses: [] }))).toEqual([]);
      await expect(ctx.store.listTasks({ requesterId: 'aad-adele' })).resolves.toEqual([a2, a1]);
    });

    it('orders tasks created at the same instant by id, descending', async () => {
      await seed(ctx, { id: 'B', createdAt: iso(1) });
      await seed(ctx, { id: 'C', createdAt: iso(1) });
      await seed(ctx, { id: 'A', createdAt: iso(1) });
      expect((await ctx.store.listTasks({})).map((t) => t.id)).toEqual(['C', 'B', 'A']);
    });

    it('limits pages: as asked, 20 by default, at most 100', async () => {
      for (let i = 0; i < 105; i += 1) {
        await seed(ctx, {
          id: `L${String(i).padStart(3, '0')}`,
          createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
        });
      }
      const three = await ctx.store.listTasks({ limit: 3 });
      expect(three.map((t) => t.id)).toEqual(['L104', 'L103', 'L102']);
      await expect(ctx.store.listTasks({})).resolves.toHaveLength(20);
      await expect(ctx.store.listTasks({ limit: 1000 })).resolves.toHaveLength(100);
    });

    describe('createdAfter', () => {
      const ids = (tasks: Task[]) => tasks.map((t) => t.id);
      const adele = { id: 'aad-adele', name: 'Adele Vance' };
      const megan = { id: 'aad-megan', name: 'Megan Bowen' };

      it('keeps tasks created at or after the instant, newest first', async () => {
        for (let minute = 1; minute <= 5; minute += 1) await seed(ctx, { id: `C${minute}`, createdAt: iso(minute) });
        expect(ids(await ctx.store.listTasks({ createdAfter: iso(3) }))).toEqual(['C5', 'C4', 'C3']);
        expect(
          ids(await ctx.store.listTasks({ createdAfter: new Date(Date.parse(iso(3)) + 1).toISOString() })),
        ).toEqual(['C5', 'C4']);
        expect(ids(await ctx.store.listTasks({ createdAfter: iso(0) }))).toEqual(['C5', 'C4', 'C3', 'C2', 'C1']);
        expect(ids(await ctx.store.listTasks({ createdAfter: iso(6) }))).toEqual([]);
      });

      it('reads the bound as an instant, whatever its offset', async () => {
        await seed(ctx, { id: 'early', createdAt: iso(20) });
        await seed(ctx, { id: 'late', createdAt: iso(40) });
        // 10:30+01:00 is 09:30Z: as raw text it would sort after both.
        expect(ids(await ctx.store.listTasks({ createdAfter: '2025-03-03T10:30:00+01:00' }))).toEqual(['late']);
        expect(ids(await ctx.store.listTasks({ createdAfter: '2025-03-03T09:20:00Z' }))).toEqual(['late', 'early']);
      });

      it('combines with requester, conversation, statuses and limit', async () => {
        const channel = { kind: 'channel' as const, conversationId: 'conv-channel', teamId: 'team', channelId: 'ch' };
        await seed(ctx, { id: 'a-old', requester: adele, createdAt: iso(1), status: 'running' });
        await seed(ctx, { id: 'a-new', requester: adele, createdAt: iso(5), status: 'running', scope: channel });
        await seed(ctx, { id: 'a-done', requester: adele, createdAt: iso(6), status: 'completed' });
        await seed(ctx, { id: 'm-old', requester: megan, createdAt: iso(2), status: 'running', scope: channel });
        await seed(ctx, { id: 'm-new', requester: megan, createdAt: iso(7), status: 'running' });
        const createdAfter = iso(3);
        expect(ids(await ctx.store.listTasks({ createdAfter, requesterId: 'aad-adele' }))).toEqual(['a-done', 'a-new']);
        expect(ids(await ctx.store.listTasks({ createdAfter, conversationId: 'conv-channel' }))).toEqual(['a-new']);
        expect(ids(await ctx.store.listTasks({ createdAfter, statuses: ['running'] }))).toEqual(['m-new', 'a-new']);
        expect(
          ids(await ctx.store.listTasks({ createdAfter, requesterId: 'aad-adele', statuses: ['running'] })),
        ).toEqual(['a-new']);
        expect(ids(await ctx.store.listTasks({ createdAfter, statuses: [] }))).toEqual([]);
        expect(ids(await ctx.store.listTasks({ createdAfter, limit: 2 }))).toEqual(['m-new', 'a-done']);
        expect(ids(await ctx.store.listTasks({ createdAfter, requesterId: 'aad-adele', limit: 1 }))).toEqual([
          'a-done',
        ]);
      });

      it('applies the limit after the filter, not before', async () => {
        for (let i = 0; i < 30; i += 1) {
          await seed(ctx, {
            id: `P${String(i).padStart(2, '0')}`,
            createdAt: iso(i),
            requester: i % 2 ? adele : megan,
          });
        }
        const page = await ctx.store.listTasks({ createdAfter: iso(10), requesterId: 'aad-adele', limit: 100 });
        expect(ids(page)).toEqual(['P29', 'P27', 'P25', 'P23', 'P21', 'P19', 'P17', 'P15', 'P13', 'P11']);
        await expect(ctx.store.listTasks({ createdAfter: iso(0) })).resolves.toHaveLength(20);
      });

      it('rejects a bound that is not an ISO instant', async () => {
        await expect(ctx.store.listTasks({ createdAfter: 'yesterday' })).rejects.toThrow(RangeError);
        await expect(ctx.store.listTasks({ createdAfter: '2025-03-03T09:00:00' })).rejects.toThrow(/createdAfter/);
      });
    });
  });
}
