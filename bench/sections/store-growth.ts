import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { TaskStore } from '../../src/engine/ports';
import { encodeTask, type TaskRow } from '../../src/store/codec';
import { openPgStore } from '../../src/store/pg-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTask } from '../../test/store/make-task';
import type { BenchOptions } from '../options';
import { summarise } from '../stats';

/** p99 of one store operation at two sizes of the store. */
export interface GrowthRow {
  readonly adapter: 'sqlite' | 'postgres';
  readonly operation: string;
  readonly p99Small: number;
  readonly p99Large: number;
  readonly ratio: number;
}

export interface StoreGrowthResult {
  readonly small: number;
  readonly large: number;
  readonly rows: readonly GrowthRow[];
  /** Ledger entries appended per second by one store, and by three stores (three pools) at once. */
  readonly ledger?: { readonly oneAppender: number; readonly threeAppenders: number };
}

const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('2025-03-03T10:00:00.000Z');
const REQUESTERS = 100;

/**
 * Store growth: `tasks` (a person's newest 20), `status <id>`, claiming runnable work and finding
 * due timers, each timed (p99) at 1,000 and at 100,000 stored tasks, on SQLite and PostgreSQL.
 * Budget: p99 at 100k within 1.5× of p99 at 1k. Then the ledger's append rate on PostgreSQL with
 * one and with three appenders at once.
 */
