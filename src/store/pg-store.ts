import type pg from 'pg';
import { pgTransaction } from './pg-transaction';
import { ConflictError } from '../engine/errors';
import type { Decision, Task, TaskStatus, TokenUsage } from '../engine/model';
import type { Schedule } from '../engine/schedule-model';
import {
  SEAL_CHECKPOINT_EVERY,
  type LedgerAppend,
  type LedgerEntry,
  type LedgerQuery,
  type LedgerSeal,
  type LedgerSealer,
  type OccurrenceClaim,
  type OccurrenceClaimed,
  type QuotaRequest,
  type Readiness,
  type ScheduleQuery,
  type ScopeApprovers,
  type TaskQuery,
  type TaskStore,
  type TokenRequest,
  type TokenTaken,
  type UsageEntry,
  type UsageQuery,
  NewTaskLease,
} from '../engine/ports';
import { chainEntry } from '../ledger/entry';
import { decodeDecision, encodeDecision, likeContains, listLimit } from './codec';
import {
  decodeLedgerRow,
  encodeLedgerEntry,
  ledgerQuery,
  normaliseLedgerAppend,
  pagedLedger,
  type LedgerRow,
} from './ledger-codec';
import { leaseUntil } from './lease';
import { decodeSeal, encodeSeal, quotaRow, takeFrom, type SealRow } from './limits';
import { checkSchemaName, createPool, pgClientConfig, redactUrl, type PgConnectOptions } from './pg-connect';
import { PgListener } from './pg-listener';
import { checkPgSchema, migratePg, pendingPgMigrations } from './pg-migrate';
import { PgSchedules } from './pg-schedules';
import { RunnableSignal } from './runnable-signal';
import { SchemaTooNewError } from './sqlite-migrate';
import { decodeScopeApprovers, encodeScopeApprovers } from './scope-approvers';
import { DecodedTasks, encodeTaskWrite, type TaskWrite } from './task-docs';
import { canonicalInstant, encodeUsage } from './usage';

/** Options of {@link openPgStore}. */
export interface PgStoreOptions extends PgConnectOptions {
  /** Signs each new ledger head in the same transaction as the entry (src/ledger/keyring.ts). */
  readonly sealer?: LedgerSealer;
  /** Told when the LISTEN connection has a problem (it reconnects by itself). */
  readonly onListenerProblem?: (error: unknown) => void;
}

/** Advisory transaction lock classes; the second key is a hash of what is serialised. */
const LOCK = { ledger: 7_202, decisions: 7_203, quota: 7_204, bucket: 7_205 } as const;

