import Database from 'better-sqlite3';
import type pg from 'pg';
import { checkSqliteSchema } from './sqlite-migrate';
import { createPool, type PgConnectOptions } from './pg-connect';
import { migratePg } from './pg-migrate';

/**
 * What moves from a pilot's SQLite store to PostgreSQL, table by table, rows copied verbatim
 * (task and decision documents, ledger rows with their hashes and seals) so the ledger verifies
 * on arrival exactly as it did before. Leases (held by the pilot's processes) and rate-limit
 * buckets (a few seconds of state) are not copied.
 */
const TABLES: readonly { readonly name: string; readonly columns: readonly string[]; readonly order: string }[] = [
  {
    name: 'tasks',
    columns: [
      'id',
      'status',
      'requester_id',
      'conversation_id',
      'version',
      'created_at',
      'updated_at',
      'timer_due',
      'plan_pending',
      'people',
      'title',
      'doc',
    ],
    order: 'id',
  },
  // Since migration 10 a task's steps are rows of their own (src/store/task-docs.ts).
  { name: 'task_steps', columns: ['task_id', 'idx', 'doc'], order: 'task_id, idx' },
  { name: 'decisions', columns: ['id', 'task_id', 'seq', 'doc'], order: 'task_id, seq' },
  { name: 'card_refs', columns: ['task_id', 'kind', 'activity_id'], order: 'task_id, kind' },
  {
    name: 'usage',
    columns: ['entry_id', 'task_id', 'requester_id', 'tenant_id', 'at', 'prompt_tokens', 'completion_tokens', 'calls'],
    order: 'entry_id',
  },
  {
    name: 'ledger',
    columns: ['seq', 'task_id', 'type', 'actor', 'at', 'payload', 'prev_hash', 'hash'],
    order: 'seq',
  },
  { name: 'ledger_seals', columns: ['seq', 'hash', 'key_id', 'signature'], order: 'seq' },
  { name: 'scope_approvers', columns: ['scope_key', 'version', 'doc'], order: 'scope_key' },
  { name: 'quota_units', columns: ['quota_key', 'holder', 'at'], order: 'quota_key, holder' },
  {
    name: 'schedules',
    columns: ['id', 'status', 'owner_id', 'conversation_id', 'version', 'created_at', 'next_run_at', 'doc'],
    order: 'id',
  },
  { name: 'schedule_approvers', columns: ['schedule_id', 'person_id'], order: 'schedule_id, person_id' },
  // Claims keep their task id; their leases are left behind, so an unfinished one is taken over at once.
  {
    name: 'schedule_occurrences',
    columns: ['schedule_id', 'occurrence', 'task_id', 'state'],
    order: 'schedule_id, occurrence',
  },
  { name: 'inbound_activities', columns: ['activity_key', 'seen_at'], order: 'activity_key' },
];

/** Rows per INSERT. */
const BATCH = 500;

/** The target already holds data: copying would mix two stores (and two ledgers). */
export class CopyTargetNotEmptyError extends Error {
  constructor(tables: readonly string[]) {
    super(`the PostgreSQL store already holds data (${tables.join(', ')}): copy into an empty database or schema`);
    this.name = 'CopyTargetNotEmptyError';
  }
}

/**
 * Copy the SQLite store at `file` into the PostgreSQL store at `url` (migrated first), in one
 * transaction: either everything arrives or nothing does. Refuses a target that holds data.
 * Returns how many rows each table received.
 */
export async function copySqliteToPostgres(
  file: string,
  url: string,
  options: PgConnectOptions = {},
): Promise<Record<string, number>> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const pool = createPool(url, { ...options, poolMax: 1, statementTimeoutMs: options.statementTimeoutMs ?? 600_000 });
  try {
    checkSqliteSchema(source);
    await migratePg(pool, options.schema ?? 'public');
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await refuseNonEmpty(client);
      const counts: Record<string, number> = {};
      for (const table of TABLES) counts[table.name] = await copyTable(source, client, table);
      await client.query('COMMIT');
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
      throw error;
    } finally {
      client.release(broken);
    }
  } finally {
    source.close();
    await pool.end();
  }
}

async function refuseNonEmpty(client: pg.PoolClient): Promise<void> {
  const busy: string[] = [];
  for (const table of TABLES) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${table.name} LIMIT 1`);
    if (rowCount) busy.push(table.name);
  }
  if (busy.length > 0) throw new CopyTargetNotEmptyError(busy);
}

async function copyTable(
  source: Database.Database,
  client: pg.PoolClient,
  table: (typeof TABLES)[number],
): Promise<number> {
  const columns = table.columns.join(', ');
  const rows = source
    .prepare<[], Record<string, unknown>>(`SELECT ${columns} FROM ${table.name} ORDER BY ${table.order}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const width = table.columns.length;
    const values = batch
      .map((_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`)
      .join(', ');
    await client.query(`INSERT INTO ${table.name} (${columns}) VALUES ${values}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return copied;
}
