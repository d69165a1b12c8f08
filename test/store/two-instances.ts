import type { Task } from '../../src/engine/model';
import { withStep } from '../../src/engine/mutate';
import type { TaskStore } from '../../src/engine/ports';
import { makeStep, makeTask } from './make-task';

/**
 * Two stores on the same storage (two instances of Delegate): each keeps the tasks it read
 * decoded (src/store/task-docs.ts), yet each sees the other's writes at once, and a write based
 * on a version the other replaced is refused.
 */
export function describeTwoInstances(name: string, open: () => Promise<[TaskStore, TaskStore]>): void {
  describe(`${name}: two instances on one storage`, () => {
    it("see each other's step writes at once and never write over them", async () => {
      const [a, b] = await open();
      try {
        const task = makeTask({
          status: 'running',
          plan: {
            version: 1,
            createdAt: '2025-03-03T09:00:00.000Z',
            steps: [makeStep({ id: 's1' }), makeStep({ id: 's2' }), makeStep({ id: 's3' })],
          },
        });
        await a.createTask(task);
        const seenByB = (await b.getTask(task.id))!;
        const step = (t: Task, id: string, status: 'running' | 'succeeded'): Task => ({
          ...withStep(t, id, (s) => ({ ...s, status })),
          version: t.version + 1,
        });
        // a writes s1 twice; b, which decoded version 0, must see version 2.
        const first = step(await a.getTask(task.id).then((t) => t!), 's1', 'running');
        await expect(a.updateTask(first, 0)).resolves.toBe(true);
        const second = step(first, 's1', 'succeeded');
        await expect(a.updateTask(second, 1)).resolves.toBe(true);
        await expect(b.getTask(task.id)).resolves.toEqual(second);
        // b's write based on the version it decoded first is refused, and changes nothing.
        await expect(b.updateTask(step(seenByB, 's2', 'running'), 0)).resolves.toBe(false);
        // b writes s2 on the current version; a, holding version 2 decoded, sees it whole.
        const third = step((await b.getTask(task.id))!, 's2', 'running');
        await expect(b.updateTask(third, 2)).resolves.toBe(true);
        await expect(a.getTask(task.id)).resolves.toEqual(third);
        await expect(a.listTasks({ requesterId: task.requester.id })).resolves.toEqual([third]);
        const fourth = step((await a.getTask(task.id))!, 's2', 'succeeded');
        await expect(a.updateTask(fourth, 3)).resolves.toBe(true);
        await expect(b.claimRunnable('w', new Date('2025-03-03T10:00:00.000Z'), 60_000)).resolves.toEqual(fourth);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}
