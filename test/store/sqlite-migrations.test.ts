import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from '../../src/store/migrations';
import { SchemaTooNewError, migrateSqlite } from '../../src/store/sqlite-migrate';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTask } from './make-task';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('migrations');

function applied(file: string): { version: number; name: string; applied_at: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as never;
  } finally {
    db.close();
  }
}

describe('SQLite migrations', () => {
  it('creates the folder and records every migration', async () => {
    const file = newPath();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    await (await openSqliteStore(file)).close();
    expect(applied(file).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const db = new Database(file, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'card_refs',
      'decisions',
      'inbound_activities',
      'ledger',
      'ledger_seals',
      'quota_units',
      'rate_buckets',
      'schedule_approvers',
      'schedule_occurrences',
      'schedules',
      'schema_migrations',
      'scope_approvers',
      'task_steps',
      'tasks',
      'usage',
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies nothing twice when an existing database is reopened', async () => {
    const file = newPath();
    const store = await openSqliteStore(file);
    await store.createTask(makeTask({ id: 'KEEP' }));
    await store.close();
    const before = applied(file);
    const again = await openSqliteStore(file);
    await expect(again.getTask('KEEP')).resolves.toMatchObject({ id: 'KEEP' });
    await again.close();
    expect(applied(file)).toEqual(before);

    const db = new Database(file);
    expect(migrateSqlite(db)).toEqual([]);
    db.close();
  });

  it('applies only the new migrations, in order', () => {
    const db = new Database(':memory:');
    expect(migrateSqlite(db)).toEqual(MIGRATIONS.map((m) => m.version));
    const last = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    const later: Migration[] = [
      ...MIGRATIONS,
      { version: last + 2, name: 'second', sql: 'ALTER TABLE probe ADD COLUMN b TEXT' },
      { version: last + 1, name: 'first', sql: 'CREATE TABLE probe (a TEXT)' },
    ];
    expect(migrateSqlite(db, later)).toEqual([last + 1, last + 2]);
    expect(migrateSqlite(db, later)).toEqual([]);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('probe')).toEqual(['a', 'b']);
    db.close();
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    const db = new Database(':memory:');
    migrateSqlite(db);
    const last = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    const broken: Migration = { version: last + 1, name: 'broken', sql: 'CREATE TABLE half (a TEXT); NOT SQL' };
    expect(() => migrateSqlite(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(last);
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const file = newPath();
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(999, 'future', 'x');
    db.close();

    const opening = openSqliteStore(file);
    await expect(opening).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(opening).rejects.toThrow(/migrations 999 .*upgrade Delegate/);
    expect(applied(file).map((r) => r.version)).toEqual([...MIGRATIONS.map((m) => m.version), 999]);
  });

  it('keeps migration numbers unique and ascending', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
  });
});
