import path from 'node:path';
import pg from 'pg';
import { verifyChainAsync } from '../../src/ledger/verify';
import { MIGRATIONS } from '../../src/store/migrations';
import { openPgStore } from '../../src/store/pg-store';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { makeTask } from './make-task';
import { runWorkers } from './run-claim-workers';

const newSchema = useTestSchemas('procs');
const WORKER = path.join(__dirname, 'pg-process-worker.ts');
const NOW = new Date('2025-03-03T10:00:00.000Z');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describeWithPostgres('PostgreSQL shared by several processes', () => {
  it('migrates an empty database once when two instances start at once', async () => {
    const schema = newSchema();
    const lines = await runWorkers(WORKER, [
      ['migrate', TEST_PG_URL, schema],
      ['migrate', TEST_PG_URL, schema],
    ]);
    const [one, two] = lines.map((line) => JSON.parse(line) as number[]);
    const all = MIGRATIONS.map((m) => m.version);
    // One of them applied every migration, the other found nothing left to do.
    expect([one, two].sort((x, y) => y!.length - x!.length)).toEqual([all, []]);
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const rows = await client.query<{ version: number }>(
        `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
      );
      expect(rows.rows.map((r) => r.version)).toEqual(all);
    } finally {
      await client.end();
    }
  });

  it('keeps one gap-free, verifiable chain when three processes append at once', async () => {
    const schema = newSchema();
    await (await openPgStore(TEST_PG_URL, { schema })).close();
    const lines = await runWorkers(WORKER, [
      ['ledger', TEST_PG_URL, schema, 'p1', '100'],
      ['ledger', TEST_PG_URL, schema, 'p2', '100'],
      ['ledger', TEST_PG_URL, schema, 'p3', '100'],
    ]);
    const seqs = lines.flatMap((line) => JSON.parse(line) as number[]);
    expect(seqs.sort((x, y) => x - y)).toEqual(range(1, 300));
    const store = await openPgStore(TEST_PG_URL, { schema });
    try {
      await expect(verifyChainAsync(store.readLedger())).resolves.toEqual({
        ok: true,
        count: 300,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      await store.close();
    }
  });

  it('never lets two processes claim the same task (SKIP LOCKED)', async () => {
    const schema = newSchema();
    const seed = await openPgStore(TEST_PG_URL, { schema });
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const task = makeTask({ id: `P${String(i).padStart(3, '0')}`, status: 'running' });
      await seed.createTask(task);
      ids.push(task.id);
    }
    await seed.close();
    const lines = await runWorkers(WORKER, [
      ['claim', TEST_PG_URL, schema, 'proc-1', NOW.toISOString()],
      ['claim', TEST_PG_URL, schema, 'proc-2', NOW.toISOString()],
    ]);
    const [one, two] = lines.map((line) => JSON.parse(line) as string[]);
    expect(one!.filter((id) => two!.includes(id))).toEqual([]);
    expect([...one!, ...two!].sort()).toEqual(ids);
  });

  it('wakes a listener on another instance when a task becomes runnable there (LISTEN/NOTIFY)', async () => {
    const schema = newSchema();
    const [a, b] = [await openPgStore(TEST_PG_URL, { schema }), await openPgStore(TEST_PG_URL, { schema })];
    try {
      const task = makeTask({ status: 'awaiting_plan_approval' });
      await b.createTask(task);
      let heard = 0;
      const stop = a.onRunnable(() => (heard += 1));
      // The listener reports once when it starts listening (to catch up); wait for that first.
      await waitFor(() => heard >= 1);
      const before = heard;
      await b.updateTask({ ...task, status: 'running', version: task.version + 1 }, task.version);
      await waitFor(() => heard > before);
      stop();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

async function waitFor(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
