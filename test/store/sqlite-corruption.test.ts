import Database from 'better-sqlite3';
import { PersistedDataError } from '../../src/engine/upgrade';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeDecision, makeTask } from './make-task';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('corruption');
const NOW = new Date('2025-03-03T10:00:00.000Z');

/** Overwrite a stored document behind the store's back, as a bad manual edit or bug would. */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  db.prepare(sql).run(...params);
  db.close();
}

describe('SQLite rows that no longer load', () => {
  it('surfaces broken task JSON on every read path, naming the task', async () => {
    const file = newPath();
    const store = await openSqliteStore(file);
    await store.createTask(makeTask({ id: 'GOOD' }));
    await store.createTask(makeTask({ id: 'BROKEN' }));
    tamper(file, 'UPDATE tasks SET doc = ? WHERE id = ?', '{"schemaVersion":1,"id":"BRO', 'BROKEN');

    await expect(store.getTask('BROKEN')).rejects.toBeInstanceOf(PersistedDataError);
    await expect(store.getTask('BROKEN')).rejects.toThrow('task BROKEN is not valid JSON');
    await expect(store.listTasks({})).rejects.toThrow('task BROKEN is not valid JSON');
    await expect(store.getTask('GOOD')).resolves.toMatchObject({ id: 'GOOD' });
    await store.close();
  });

  it('names the invalid field of a task that parses but no longer validates', async () => {
    const file = newPath();
    const store = await openSqliteStore(file);
    const task = makeTask({ id: 'ODD' });
    await store.createTask(task);
    tamper(file, 'UPDATE tasks SET doc = ? WHERE id = ?', JSON.stringify({ ...task, status: 'exploded' }), 'ODD');
    await expect(store.getTask('ODD')).rejects.toThrow(/task ODD is invalid: status/);

    tamper(file, 'UPDATE tasks SET doc = ? WHERE id = ?', JSON.stringify({ ...task, schemaVersion: 9 }), 'ODD');
    await expect(store.getTask('ODD')).rejects.toThrow(/task ODD has schemaVersion 9, newer than/);

    tamper(file, 'UPDATE tasks SET doc = ? WHERE id = ?', JSON.stringify({ ...task, id: 'OTHER' }), 'ODD');
    await expect(store.getTask('ODD')).rejects.toThrow('task row ODD holds a document for task OTHER');
    await store.close();
  });

  it('reports a corrupt runnable task to its claimer without blocking the others behind it', async () => {
    const file = newPath();
    const store = await openSqliteStore(file);
    await store.createTask(makeTask({ id: 'OLD', status: 'running', updatedAt: '2025-03-03T08:00:00.000Z' }));
    await store.createTask(makeTask({ id: 'NEW', status: 'running', updatedAt: '2025-03-03T09:00:00.000Z' }));
    tamper(file, 'UPDATE tasks SET doc = ? WHERE id = ?', 'garbage', 'OLD');
    await expect(store.claimRunnable('w1', NOW, 60_000)).rejects.toThrow('task OLD is not valid JSON');
    await expect(store.claimRunnable('w1', NOW, 60_000)).resolves.toMatchObject({ id: 'NEW' });
    await store.close();
  });

  it('surfaces a broken decision, naming it', async () => {
    const file = newPath();
    const store = await openSqliteStore(file);
    const decision = makeDecision({ id: 'DEC', taskId: 'T9' });
    await store.appendDecision(decision);
    tamper(file, 'UPDATE decisions SET doc = ? WHERE id = ?', JSON.stringify({ ...decision, verb: 'nuke' }), 'DEC');
    await expect(store.listDecisions('T9')).rejects.toThrow(/decision DEC is invalid: verb/);
    await store.close();
  });
});
