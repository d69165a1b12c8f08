import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyChainAsync } from '../../src/ledger/verify';
import { MIGRATIONS } from '../../src/store/migrations';
import { SchemaOutdatedError, migrateSqlite } from '../../src/store/sqlite-migrate';
import { openSqliteStore, sqliteStoreOn } from '../../src/store/sqlite-store';
import { ledgerAppend } from './contract-ledger';
import { makeTask } from './make-task';
import { runWorkers } from './run-claim-workers';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('ledger');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('SQLite audit ledger', () => {
  it('keeps one valid chain when two store instances on one file append concurrently', async () => {
    const file = newPath();
    const [a, b] = [await openSqliteStore(file), await openSqliteStore(file)];
    try {
      const appends = range(1, 50).flatMap((n) => [
        a.appendLedger(ledgerAppend('TA', n)),
        b.appendLedger(ledgerAppend('TB', n)),
      ]);
      const entries = await Promise.all(appends);
      expect(entries.map((e) => e.seq).sort((x, y) => x - y)).toEqual(range(1, 100));
      await expect(verifyChainAsync(a.readLedger())).resolves.toEqual({
        ok: true,
        count: 100,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      // Each instance sees the other's entries.
      await expect(a.listLedger({ taskId: 'TB', limit: 1000 })).resolves.toHaveLength(50);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps one valid chain when two processes append to one file at once', async () => {
    const file = newPath();
    await (await openSqliteStore(file)).close();
    const lines = await runWorkers(path.join(__dirname, 'ledger-worker.ts'), [
      [file, 'proc-1', '150'],
      [file, 'proc-2', '150'],
    ]);
    const [one, two] = lines.map((line) => JSON.parse(line) as number[]);
    expect([...one!, ...two!].sort((x, y) => x - y)).toEqual(range(1, 300));
    const store = await openSqliteStore(file);
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

  it('adds the ledger to a migration-2 database, leaving its tasks alone', async () => {
    const file = newPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = sqliteStoreOn(new Database(file));
    await old.close();
    const db = new Database(file);
    db.exec('DROP TABLE ledger');
    db.prepare('DELETE FROM schema_migrations WHERE version = 3').run();
    db.close();

    const store = await openSqliteStore(file);
    try {
      await store.createTask(makeTask({ id: 'KEEP' }));
      await expect(store.appendLedger(ledgerAppend('KEEP', 1))).resolves.toMatchObject({ seq: 1 });
    } finally {
      await store.close();
    }
    expect(MIGRATIONS.find((m) => m.version === 3)?.sql).toMatch(/CREATE TABLE ledger/);
  });

  it('lists one task from the task index', () => {
    const trace: string[] = [];
    const db = new Database(':memory:', { verbose: (sql) => trace.push(String(sql)) });
    const store = sqliteStoreOn(db);
    return store
      .listLedger({ taskId: 'T', afterSeq: 0 })
      .then(() => {
        const sql = trace.find((s) => /FROM ledger\s+WHERE task_id =/.test(s));
        if (!sql) throw new Error('no traced ledger query');
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all()
          .map((row) => (row as { detail: string }).detail)
          .join('\n');
        expect(plan).toMatch(/USING (COVERING )?INDEX ledger_by_task/);
      })
      .finally(() => store.close());
  });

  describe('read-only opening', () => {
    it('reads the ledger and refuses writes', async () => {
      const file = newPath();
      const writer = await openSqliteStore(file);
      await writer.appendLedger(ledgerAppend('T', 1));
      const reader = await openSqliteStore(file, { readonly: true });
      try {
        await expect(reader.listLedger({})).resolves.toHaveLength(1);
        // Compared by code: better-sqlite3's error class may come from another test file's realm.
        const refused: unknown = await reader.appendLedger(ledgerAppend('T', 2)).then(
          () => 'appended',
          (error: unknown) => error,
        );
        expect((refused as { code?: unknown }).code).toBe('SQLITE_READONLY');
        // The writer still writes while a reader is open.
        await expect(writer.appendLedger(ledgerAppend('T', 3))).resolves.toMatchObject({ seq: 2 });
        await expect(verifyChainAsync(reader.readLedger())).resolves.toEqual({
          ok: true,
          count: 2,
          head: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
      } finally {
        await Promise.all([reader.close(), writer.close()]);
      }
    });

    it('refuses a missing file instead of creating it', async () => {
      const file = newPath();
      await expect(openSqliteStore(file, { readonly: true })).rejects.toThrow();
      expect(fs.existsSync(file)).toBe(false);
    });

    it('refuses a database without the latest migrations, without migrating it', async () => {
      const file = newPath();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const db = new Database(file);
      migrateSqlite(
        db,
        MIGRATIONS.filter((m) => m.version < 3),
      );
      db.close();
      await expect(openSqliteStore(file, { readonly: true })).rejects.toBeInstanceOf(SchemaOutdatedError);
      await expect(openSqliteStore(file, { readonly: true })).rejects.toThrow(/lacks schema migrations 3/);
      const check = new Database(file, { readonly: true });
      expect(check.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(2);
      check.close();
    });
  });
});
