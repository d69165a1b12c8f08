import type pg from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL, type Migration } from './migrations';
import { SchemaOutdatedError, SchemaTooNewError } from './sqlite-migrate';
import { ident } from './pg-connect';

/** Advisory lock class of schema migrations (the key is the schema's hash). */
const MIGRATION_LOCK = 7_201;

/**
 * Bring a PostgreSQL schema up to date: create it if needed and apply each migration it lacks,
 * in order, each in its own transaction together with its `schema_migrations` row. The whole
 * run holds a session advisory lock, so instances starting at once migrate once: the others
 * wait, then find nothing left to do. Refuses a schema with migrations this build does not
 * know. Returns the versions it applied.
 */
export async function migratePg(
  pool: pg.Pool,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // Waiting for another instance's migration is not a slow statement.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
      await client.query(`SET search_path TO ${ident(schema)}`);
      await client.query(MIGRATIONS_TABLE_SQL);
      const have = await appliedVersions(client);
      refuseNewer(have, migrations);
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (have.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(postgresSql(migration));
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
      await client.query('RESET statement_timeout');
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection that failed mid-way is dropped rather than handed back with odd settings.
    client.release(broken);
  }
}

/**
 * A shared migration as PostgreSQL runs it: every TEXT column compares bytewise (COLLATE "C"),
 * like SQLite's BINARY collation, so ids and ISO-8601 times sort the same on every adapter
 * whatever the database's locale, and the indexes serve the ORDER BYs.
 */
export function postgresSql(migration: Migration): string {
  return migration.sql.replace(/\bTEXT\b/g, 'TEXT COLLATE "C"');
}

async function appliedVersions(client: pg.ClientBase): Promise<Set<number>> {
  const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return new Set(rows.rows.map((r) => Number(r.version)));
}

function refuseNewer(have: ReadonlySet<number>, migrations: readonly Migration[]): void {
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...have].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new SchemaTooNewError(
      `the PostgreSQL schema has migrations ${unknown.join(', ')} but this build only knows up to ` +
        `${Math.max(0, ...known)}; it was written by a newer Delegate: upgrade Delegate or use another schema`,
    );
  }
}

/** Migrations this build knows that the schema lacks (all of them when it has none). */
export async function pendingPgMigrations(
  client: pg.Pool | pg.ClientBase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const table = await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!table.rows[0]?.t) return migrations.map((m) => m.version);
  const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const have = new Set(rows.rows.map((r) => Number(r.version)));
  refuseNewer(have, migrations);
  return migrations.map((m) => m.version).filter((v) => !have.has(v));
}

/** For read-only tools: the schema must have exactly this build's migrations. */
export async function checkPgSchema(pool: pg.Pool): Promise<void> {
  const missing = await pendingPgMigrations(pool);
  if (missing.length > 0) {
    throw new SchemaOutdatedError(
      `the PostgreSQL schema lacks migrations ${missing.join(', ')}; start Delegate once on it to upgrade it`,
    );
  }
}