export async function storeGrowthSection(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<StoreGrowthResult> {
  const small = options.quick ? 1_000 : 1_000;
  const large = options.quick ? 10_000 : 100_000;
  const samples = options.quick ? 100 : 400;
  const rows: GrowthRow[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-store-'));
  try {
    const file = path.join(dir, 'tasks.db');
    rows.push(...(await grow('sqlite', () => openSqliteStore(file), sqliteSeeder(file), small, large, samples, log)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  let ledger: StoreGrowthResult['ledger'];
  try {
    await admin.connect();
  } catch {
    log(`   PostgreSQL not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')}: its rows are skipped`);
    return { small, large, rows };
  }
  try {
    const open = () => openPgStore(PG_URL, { schema });
    rows.push(...(await grow('postgres', open, pgSeeder(admin, schema), small, large, samples, log)));
    ledger = await ledgerRate(open, options.quick ? 2_000 : 5_000, log);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  return { small, large, rows, ledger };
}

type Seeder = (rows: readonly TaskRow[]) => Promise<void>;

function sqliteSeeder(file: string): Seeder {
  return async (rows) => {
    const db = new Database(file);
    const insert = db.prepare(
      `INSERT INTO tasks (id, status, requester_id, conversation_id, version, created_at, updated_at, timer_due, doc)
       VALUES (@id, @status, @requesterId, @conversationId, @version, @createdAt, @updatedAt, @timerDue, @doc)`,
    );
    db.transaction(() => rows.forEach((row) => insert.run(row)))();
    db.close();
  };
}

function pgSeeder(client: pg.Client, schema: string): Seeder {
  return async (rows) => {
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const values = batch.map((_, r) => `(${Array.from({ length: 9 }, (__, c) => `$${r * 9 + c + 1}`).join(', ')})`);
      await client.query(
        `INSERT INTO ${schema}.tasks (id, status, requester_id, conversation_id, version, created_at, updated_at, timer_due, doc)
         VALUES ${values.join(', ')}`,
        batch.flatMap((t) => [
          t.id,
          t.status,
          t.requesterId,
          t.conversationId,
          t.version,
          t.createdAt,
          t.updatedAt,
          t.timerDue,
          t.doc,
        ]),
      );
    }
    await client.query(`ANALYZE ${schema}.tasks`);
  };
}

/**
 * Task rows `from`..`to`-1: mostly finished, 5% running, 5% waiting at a checkpoint with a timer.
 * The same 10 timers are due at every size (all among the first 1,000 tasks), so the due-timer
 * query returns as much at 100k as at 1k and only the search grows.
 */
function taskRows(from: number, to: number): TaskRow[] {
  const template = makeTask({ status: 'completed' });
  const out: TaskRow[] = [];
  for (let i = from; i < to; i += 1) {
    const status = i % 20 === 0 ? 'running' : i % 20 === 1 ? 'awaiting_checkpoint' : 'completed';
    const at = new Date(NOW.getTime() - (to - i) * 1000).toISOString();
    const row = encodeTask({
      ...template,
      id: `B${String(i).padStart(7, '0')}`,
      status,
      requester: { ...template.requester, id: `aad-user-${i % REQUESTERS}` },
      createdAt: at,
      updatedAt: at,
    });
    const timerDue =
      status === 'awaiting_checkpoint' ? NOW.getTime() + (i < 1_000 && i % 100 === 1 ? -60_000 : 3_600_000) : null;
    out.push({ ...row, timerDue });
  }
  return out;
}

async function grow(
  adapter: GrowthRow['adapter'],
  open: () => Promise<TaskStore>,
  seed: Seeder,
  small: number,
  large: number,
  samples: number,
  log: (line: string) => void,
): Promise<GrowthRow[]> {
  await (await open()).close(); // migrate
  const measured: Record<string, number[]> = {};
  for (const [size, from] of [
    [small, 0],
    [large, small],
  ] as const) {
    log(`   ${adapter}: seeding to ${size} tasks`);
    for (let i = from; i < size; i += 10_000) await seed(taskRows(i, Math.min(size, i + 10_000)));
    const store = await open();
    try {
      const p99 = await timeOps(store, size, samples);
      for (const [op, value] of Object.entries(p99)) (measured[op] ??= []).push(value);
    } finally {
      await store.close();
    }
  }
  return Object.entries(measured).map(([operation, [p99Small, p99Large]]) => {
    const row = { adapter, operation, p99Small: p99Small!, p99Large: p99Large!, ratio: p99Large! / p99Small! };
    log(
      `   ${adapter} ${operation}: p99 ${row.p99Small.toFixed(3)} ms at ${small}, ${row.p99Large.toFixed(3)} ms at ${large} (×${row.ratio.toFixed(2)})`,
    );
    return row;
  });
}

async function timeOps(store: TaskStore, size: number, samples: number): Promise<Record<string, number>> {
  const ops: Record<string, (i: number) => Promise<unknown>> = {
    'tasks (a person’s newest 20)': (i) => store.listTasks({ requesterId: `aad-user-${i % REQUESTERS}`, limit: 20 }),
    'status <id>': (i) => store.getTask(`B${String((i * 7919) % size).padStart(7, '0')}`),
    'claim runnable work': async (i) => {
      const task = await store.claimRunnable(`bench-${i}`, NOW, 60_000);
      if (task) await store.releaseLease(task.id, `bench-${i}`);
    },
    'find due timers': () => store.listDueTimers(NOW, 50),
  };
  const result: Record<string, number> = {};
  for (const [name, op] of Object.entries(ops)) {
    for (let i = 0; i < 50; i += 1) await op(i); // warm-up
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const start = process.hrtime.bigint();
      await op(i);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    result[name] = summarise(times).p99;
  }
  return result;
}

async function ledgerRate(
  open: () => Promise<TaskStore>,
  ms: number,
  log: (line: string) => void,
): Promise<{ oneAppender: number; threeAppenders: number }> {
  const run = async (appenders: number): Promise<number> => {
    const stores = await Promise.all(Array.from({ length: appenders }, open));
    let count = 0;
    const until = Date.now() + ms;
    await Promise.all(
      stores.map(async (store, s) => {
        while (Date.now() < until) {
          await store.appendLedger({
            taskId: `L${s}`,
            type: 'step_result',
            actor: 'system',
            at: NOW.toISOString(),
            payload: { n: count },
          });
          count += 1;
        }
      }),
    );
    await Promise.all(stores.map((store) => store.close()));
    return count / (ms / 1000);
  };
  const oneAppender = await run(1);
  const threeAppenders = await run(3);
  log(
    `   postgres ledger appends: ${oneAppender.toFixed(0)}/s with one appender, ${threeAppenders.toFixed(0)}/s with three at once`,
  );
  return { oneAppender, threeAppenders };
}
