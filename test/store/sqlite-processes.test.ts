import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTask } from './make-task';
import { runClaimWorkers } from './run-claim-workers';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('processes');
const NOW = new Date('2025-03-03T10:00:00.000Z');

async function seedRunning(file: string, count: number): Promise<string[]> {
  const store = await openSqliteStore(file);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const task = makeTask({ id: `P${String(i).padStart(3, '0')}`, status: 'running' });
    await store.createTask(task);
    ids.push(task.id);
  }
  await store.close();
  return ids;
}

describe('SQLite shared by several stores', () => {
  it('never lets two store instances on one file claim the same task', async () => {
    const file = newPath();
    const ids = await seedRunning(file, 30);
    const [a, b] = [await openSqliteStore(file), await openSqliteStore(file)];
    const claimAll = async (store: typeof a, owner: string) => {
      const mine: string[] = [];
      for (let i = 0; i <= ids.length; i += 1) {
        const task = await store.claimRunnable(owner, NOW, 60_000);
        if (!task) return mine;
        mine.push(task.id);
      }
      throw new Error(`${owner} claimed more tasks than exist`);
    };
    const [mineA, mineB] = await Promise.all([claimAll(a, 'A'), claimAll(b, 'B')]);
    expect(mineA.filter((id) => mineB.includes(id))).toEqual([]);
    expect([...mineA, ...mineB].sort()).toEqual(ids);
    // Each instance sees the other's leases.
    await expect(a.renewLease(mineB[0]!, 'A', NOW, 60_000)).resolves.toBe(false);
    await Promise.all([a.close(), b.close()]);
  });

  it('lets only one instance win a compare-and-set from the same read', async () => {
    const file = newPath();
    const [a, b] = [await openSqliteStore(file), await openSqliteStore(file)];
    const task = makeTask();
    await a.createTask(task);
    const read = (await b.getTask(task.id))!;
    const results = await Promise.all([
      a.updateTask({ ...read, title: 'from a', version: 1 }, 0),
      b.updateTask({ ...read, title: 'from b', version: 1 }, 0),
    ]);
    expect(results.sort()).toEqual([false, true]);
    await Promise.all([a.close(), b.close()]);
  });

  it('never lets two processes claim the same task', async () => {
    const file = newPath();
    const ids = await seedRunning(file, 200);
    const [one, two] = await runClaimWorkers(file, ['proc-1', 'proc-2'], NOW);
    expect(one!.filter((id) => two!.includes(id))).toEqual([]);
    expect([...one!, ...two!].sort()).toEqual(ids);
  });
});