/**
 * Open the PostgreSQL store at `url` and bring its schema up to date (under an advisory lock,
 * so instances starting together migrate once). With `readonly`, nothing is migrated and a
 * schema that is not exactly this build's is refused.
 */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<TaskStore> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pool = createPool(url, options);
  try {
    if (options.readonly) await checkPgSchema(pool);
    else await migratePg(pool, schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof Error && /ECONNREFUSED|ENOTFOUND|timeout|password/i.test(error.message)) {
      throw new Error(`cannot reach PostgreSQL at ${redactUrl(url)}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return new PgTaskStore(pool, schema, url, options);
}

interface DocRow {
  id: string;
  doc: string;
}

/** A task row: its head document and its step documents as one JSON array text (null when not fetched). */
interface TaskDocRow extends DocRow {
  steps: string | null;
}

/** A task's step documents, in plan order, as one JSON array text. */
const STEPS_OF_T = `(SELECT '[' || coalesce(string_agg(s.doc, ',' ORDER BY s.idx), '') || ']'
  FROM task_steps s WHERE s.task_id = t.id)`;

/** The columns every task read selects from `tasks t`. */
const TASK_COLUMNS = `t.id, t.doc, ${STEPS_OF_T} AS steps`;

/**
 * Writes a task's step documents in the same statement as its row (the CTE `head`, which holds
 * the row's id only if it was written): the changed steps by index (parameters `$n`, `$n+1`),
 * and deletes any beyond the plan's length (`$n+2`); see {@link stepParams}.
 */
function writeSteps(n: number): string {
  return `steps AS (
    INSERT INTO task_steps (task_id, idx, doc)
    SELECT head.id, s.idx, s.doc FROM head, unnest($${n}::int[], $${n + 1}::text[]) AS s(idx, doc)
    ON CONFLICT (task_id, idx) DO UPDATE SET doc = excluded.doc),
  gone AS (DELETE FROM task_steps WHERE task_id = (SELECT id FROM head) AND idx >= $${n + 2})`;
}

const LEDGER_COLUMNS = 'seq, task_id, type, actor, at, payload, prev_hash, hash';

/**
 * The production store: every instance of Delegate behind a load balancer shares it. Work is
 * claimed with `FOR UPDATE SKIP LOCKED` so instances never wait on each other's claims; a task
 * write that leaves work runnable NOTIFYs every instance; ledger appends are serialised by an
 * advisory transaction lock so the chain stays single and gap-free. Every query is
 * parameterised.
 */
class PgTaskStore implements TaskStore {
  private readonly runnable = new RunnableSignal();
  private readonly schedules: PgSchedules;
  private readonly channel: string;
  private listener: PgListener | undefined;
  private closed = false;
  private readonly decoded = new DecodedTasks();

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly url: string,
    private readonly options: PgStoreOptions,
  ) {
    this.channel = `delegate_runnable_${schema}`;
    this.schedules = new PgSchedules(pool);
  }

  async createTask(task: Task, lease?: NewTaskLease): Promise<void> {
    const write = encodeTaskWrite(task);
    const r = write.row;
    const result = await this.pool.query<{ n: number }>(
      `WITH head AS (
         INSERT INTO tasks (id, status, requester_id, conversation_id, version, created_at, updated_at, timer_due, doc,
           people, title, plan_pending, lease_owner, lease_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING
         RETURNING id),
       ${writeSteps(15)}
       SELECT count(*)::int AS n FROM head`,
      [
        r.id,
        r.status,
        r.requesterId,
        r.conversationId,
        r.version,
        r.createdAt,
        r.updatedAt,
        r.timerDue,
        r.doc,
        r.people,
        r.title,
        r.planPending,
        lease?.owner ?? null,
        lease ? leaseUntil(lease.now, lease.leaseMs) : null,
        ...stepParams(write),
      ],
    );
    if (result.rows[0]?.n !== 1) throw new ConflictError(`task ${r.id}`);
    this.decoded.remember(r.id, write.stored);
    if (r.status === 'running' || r.planPending === 1) await this.announceRunnable();
  }

  async getTask(id: string): Promise<Task | undefined> {
    const known = this.decoded.peek(id);
    const row = await this.readTask(id, known?.task.version ?? -1);
    if (!row) return undefined;
    const same = known && this.decoded.match(id, row.doc);
    if (same) return same;
    // The same version with another head (edited behind the store's back): read it all.
    const whole = row.steps === null ? await this.readTask(id, -1) : row;
    return whole ? this.resolve(whole) : undefined;
  }

  /** A task's row, with its steps unless its version is `held` (the one decoded here already). */
  private async readTask(id: string, held: number): Promise<TaskDocRow | undefined> {
    const { rows } = await this.pool.query<TaskDocRow>(
      `SELECT t.id, t.doc, CASE WHEN t.version = $2 THEN NULL ELSE ${STEPS_OF_T} END AS steps
       FROM tasks t WHERE t.id = $1`,
      [id, held],
    );
    return rows[0];
  }

  private resolve(row: TaskDocRow): Task {
    return this.decoded.resolve(row.id, row.doc, row.steps);
  }

  async updateTask(task: Task, expectedVersion: number): Promise<boolean> {
    if (task.version !== expectedVersion + 1) {
      throw new Error(`updateTask: task ${task.id} has version ${task.version}, expected ${expectedVersion + 1}`);
    }
    const known = this.decoded.peek(task.id);
    const write = encodeTaskWrite(task, known?.task.version === expectedVersion ? known : undefined);
    const r = write.row;
    // Lease columns are deliberately not touched: a task write must not drop a worker's lease.
    // One statement: the row and its changed steps are written together or not at all.
    const result = await this.pool.query<{ n: number }>(
      `WITH head AS (
         UPDATE tasks SET status = $2, requester_id = $3, conversation_id = $4, version = $5, created_at = $6,
           updated_at = $7, timer_due = $8, doc = $9, people = $11, title = $12, plan_pending = $13
         WHERE id = $1 AND version = $10
         RETURNING id),
       ${writeSteps(14)}
       SELECT count(*)::int AS n FROM head`,
      [
        r.id,
        r.status,
        r.requesterId,
        r.conversationId,
        r.version,
        r.createdAt,
        r.updatedAt,
        r.timerDue,
        r.doc,
        expectedVersion,
        r.people,
        r.title,
        r.planPending,
        ...stepParams(write),
      ],
    );
    const written = result.rows[0]?.n === 1;
    if (written) this.decoded.remember(r.id, write.stored);
    if (written && (r.status === 'running' || r.planPending === 1)) await this.announceRunnable();
    return written;
  }

  async listTasks(query: TaskQuery): Promise<Task[]> {
    if (query.statuses && query.statuses.length === 0) return [];
    const { where, params } = taskFilter(query);
    const { rows } = await this.pool.query<TaskDocRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks t ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1}`,
      [...params, listLimit(query.limit)],
    );
    return rows.map((row) => this.resolve(row));
  }

  async countTasks(query: TaskQuery): Promise<number> {
    if (query.statuses && query.statuses.length === 0) return 0;
    const { where, params } = taskFilter(query);
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM tasks ${where}`, params);
    return rows[0]?.n ?? 0;
  }

  async countTasksByStatus(query: TaskQuery): Promise<Partial<Record<TaskStatus, number>>> {
    if (query.statuses && query.statuses.length === 0) return {};
    const { where, params } = taskFilter(query);
    const { rows } = await this.pool.query<{ status: TaskStatus; n: string | number }>(
      `SELECT status, count(*) AS n FROM tasks ${where} GROUP BY status`,
      params,
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  async claimRunnable(owner: string, now: Date, leaseMs: number): Promise<Task | undefined> {
    const until = leaseUntil(now, leaseMs);
    // SKIP LOCKED: instances claiming at once each take a different task instead of queueing.
    const { rows } = await this.pool.query<TaskDocRow>(
      `UPDATE tasks t SET lease_owner = $1, lease_until = $2
       WHERE id = (
         SELECT id FROM tasks
         WHERE (status = 'running' OR plan_pending = 1) AND (lease_until IS NULL OR lease_until <= $3)
         ORDER BY updated_at, id LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING ${TASK_COLUMNS}`,
      [owner, until, now.getTime()],
    );
    const row = rows[0];
    return row ? this.resolve(row) : undefined;
  }

  async claimOrphaned(owner: string, now: Date, leaseMs: number): Promise<Task | undefined> {
    const until = leaseUntil(now, leaseMs);
    const { rows } = await this.pool.query<TaskDocRow>(
      `UPDATE tasks t SET lease_owner = $1, lease_until = $2
       WHERE id = (
         SELECT id FROM tasks
         WHERE lease_owner IS NOT NULL AND lease_until <= $3 AND status <> 'running' AND plan_pending = 0
         ORDER BY lease_until, id LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING ${TASK_COLUMNS}`,
      [owner, until, now.getTime()],
    );
    const row = rows[0];
    return row ? this.resolve(row) : undefined;
  }

  async renewLease(taskId: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
    const until = leaseUntil(now, leaseMs);
    const result = await this.pool.query(
      'UPDATE tasks SET lease_until = $1 WHERE id = $2 AND lease_owner = $3 AND lease_until > $4',
      [until, taskId, owner, now.getTime()],
    );
    return result.rowCount === 1;
  }

  async releaseLease(taskId: string, owner: string): Promise<void> {
    await this.pool.query(
      'UPDATE tasks SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2',
      [taskId, owner],
    );
  }

  async listDueTimers(now: Date, limit: number): Promise<Task[]> {
    const { rows } = await this.pool.query<TaskDocRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE timer_due IS NOT NULL AND timer_due <= $1 ORDER BY timer_due, id LIMIT $2`,
      [now.getTime(), Math.max(1, Math.min(limit, 1000))],
    );
    return rows.map((row) => this.resolve(row));
  }

  onRunnable(listener: () => void): () => void {
    if (!this.listener && !this.closed) {
      this.listener = new PgListener(
        pgClientConfig(this.url, this.options),
        this.channel,
        () => this.runnable.ring(),
        this.options.onListenerProblem,
      );
      void this.listener.start();
    }
    return this.runnable.listen(listener);
  }

  /** Wake workers here at once, and on every other instance through NOTIFY. */
  private async announceRunnable(): Promise<void> {
    this.runnable.ring();
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']);
  }

  async getScopeApprovers(scopeKey: string): Promise<ScopeApprovers> {
    const { rows } = await this.pool.query<{ version: number; doc: string }>(
      'SELECT version, doc FROM scope_approvers WHERE scope_key = $1',
      [scopeKey],
    );
    const row = rows[0];
    return row ? decodeScopeApprovers(Number(row.version), row.doc) : { approvers: [], version: 0 };
  }

  async setScopeApprovers(scopeKey: string, approvers: readonly string[], expectedVersion: number): Promise<boolean> {
    const doc = encodeScopeApprovers(approvers);
    const result =
      expectedVersion === 0
        ? await this.pool.query(
            'INSERT INTO scope_approvers (scope_key, version, doc) VALUES ($1, 1, $2) ON CONFLICT (scope_key) DO NOTHING',
            [scopeKey, doc],
          )
        : await this.pool.query(
            'UPDATE scope_approvers SET version = version + 1, doc = $1 WHERE scope_key = $2 AND version = $3',
            [doc, scopeKey, expectedVersion],
          );
    return result.rowCount === 1;
  }

  async appendDecision(decision: Decision): Promise<boolean> {
    const doc = encodeDecision(decision);
    return this.transaction(async (client) => {
      // One writer per task at a time, so arrival order (seq) has no gaps or duplicates.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.decisions, decision.taskId]);
      const result = await client.query(
        `INSERT INTO decisions (id, task_id, seq, doc)
         SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3 FROM decisions WHERE task_id = $2
         ON CONFLICT (id) DO NOTHING`,
        [decision.id, decision.taskId, doc],
      );
      return result.rowCount === 1;
    });
  }

  async listDecisions(taskId: string): Promise<Decision[]> {
    const { rows } = await this.pool.query<DocRow>('SELECT id, doc FROM decisions WHERE task_id = $1 ORDER BY seq', [
      taskId,
    ]);
    return rows.map((row) => decodeDecision(row.id, row.doc));
  }

  async recordUsage(entry: UsageEntry): Promise<void> {
    const u = encodeUsage(entry);
    await this.pool.query(
      `INSERT INTO usage (entry_id, task_id, requester_id, tenant_id, at, prompt_tokens, completion_tokens, calls)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (entry_id) DO NOTHING`,
      [u.entryId, u.taskId, u.requesterId, u.tenantId, u.at, u.promptTokens, u.completionTokens, u.calls],
    );
  }

  async usageSince(query: UsageQuery): Promise<TokenUsage> {
    const where = ['at >= $1'];
    const params: string[] = [canonicalInstant(query.since, 'since')];
    if (query.requesterId !== undefined) {
      params.push(query.requesterId);
      where.push(`requester_id = $${params.length}`);
    }
    if (query.tenantId !== undefined) {
      params.push(query.tenantId);
      where.push(`tenant_id = $${params.length}`);
    }
    const { rows } = await this.pool.query<TokenUsage>(
      `SELECT COALESCE(SUM(prompt_tokens), 0)::bigint AS "promptTokens",
         COALESCE(SUM(completion_tokens), 0)::bigint AS "completionTokens", COALESCE(SUM(calls), 0)::bigint AS calls
       FROM usage WHERE ${where.join(' AND ')}`,
      params,
    );
    const sums = rows[0];
    return {
      promptTokens: sums?.promptTokens ?? 0,
      completionTokens: sums?.completionTokens ?? 0,
      calls: sums?.calls ?? 0,
    };
  }

  async setCardRef(taskId: string, kind: string, activityId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO card_refs (task_id, kind, activity_id) VALUES ($1, $2, $3)
       ON CONFLICT (task_id, kind) DO UPDATE SET activity_id = excluded.activity_id`,
      [taskId, kind, activityId],
    );
  }

  async getCardRef(taskId: string, kind: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ activity_id: string }>(
      'SELECT activity_id FROM card_refs WHERE task_id = $1 AND kind = $2',
      [taskId, kind],
    );
    return rows[0]?.activity_id;
  }

  async appendLedger(append: LedgerAppend): Promise<LedgerEntry> {
    const normalised = normaliseLedgerAppend(append);
    return this.transaction(async (client) => {
      // Every instance appends through this lock: one chain, one gap-free sequence. It is held
      // only for the read of the head and the insert, and released at commit.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.ledger, this.schema]);
      const { rows } = await client.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1',
      );
      const previous = rows[0];
      const entry = chainEntry(previous, normalised);
      const r = encodeLedgerEntry(entry);
      await client.query(`INSERT INTO ledger (${LEDGER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        r.seq,
        r.task_id,
        r.type,
        r.actor,
        r.at,
        r.payload,
        r.prev_hash,
        r.hash,
      ]);
      if (this.options.sealer) {
        const seal = encodeSeal(this.options.sealer(entry));
        await client.query('INSERT INTO ledger_seals (seq, hash, key_id, signature) VALUES ($1, $2, $3, $4)', [
          seal.seq,
          seal.hash,
          seal.key_id,
          seal.signature,
        ]);
        // The previous head's seal stays only as a periodic checkpoint.
        if (previous && previous.seq % SEAL_CHECKPOINT_EVERY !== 0)
          await client.query('DELETE FROM ledger_seals WHERE seq = $1', [previous.seq]);
      }
      return entry;
    });
  }

  async listLedger(query: LedgerQuery): Promise<LedgerEntry[]> {
    const q = ledgerQuery(query);
    const { rows } =
      q.taskId === undefined
        ? await this.ledgerPage(q.afterSeq, q.limit)
        : await this.pool.query<LedgerRow>(
            `SELECT ${LEDGER_COLUMNS} FROM ledger WHERE task_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
            [q.taskId, q.afterSeq, q.limit],
          );
    return rows.map(decodeLedgerRow);
  }

  private ledgerPage(afterSeq: number, limit: number): Promise<pg.QueryResult<LedgerRow>> {
    return this.pool.query<LedgerRow>(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE seq > $1 ORDER BY seq LIMIT $2`, [
      afterSeq,
      limit,
    ]);
  }

  readLedger(): AsyncIterable<LedgerEntry> {
    return pagedLedger(async (afterSeq, limit) => (await this.ledgerPage(afterSeq, limit)).rows);
  }

  async listLedgerSeals(): Promise<LedgerSeal[]> {
    const { rows } = await this.pool.query<SealRow>(
      'SELECT seq, hash, key_id, signature FROM ledger_seals ORDER BY seq',
    );
    return rows.map(decodeSeal);
  }

  async reserveQuota(request: QuotaRequest): Promise<boolean> {
    const q = quotaRow(request);
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.quota, q.key]);
      const held = await client.query('SELECT 1 FROM quota_units WHERE quota_key = $1 AND holder = $2', [
        q.key,
        q.holder,
      ]);
      if (held.rowCount === 1) return true;
      const { rows } = await client.query<{ n: number }>('SELECT count(*) AS n FROM quota_units WHERE quota_key = $1', [
        q.key,
      ]);
      if ((rows[0]?.n ?? 0) >= q.limit) return false;
      await client.query('INSERT INTO quota_units (quota_key, holder, at) VALUES ($1, $2, $3)', [
        q.key,
        q.holder,
        q.at,
      ]);
      return true;
    });
  }

  async firstDelivery(key: string, at: Date): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO inbound_activities (activity_key, seen_at) VALUES ($1, $2) ON CONFLICT (activity_key) DO NOTHING',
      [key, at.toISOString()],
    );
    return result.rowCount === 1;
  }

  async releaseQuota(key: string, holder: string): Promise<void> {
    await this.pool.query('DELETE FROM quota_units WHERE quota_key = $1 AND holder = $2', [key, holder]);
  }

  async takeToken(request: TokenRequest): Promise<TokenTaken> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.bucket, request.key]);
      const { rows } = await client.query<{ tokens: number; updated_ms: number }>(
        'SELECT tokens, updated_ms FROM rate_buckets WHERE bucket_key = $1',
        [request.key],
      );
      const row = rows[0];
      const { bucket, taken } = takeFrom(row && { tokens: row.tokens, updatedMs: row.updated_ms }, request);
      await client.query(
        `INSERT INTO rate_buckets (bucket_key, tokens, updated_ms) VALUES ($1, $2, $3)
         ON CONFLICT (bucket_key) DO UPDATE SET tokens = excluded.tokens, updated_ms = excluded.updated_ms`,
        [request.key, bucket.tokens, bucket.updatedMs],
      );
      return taken;
    });
  }

  async readiness(): Promise<Readiness> {
    if (this.closed) return { ready: false, reason: 'closed', detail: 'the task store is closed' };
    try {
      const pending = await pendingPgMigrations(this.pool);
      if (pending.length === 0) return { ready: true };
      return { ready: false, reason: 'migrations_pending', detail: `schema migrations pending: ${pending.join(', ')}` };
    } catch (error) {
      const detail = `PostgreSQL: ${error instanceof Error ? error.message : 'unknown error'}`;
      return {
        ready: false,
        reason: error instanceof SchemaTooNewError ? 'migrations_pending' : 'unreachable',
        detail,
      };
    }
  }

  async createSchedule(schedule: Schedule): Promise<void> {
    await this.schedules.create(schedule);
  }

  async getSchedule(id: string): Promise<Schedule | undefined> {
    return this.schedules.get(id);
  }

  async updateSchedule(schedule: Schedule, expectedVersion: number): Promise<boolean> {
    return this.schedules.update(schedule, expectedVersion);
  }

  async listSchedules(query: ScheduleQuery): Promise<Schedule[]> {
    return this.schedules.list(query);
  }

  async listDueSchedules(now: Date, limit: number): Promise<Schedule[]> {
    return this.schedules.due(now, limit);
  }

  async claimOccurrence(claim: OccurrenceClaim): Promise<OccurrenceClaimed> {
    return this.schedules.claim(claim);
  }

  async finishOccurrence(scheduleId: string, occurrence: string, owner: string): Promise<boolean> {
    return this.schedules.finish(scheduleId, occurrence, owner);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.close();
    await this.pool.end();
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return pgTransaction(this.pool, work);
  }
}

