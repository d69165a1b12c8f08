import Database from 'better-sqlite3';
import { sqliteStoreOn } from '../../src/store/sqlite-store';
import { makeDecision, makeTask } from './make-task';

/** The statements the store runs, traced through better-sqlite3's `verbose` hook. */
function tracedStore() {
  const trace: string[] = [];
  const store = sqliteStoreOn(new Database(':memory:', { verbose: (sql) => trace.push(String(sql)) }));
  return { store, trace };
}

describe('SQLite durability of decisions', () => {
  it('commits a decision with synchronous=FULL around (not inside) its transaction', async () => {
    const { store, trace } = tracedStore();
    trace.length = 0;
    await expect(store.appendDecision(makeDecision({ taskId: 'T1' }))).resolves.toBe(true);
    const first = trace.indexOf('PRAGMA synchronous = FULL');
    expect(first).toBe(0);
    expect(trace[1]).toBe('BEGIN IMMEDIATE');
    expect(trace.slice(-2)).toEqual(['COMMIT', 'PRAGMA synchronous = NORMAL']);
    await store.close();
  });

  it('keeps ordinary task writes at NORMAL', async () => {
    const { store, trace } = tracedStore();
    trace.length = 0;
    const task = makeTask();
    await store.createTask(task);
    await store.updateTask({ ...task, version: 1 }, 0);
    expect(trace.filter((sql) => sql.startsWith('PRAGMA'))).toEqual([]);
    expect(trace.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(2);
    await store.close();
  });
});
