import type { Task } from '../../src/engine/model';
import { iso, next, seed, type ContractContext } from './contract-support';

/** The Tasks tab's queries: whom a task involves, a creation-time range, and title search. */
export function describeInvolvingContract(ctx: ContractContext): void {
  describe('listTasks for the Tasks tab', () => {
    const ids = (tasks: Task[]) => tasks.map((t) => t.id);
    const adele = { id: 'aad-adele', name: 'Adele Vance' };
    const megan = { id: 'aad-megan', name: 'Megan Bowen' };

    it('finds the tasks a person requested, owns, approves or follows, and no others', async () => {
      await seed(ctx, { id: 'mine', requester: adele, owner: adele.id, approvers: [], createdAt: iso(1) });
      await seed(ctx, {
        id: 'approve',
        requester: megan,
        owner: megan.id,
        approvers: ['aad-adele'],
        createdAt: iso(2),
      });
      await seed(ctx, { id: 'owned', requester: megan, owner: adele.id, approvers: [], createdAt: iso(3) });
      await seed(ctx, {
        id: 'follow',
        requester: megan,
        owner: megan.id,
        approvers: [],
        watchers: ['aad-adele'],
        createdAt: iso(4),
      });
      await seed(ctx, {
        id: 'megans',
        requester: megan,
        owner: megan.id,
        approvers: ['aad-adele-2'],
        createdAt: iso(5),
      });
      expect(ids(await ctx.store.listTasks({ involving: 'aad-adele' }))).toEqual([
        'follow',
        'owned',
        'approve',
        'mine',
      ]);
      expect(ids(await ctx.store.listTasks({ involving: 'aad-megan' }))).toEqual([
        'megans',
        'follow',
        'owned',
        'approve',
      ]);
      // A prefix of an id is not that id.
      expect(ids(await ctx.store.listTasks({ involving: 'aad-adel' }))).toEqual([]);
      expect(ids(await ctx.store.listTasks({ involving: '%' }))).toEqual([]);
      await expect(ctx.store.countTasks({ involving: 'aad-adele' })).resolves.toBe(4);
    });

    it('follows the task as it changes: a new approver finds it, a removed one does not', async () => {
      const task = await seed(ctx, { id: 'T1', requester: megan, owner: megan.id, approvers: [], createdAt: iso(1) });
      expect(ids(await ctx.store.listTasks({ involving: 'aad-adele' }))).toEqual([]);
      const added = next(task, { approvers: ['aad-adele'] });
      await ctx.store.updateTask(added, task.version);
      expect(ids(await ctx.store.listTasks({ involving: 'aad-adele' }))).toEqual(['T1']);
      await ctx.store.updateTask(next(added, { approvers: [] }), added.version);
      expect(ids(await ctx.store.listTasks({ involving: 'aad-adele' }))).toEqual([]);
    });

    it('searches titles ignoring case, with wildcards taken literally', async () => {
      await seed(ctx, { id: 'a', title: 'Summarise Contoso mail', createdAt: iso(1) });
      await seed(ctx, { id: 'b', title: 'Book 100% of the room_A', createdAt: iso(2) });
      await seed(ctx, { id: 'c', title: 'Lunch with Megan', createdAt: iso(3) });
      expect(ids(await ctx.store.listTasks({ titleContains: 'contoso' }))).toEqual(['a']);
      expect(ids(await ctx.store.listTasks({ titleContains: '100%' }))).toEqual(['b']);
      expect(ids(await ctx.store.listTasks({ titleContains: 'room_a' }))).toEqual(['b']);
      expect(ids(await ctx.store.listTasks({ titleContains: '_' }))).toEqual(['b']);
      expect(ids(await ctx.store.listTasks({ titleContains: '%' }))).toEqual(['b']);
      await expect(ctx.store.countTasks({ titleContains: 'M' })).resolves.toBe(3);
    });

    it('counts matching tasks per status in one query, leaving out statuses with none', async () => {
      await seed(ctx, { id: 'r1', status: 'running', title: 'Contoso one', createdAt: iso(1) });
      await seed(ctx, { id: 'r2', status: 'running', title: 'Contoso two', createdAt: iso(2) });
      await seed(ctx, { id: 'c1', status: 'completed', title: 'Contoso three', createdAt: iso(3) });
      await seed(ctx, { id: 'f1', status: 'failed', title: 'Fabrikam', createdAt: iso(4) });
      await seed(ctx, {
        id: 'm1',
        status: 'running',
        requester: megan,
        owner: megan.id,
        approvers: [],
        createdAt: iso(5),
      });
      await expect(ctx.store.countTasksByStatus({ involving: 'aad-adele' })).resolves.toEqual({
        running: 2,
        completed: 1,
        failed: 1,
      });
      await expect(ctx.store.countTasksByStatus({ involving: 'aad-adele', titleContains: 'contoso' })).resolves.toEqual(
        { running: 2, completed: 1 },
      );
      await expect(ctx.store.countTasksByStatus({ statuses: ['failed', 'paused'] })).resolves.toEqual({ failed: 1 });
      await expect(ctx.store.countTasksByStatus({ statuses: [] })).resolves.toEqual({});
    });

    it('keeps tasks created before an instant, and combines it with the other filters', async () => {
      for (let minute = 1; minute <= 5; minute += 1)
        await seed(ctx, {
          id: `C${minute}`,
          requester: minute % 2 ? adele : megan,
          owner: minute % 2 ? adele.id : megan.id,
          approvers: [],
          createdAt: iso(minute),
        });
      expect(ids(await ctx.store.listTasks({ createdBefore: iso(3) }))).toEqual(['C2', 'C1']);
      expect(ids(await ctx.store.listTasks({ createdAfter: iso(2), createdBefore: iso(5) }))).toEqual([
        'C4',
        'C3',
        'C2',
      ]);
      expect(ids(await ctx.store.listTasks({ createdBefore: iso(5), involving: 'aad-adele' }))).toEqual(['C3', 'C1']);
      await expect(ctx.store.listTasks({ createdBefore: 'tomorrow' })).rejects.toThrow(RangeError);
    });
  });
}
