import Database from 'better-sqlite3';
import type { TaskStore } from '../../src/engine/ports';
import { openSqliteStore, sqliteStoreOn } from '../../src/store/sqlite-store';
import { withStep } from '../../src/engine/mutate';
import { encodeTask } from '../../src/store/codec';
import { describeTaskStoreContract } from './contract';
import { makeTask } from './make-task';
import { useTempDbPaths } from './temp-dir';
import { describeTwoInstances } from './two-instances';

const newPath = useTempDbPaths('store');
let file = '';

describeTaskStoreContract(
  'sqlite (temp file)',
  async () => {
    file = newPath();
    return openSqliteStore(file);
  },
  {
    reopen: async (store: TaskStore) => {
      await store.close();
      return openSqliteStore(file);
    },
  },
);

describeTaskStoreContract('sqlite (:memory:)', () => openSqliteStore(':memory:'));

describeTwoInstances('sqlite', async () => {
  const shared = newPath();
  return [await openSqliteStore(shared), await openSqliteStore(shared)];
});

describe('sqlite: quotas and buckets are shared by every connection to the file', () => {
  it('counts reservations and tokens taken through two connections together', async () => {
    const shared = newPath();
    const [one, two] = [await openSqliteStore(shared), await openSqliteStore(shared)];
    try {
      const at = '2025-03-03T10:00:00.000Z';
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? one : two).reserveQuota({ key: 'tasks:user:u:2025-03-03', limit: 5, holder: `h${i}`, at }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(5);
      const now = new Date(at);
      const tokens = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? one : two).takeToken({ key: 'rate:user:u', capacity: 4, refillPerSecond: 1, now }),
        ),
      );
      expect(tokens.filter((t) => t.ok)).toHaveLength(4);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('sqlite: claiming work reads runnable tasks in claim order', () => {
  it('walks the runnable index instead of sorting every running task', async () => {
    const trace: string[] = [];
    const db = new Database(':memory:', { verbose: (sql) => trace.push(String(sql)) });
    const store = sqliteStoreOn(db);
    try {
      await store.claimRunnable('w1', new Date('2025-03-03T10:00:00.000Z'), 60_000);
      const sql = trace.find((s) => /FROM tasks t INDEXED BY tasks_runnable/.test(s));
      expect(sql).toBeDefined();
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql!}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
      expect(plan).toMatch(/SCAN t USING INDEX tasks_runnable/);
      expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    } finally {
      await store.close();
    }
  });
});

describe('sqlite: tasks written before migration 10 (whole documents)', () => {
  it('reads a whole document as it is, and moves its steps into step rows on the next write', async () => {
    const file = newPath();
    const task = makeTask({ id: 'OLDDOC' });
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    // As migration 9's store wrote it: the steps inside the task's document, no step rows.
    db.prepare(
      `INSERT INTO tasks (id, status, requester_id, conversation_id, version, created_at, updated_at, timer_due, people, title, plan_pending, doc)
       VALUES (@id, @status, @requesterId, @conversationId, @version, @createdAt, @updatedAt, @timerDue, @people, @title, @planPending, @doc)`,
    ).run(encodeTask(task));
    db.close();

    let store = await openSqliteStore(file);
    await expect(store.getTask(task.id)).resolves.toEqual(task);
    const read = (await store.getTask(task.id))!;
    const changed = { ...withStep(read, 's1', (s) => ({ ...s, status: 'succeeded' as const })), version: 1 };
    await expect(store.updateTask(changed, 0)).resolves.toBe(true);
    await store.close();

    const rows = new Database(file, { readonly: true });
    const head = JSON.parse(
      rows.prepare<[string], { doc: string }>('SELECT doc FROM tasks WHERE id = ?').get(task.id)!.doc,
    );
    const steps = rows.prepare('SELECT idx FROM task_steps WHERE task_id = ? ORDER BY idx').pluck().all(task.id);
    rows.close();
    expect(head.plan.steps).toEqual([]);
    expect(steps).toEqual([0, 1]);
    store = await openSqliteStore(file);
    await expect(store.getTask(task.id)).resolves.toEqual(changed);
    await store.close();
  });
});
