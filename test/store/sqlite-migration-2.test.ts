import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadTask } from '../../src/engine/upgrade';
import { encodeTask } from '../../src/store/codec';
import { MIGRATIONS } from '../../src/store/migrations';
import { migrateSqlite } from '../../src/store/sqlite-migrate';
import { openSqliteStore, sqliteStoreOn } from '../../src/store/sqlite-store';
import { LEASE_MS, NOW, iso } from './contract-support';
import { FIXTURES_DIR, rawFixtures } from './fixtures';
import { makeDecision, makeTask, makeUsage } from './make-task';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('migration-2');
const V1_SQL = fs.readFileSync(path.join(FIXTURES_DIR, 'store-schema-v1.sql'), 'utf8');

/** A database as a build at migration 1 left it: its schema, and rows written the way it wrote them. */
function createV1Database(file: string): { fixtureId: string; runningId: string } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(V1_SQL);
  const insert = db.prepare(
    `INSERT INTO tasks (id, status, requester_id, conversation_id, version, created_at, updated_at, lease_owner, lease_until, doc)
     VALUES (@id, @status, @requesterId, @conversationId, @version, @createdAt, @updatedAt, @leaseOwner, @leaseUntil, @doc)`,
  );
  const fixture = rawFixtures('task').find((f) => f.file === 'task-v1.json')!.raw as Record<string, unknown>;
  const fixtureRow = encodeTask(loadTask(fixture));
  insert.run({ ...fixtureRow, doc: JSON.stringify(fixture), leaseOwner: null, leaseUntil: null });
  const running = makeTask({ id: 'RUN1', status: 'running', createdAt: iso(30), updatedAt: iso(30) });
  insert.run({ ...encodeTask(running), leaseOwner: 'w1', leaseUntil: NOW.getTime() + LEASE_MS });
  const decision = makeDecision({ id: 'D-v1', taskId: 'RUN1' });
  db.prepare('INSERT INTO decisions (id, task_id, seq, doc) VALUES (?, ?, ?, ?)').run(
    decision.id,
    'RUN1',
    1,
    JSON.stringify(decision),
  );
  db.prepare('INSERT INTO card_refs (task_id, kind, activity_id) VALUES (?, ?, ?)').run('RUN1', 'task', 'act-v1');
  db.close();
  return { fixtureId: fixtureRow.id, runningId: running.id };
}

function versions(file: string): { version: number; applied_at: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all() as never;
  } finally {
    db.close();
  }
}

describe('SQLite migration 2 (usage ledger)', () => {
  it('leaves migration 1 exactly as it shipped (migrations are append-only)', () => {
    expect(MIGRATIONS[0]!.version).toBe(1);
    expect(V1_SQL).toContain(MIGRATIONS[0]!.sql.trim());
    expect(MIGRATIONS.find((m) => m.version === 2)?.sql).toMatch(/CREATE TABLE usage/);
  });

  it('upgrades a migration-1 database to the latest with its tasks, leases, decisions and card refs intact', async () => {
    const file = newPath();
    const { fixtureId, runningId } = createV1Database(file);
    const fixture = loadTask(rawFixtures('task').find((f) => f.file === 'task-v1.json')!.raw);
    expect(versions(file).map((r) => r.version)).toEqual([1]);

    const store = await openSqliteStore(file);
    try {
      const after = versions(file);
      expect(after.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(after[0]!.applied_at).toBe('2025-03-01T00:00:00.000Z');

      await expect(store.getTask(fixtureId)).resolves.toEqual(fixture);
      await expect(store.getTask(runningId)).resolves.toMatchObject({ id: runningId, status: 'running' });
      // w1's lease from before the upgrade still holds.
      await expect(store.claimRunnable('w2', NOW, LEASE_MS)).resolves.toBeUndefined();
      await expect(store.renewLease(runningId, 'w1', NOW, LEASE_MS)).resolves.toBe(true);
      await expect(store.listDecisions(runningId)).resolves.toMatchObject([{ id: 'D-v1' }]);
      await expect(store.getCardRef(runningId, 'task')).resolves.toBe('act-v1');
      expect((await store.listTasks({})).map((t) => t.id)).toEqual([fixtureId, runningId]);
      expect((await store.listTasks({ createdAfter: iso(0) })).map((t) => t.id)).toEqual([fixtureId, runningId]);
      expect((await store.listTasks({ createdAfter: '2025-03-04T00:00:00Z' })).map((t) => t.id)).toEqual([fixtureId]);

      await expect(store.usageSince({ since: iso(0) })).resolves.toEqual({
        promptTokens: 0,
        completionTokens: 0,
        calls: 0,
      });
      const entry = makeUsage({ taskId: runningId, at: iso(31) });
      await store.recordUsage(entry);
      await expect(store.usageSince({ since: iso(0), requesterId: entry.requesterId })).resolves.toEqual(entry.usage);
    } finally {
      await store.close();
    }

    const db = new Database(file);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'usage' AND sql IS NOT NULL ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['usage_by_at', 'usage_by_requester', 'usage_by_tenant']);
    expect(migrateSqlite(db)).toEqual([]);
    db.close();
  });

  it('answers createdAfter and usage queries from indexes', async () => {
    const trace: string[] = [];
    const db = new Database(':memory:', { verbose: (sql) => trace.push(String(sql)) });
    const store = sqliteStoreOn(db);
    try {
      await store.listTasks({ createdAfter: iso(0) });
      await store.listTasks({ createdAfter: iso(0), requesterId: 'aad-adele' });
      await store.usageSince({ since: iso(0), requesterId: 'aad-adele' });
      await store.usageSince({ since: iso(0), tenantId: 'tenant-a' });
      await store.usageSince({ since: iso(0) });
      const plan = (pattern: RegExp): string => {
        const sql = trace.find((s) => pattern.test(s));
        if (!sql) throw new Error(`no traced statement matches ${pattern}`);
        return db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all()
          .map((row) => (row as { detail: string }).detail)
          .join('\n');
      };
      expect(plan(/FROM tasks (t )?WHERE created_at >=/)).toMatch(/USING (COVERING )?INDEX tasks_by_created/);
      expect(plan(/FROM tasks (t )?WHERE requester_id = .* AND created_at >=/)).toMatch(
        /USING INDEX tasks_by_requester/,
      );
      expect(plan(/FROM usage WHERE at >= .* AND requester_id =/)).toMatch(/USING INDEX usage_by_requester/);
      expect(plan(/FROM usage WHERE at >= .* AND tenant_id =/)).toMatch(/USING INDEX usage_by_tenant/);
      expect(plan(/FROM usage WHERE at >= '[^']*'$/)).toMatch(/USING INDEX usage_by_at/);
    } finally {
      await store.close();
    }
  });
});