/** The WHERE clause (over indexed columns) and parameters of a task query. */
function taskFilter(query: TaskQuery): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const param = (value: string | number): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.requesterId !== undefined) where.push(`requester_id = ${param(query.requesterId)}`);
  if (query.conversationId !== undefined) where.push(`conversation_id = ${param(query.conversationId)}`);
  if (query.statuses) where.push(`status IN (${query.statuses.map((s) => param(s)).join(', ')})`);
  // Stored times are canonical ISO strings, so text order is time order (COLLATE "C": byte order).
  if (query.createdAfter !== undefined)
    where.push(`created_at >= ${param(canonicalInstant(query.createdAfter, 'createdAfter'))}`);
  if (query.createdBefore !== undefined)
    where.push(`created_at < ${param(canonicalInstant(query.createdBefore, 'createdBefore'))}`);
  if (query.involving !== undefined)
    where.push(`people LIKE ${param(likeContains(` ${query.involving} `))} ESCAPE '\\'`);
  if (query.titleContains !== undefined)
    where.push(`lower(title) LIKE ${param(likeContains(query.titleContains))} ESCAPE '\\'`);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The three parameters of {@link writeSteps}. */
function stepParams(write: TaskWrite): [number[], string[], number] {
  return [write.steps.map(([index]) => index), write.steps.map(([, doc]) => doc), write.stepCount];
}
