import type Database from 'better-sqlite3';
import { DelegateError } from '../engine/errors';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL, type Migration } from './migrations';

/** The database was written by a newer Delegate (it has migrations this build does not know). */
export class SchemaTooNewError extends DelegateError {
  constructor(detail: string) {
    super('system', 'store_schema_too_new', 'Something went wrong on our side.');
    this.name = 'SchemaTooNewError';
    this.message = `store_schema_too_new: ${detail}`;
  }
}

/**
 * Bring a SQLite database up to date: apply each migration it lacks, in order, each in its own
 * IMMEDIATE transaction together with its `schema_migrations` row, so that two processes
 * opening the same file at once apply each migration exactly once. Refuses a database that
 * has migrations this build does not know. Returns the versions it applied.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(MIGRATIONS_TABLE_SQL);
  refuseNewer(db, migrations);
  const applied: number[] = [];
  const known = db.prepare<[number], { version: number }>('SELECT version FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      // Re-checked inside the write lock: another process may have applied it meanwhile.
      if (known.get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}

function refuseNewer(db: Database.Database, migrations: readonly Migration[]): void {
  const versions = new Set(migrations.map((m) => m.version));
  const rows = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all();
  const unknown = rows.map((r) => r.version).filter((v) => !versions.has(v));
  if (unknown.length > 0) {
    const newest = Math.max(0, ...versions);
    throw new SchemaTooNewError(
      `the task database has schema migrations ${unknown.join(', ')} but this build only knows up to ${newest}; ` +
        'it was written by a newer Delegate: upgrade Delegate or point it at another database',
    );
  }
}

/** A read-only opening found a database that lacks migrations this build needs. */
export class SchemaOutdatedError extends DelegateError {
  constructor(detail: string) {
    super('system', 'store_schema_outdated', 'Something went wrong on our side.');
    this.name = 'SchemaOutdatedError';
    this.message = `store_schema_outdated: ${detail}`;
  }
}

/**
 * For a connection that may not write (read-only tools such as the audit CLI): check, without
 * changing anything, that the database has exactly the migrations this build knows.
 */
export function checkSqliteSchema(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const rows = hasTable ? db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all() : [];
  if (hasTable) refuseNewer(db, migrations);
  const have = new Set(rows.map((r) => r.version));
  const missing = migrations.map((m) => m.version).filter((v) => !have.has(v));
  if (missing.length > 0) {
    throw new SchemaOutdatedError(
      `the task database lacks schema migrations ${missing.join(', ')}; start Delegate once on it to upgrade it`,
    );
  }
}
