import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
  NewTaskLease,
} from '../engine/ports';
import { chainEntry } from '../ledger/entry';
import { decodeDecision, encodeDecision, likeContains, listLimit } from './codec';
import { decodeLedgerRow, encodeLedgerEntry, ledgerQuery, normaliseLedgerAppend, pagedLedger } from './ledger-codec';
import { leaseUntil } from './lease';
import { decodeSeal, encodeSeal, quotaRow, takeFrom } from './limits';
import { SqliteSchedules } from './sqlite-schedules';
import { RunnableSignal } from './runnable-signal';
import { decodeScopeApprovers, encodeScopeApprovers } from './scope-approvers';
import { configureSqlite, withFullSync } from './sqlite-pragmas';
import { SchemaOutdatedError, checkSqliteSchema, migrateSqlite } from './sqlite-migrate';
import { TASK_COLUMNS, prepareStatements, type Statements, type TaskDocRow } from './sqlite-statements';
import { DecodedTasks, encodeTaskWrite, type TaskWrite } from './task-docs';
import { canonicalInstant, encodeUsage, noUsage } from './usage';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** How long a write waits for another process's lock before failing; default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * Open an existing database for reading only (audit tools): nothing is created, configured
   * or migrated, and a database whose schema is not exactly this build's is refused. Writes
   * through such a store fail.
   */
  readonly readonly?: boolean;
  /** Signs each new ledger head in the same write as the entry (src/ledger/keyring.ts). */
  readonly sealer?: LedgerSealer;
}

/**
 * Open (creating it and its folder if needed) a SQLite task database and bring its schema up
 * to date. `':memory:'` gives a private in-memory database. Several processes may open the
 * same file: every write takes SQLite's write lock up front (IMMEDIATE), so compare-and-set
 * and lease claims stay atomic across them.
 */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<TaskStore> {
  if (options.readonly) return readonlyStore(new Database(file, { readonly: true, fileMustExist: true }), options);
  if (file !== ':memory:' && file !== '') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return sqliteStoreOn(new Database(file), options);
}

/**
 * The same store over a connection the caller opened (e.g. with better-sqlite3's `verbose`
 * tracing in a test; never in production, since it prints bound values). The store configures
 * and migrates it, and owns it from then on: `close()` closes it, as does a failure here.
 */
export function sqliteStoreOn(db: Database.Database, options: SqliteStoreOptions = {}): TaskStore {
  try {
    configureSqlite(db, options.busyTimeoutMs ?? 5000);
    migrateSqlite(db);
    return new SqliteTaskStore(db, prepareStatements(db), options.sealer);
  } catch (error) {
    db.close();
    throw error;
  }
}

function readonlyStore(db: Database.Database, options: SqliteStoreOptions): TaskStore {
  try {
    // journal_mode and synchronous are the writers' business; a reader only waits politely.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    checkSqliteSchema(db);
    return new SqliteTaskStore(db, prepareStatements(db));
  } catch (error) {
    db.close();
    throw error;
  }
}

class SqliteTaskStore implements TaskStore {
  private readonly runnable = new RunnableSignal();
  private readonly schedules: SqliteSchedules;
  private readonly decoded = new DecodedTasks();

  constructor(
    private readonly db: Database.Database,
    private readonly sql: Statements,
    private readonly sealer?: LedgerSealer,
  ) {
    this.schedules = new SqliteSchedules(db);
  }

  async createTask(task: Task, lease?: NewTaskLease): Promise<void> {
    const write = encodeTaskWrite(task);
    const row = write.row;
    const until = lease ? leaseUntil(lease.now, lease.leaseMs) : undefined;
    const inserted = this.db
      .transaction(() => {
        const changes = this.sql.insertTask.run(row).changes;
        if (changes === 1) this.writeSteps(write);
        if (changes === 1 && lease && until !== undefined) this.sql.setLease.run(lease.owner, until, row.id);
        return changes;
      })
      .immediate();
    if (inserted === 0) throw new ConflictError(`task ${row.id}`);
    this.decoded.remember(row.id, write.stored);
    if (row.status === 'running' || row.planPending === 1) this.runnable.ring();
  }

  async getTask(id: string): Promise<Task | undefined> {
    const known = this.decoded.peek(id);
    const row = this.sql.getTask.get(known?.task.version ?? -1, id);
    if (!row) return undefined;
    const same = known && this.decoded.match(id, row.doc);
    if (same) return same;
    // The same version with another head (edited behind the store's back): read it all.
    const whole = row.steps === null ? this.sql.getTask.get(-1, id) : row;
    return whole ? this.resolve(whole) : undefined;
  }

  private resolve(row: TaskDocRow): Task {
    return this.decoded.resolve(row.id, row.doc, row.steps);
  }

  /** The step rows of a write (inside its transaction). */
  private writeSteps(write: TaskWrite): void {
    for (const [index, doc] of write.steps) this.sql.upsertStep.run(write.row.id, index, doc);
    this.sql.deleteStepsFrom.run(write.row.id, write.stepCount);
  }

  async updateTask(task: Task, expectedVersion: number): Promise<boolean> {
    if (task.version !== expectedVersion + 1) {
      throw new Error(`updateTask: task ${task.id} has version ${task.version}, expected ${expectedVersion + 1}`);
    }
    const known = this.decoded.peek(task.id);
    const write = encodeTaskWrite(task, known?.task.version === expectedVersion ? known : undefined);
    const row = write.row;
    const written =
      this.db
        .transaction(() => {
          const changes = this.sql.updateTask.run({ ...row, expected: expectedVersion }).changes;
          if (changes === 1) this.writeSteps(write);
          return changes;
        })
        .immediate() === 1;
    if (written) this.decoded.remember(row.id, write.stored);
    if (written && (row.status === 'running' || row.planPending === 1)) this.runnable.ring();
    return written;
  }

  async listTasks(query: TaskQuery): Promise<Task[]> {
    if (query.statuses && query.statuses.length === 0) return [];
    const { where, params } = taskFilter(query);
    const sql = `SELECT ${TASK_COLUMNS} FROM tasks t ${where} ORDER BY created_at DESC, id DESC LIMIT ?`;
    const rows = this.sql.cached<TaskDocRow>(sql).all(...params, listLimit(query.limit));
    return rows.map((row) => this.resolve(row));
  }

  async countTasks(query: TaskQuery): Promise<number> {
    if (query.statuses && query.statuses.length === 0) return 0;
    const { where, params } = taskFilter(query);
    const row = this.sql.cached<{ n: number }>(`SELECT count(*) AS n FROM tasks ${where}`).get(...params);
    return row?.n ?? 0;
  }

  async countTasksByStatus(query: TaskQuery): Promise<Partial<Record<TaskStatus, number>>> {
    if (query.statuses && query.statuses.length === 0) return {};
    const { where, params } = taskFilter(query);
    const rows = this.sql
      .cached<{ status: TaskStatus; n: number }>(`SELECT status, count(*) AS n FROM tasks ${where} GROUP BY status`)
      .all(...params);
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  async claimRunnable(owner: string, now: Date, leaseMs: number): Promise<Task | undefined> {
    const until = leaseUntil(now, leaseMs);
    const claimed = this.db
      .transaction(() => {
        const row = this.sql.pickRunnable.get(now.getTime());
        if (row) this.sql.setLease.run(owner, until, row.id);
        return row;
      })
      .immediate();
    // Decoded after commit: a corrupt task then stays leased and surfaces its error, instead
    // of rolling back and blocking every claim behind it as the oldest runnable task.
    return claimed ? this.resolve(claimed) : undefined;
  }

  /** Within this process only: other processes on the same file find the work when they poll. */
  onRunnable(listener: () => void): () => void {
    return this.runnable.listen(listener);
  }

  async claimOrphaned(owner: string, now: Date, leaseMs: number): Promise<Task | undefined> {
    const until = leaseUntil(now, leaseMs);
    const claimed = this.db
      .transaction(() => {
        const row = this.sql.pickOrphaned.get(now.getTime());
        if (row) this.sql.setLease.run(owner, until, row.id);
        return row;
      })
      .immediate();
    return claimed ? this.resolve(claimed) : undefined;
  }

  async listDueTimers(now: Date, limit: number): Promise<Task[]> {
    return this.sql.pickDueTimers
      .all(now.getTime(), Math.max(1, Math.min(limit, 1000)))
      .map((row) => this.resolve(row));
  }

  async getScopeApprovers(scopeKey: string): Promise<ScopeApprovers> {
    const row = this.sql.getScopeApprovers.get(scopeKey);
    return row ? decodeScopeApprovers(row.version, row.doc) : { approvers: [], version: 0 };
  }

  async setScopeApprovers(scopeKey: string, approvers: readonly string[], expectedVersion: number): Promise<boolean> {
    const doc = encodeScopeApprovers(approvers);
    const write = (): number =>
      expectedVersion === 0
        ? this.sql.insertScopeApprovers.run(scopeKey, doc).changes
        : this.sql.updateScopeApprovers.run(doc, scopeKey, expectedVersion).changes;
    return this.db.transaction(write).immediate() === 1;
  }

  async renewLease(taskId: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
    const until = leaseUntil(now, leaseMs);
    const renew = () => this.sql.renewLease.run(until, taskId, owner, now.getTime()).changes;
    return this.db.transaction(renew).immediate() === 1;
  }

  async releaseLease(taskId: string, owner: string): Promise<void> {
    this.db.transaction(() => this.sql.releaseLease.run(taskId, owner)).immediate();
  }

  async appendDecision(decision: Decision): Promise<boolean> {
    const doc = encodeDecision(decision);
    const append = this.db.transaction(() => {
      if (this.sql.hasDecision.get(decision.id)) return false;
      const next = (this.sql.lastDecisionSeq.get(decision.taskId)?.seq ?? 0) + 1;
      this.sql.insertDecision.run(decision.id, decision.taskId, next, doc);
      return true;
    });
    // Decisions are people's approvals: they must survive a power cut once acknowledged.
    return withFullSync(this.db, () => append.immediate());
  }

  async listDecisions(taskId: string): Promise<Decision[]> {
    return this.sql.listDecisions.all(taskId).map((row) => decodeDecision(row.id, row.doc));
  }

  async recordUsage(entry: UsageEntry): Promise<void> {
    const row = encodeUsage(entry);
    this.db.transaction(() => this.sql.insertUsage.run(row)).immediate();
  }

  async usageSince(query: Parameters<TaskStore['usageSince']>[0]): Promise<TokenUsage> {
    const where = ['at >= ?'];
    const params: string[] = [canonicalInstant(query.since, 'since')];
    if (query.requesterId !== undefined) {
      where.push('requester_id = ?');
      params.push(query.requesterId);
    }
    if (query.tenantId !== undefined) {
      where.push('tenant_id = ?');
      params.push(query.tenantId);
    }
    const sql =
      'SELECT SUM(prompt_tokens) AS promptTokens, SUM(completion_tokens) AS completionTokens, SUM(calls) AS calls ' +
      `FROM usage WHERE ${where.join(' AND ')}`;
    const sums = this.sql.cached<Record<keyof TokenUsage, number | null>>(sql).get(...params);
    // SUM over no rows is NULL, not 0.
    if (!sums || sums.calls === null) return noUsage();
    return { promptTokens: sums.promptTokens ?? 0, completionTokens: sums.completionTokens ?? 0, calls: sums.calls };
  }

  async setCardRef(taskId: string, kind: string, activityId: string): Promise<void> {
    this.db.transaction(() => this.sql.upsertCardRef.run(taskId, kind, activityId)).immediate();
  }

  async getCardRef(taskId: string, kind: string): Promise<string | undefined> {
    return this.sql.getCardRef.get(taskId, kind)?.activity_id;
  }

  async appendLedger(append: LedgerAppend): Promise<LedgerEntry> {
    const normalised = normaliseLedgerAppend(append);
    // Reading the last entry and inserting the next under one write lock (IMMEDIATE) keeps the
    // chain single and gapless even when several processes append to the same file. Default
    // synchronous: a power cut can only drop a suffix of commits, which leaves a valid chain.
    const write = this.db.transaction(() => {
      const previous = this.sql.lastLedger.get();
      const entry = chainEntry(previous, normalised);
      this.sql.insertLedger.run(encodeLedgerEntry(entry));
      if (this.sealer) {
        this.sql.insertSeal.run(encodeSeal(this.sealer(entry)));
        // The previous head's seal stays only as a periodic checkpoint.
        if (previous && previous.seq % SEAL_CHECKPOINT_EVERY !== 0) this.sql.deleteSeal.run(previous.seq);
      }
      return entry;
    });
    return write.immediate();
  }

  async listLedger(query: LedgerQuery): Promise<LedgerEntry[]> {
    const q = ledgerQuery(query);
    const rows =
      q.taskId === undefined
        ? this.sql.listLedger.all(q.afterSeq, q.limit)
        : this.sql.listTaskLedger.all(q.taskId, q.afterSeq, q.limit);
    return rows.map(decodeLedgerRow);
  }

  readLedger(): AsyncIterable<LedgerEntry> {
    return pagedLedger((afterSeq, limit) => this.sql.listLedger.all(afterSeq, limit));
  }

  async listLedgerSeals(): Promise<LedgerSeal[]> {
    return this.sql.listSeals.all().map(decodeSeal);
  }

  async reserveQuota(request: QuotaRequest): Promise<boolean> {
    const q = quotaRow(request);
    const reserve = () => {
      if (this.sql.hasQuota.get(q.key, q.holder)) return true;
      if ((this.sql.countQuota.get(q.key)?.n ?? 0) >= q.limit) return false;
      this.sql.insertQuota.run(q.key, q.holder, q.at);
      return true;
    };
    return this.db.transaction(reserve).immediate();
  }

  async firstDelivery(key: string, at: Date): Promise<boolean> {
    return this.sql.insertInbound.run(key, at.toISOString()).changes === 1;
  }

  async releaseQuota(key: string, holder: string): Promise<void> {
    this.db.transaction(() => this.sql.deleteQuota.run(key, holder)).immediate();
  }

  async takeToken(request: TokenRequest): Promise<TokenTaken> {
    const take = () => {
      const row = this.sql.getBucket.get(request.key);
      const { bucket, taken } = takeFrom(row && { tokens: row.tokens, updatedMs: row.updated_ms }, request);
      this.sql.upsertBucket.run(request.key, bucket.tokens, bucket.updatedMs);
      return taken;
    };
    return this.db.transaction(take).immediate();
  }

  async readiness(): Promise<Readiness> {
    if (!this.db.open) return { ready: false, reason: 'closed', detail: 'the task store is closed' };
    try {
      checkSqliteSchema(this.db);
      return { ready: true };
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'the task database cannot be read';
      return {
        ready: false,
        reason: error instanceof SchemaOutdatedError ? 'migrations_pending' : 'unreachable',
        detail,
      };
    }
  }

  async createSchedule(schedule: Schedule): Promise<void> {
    this.schedules.create(schedule);
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
    if (this.db.open) this.db.close();
  }
}

/** The WHERE clause (over indexed columns) and parameters of a task query. */
function taskFilter(query: TaskQuery): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.requesterId !== undefined) {
    where.push('requester_id = ?');
    params.push(query.requesterId);
  }
  if (query.conversationId !== undefined) {
    where.push('conversation_id = ?');
    params.push(query.conversationId);
  }
  if (query.statuses) {
    where.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.createdAfter !== undefined) {
    // The indexed column; stored times are ISO strings, so text order is time order.
    where.push('created_at >= ?');
    params.push(canonicalInstant(query.createdAfter, 'createdAfter'));
  }
  if (query.createdBefore !== undefined) {
    where.push('created_at < ?');
    params.push(canonicalInstant(query.createdBefore, 'createdBefore'));
  }
  if (query.involving !== undefined) {
    where.push(`people LIKE ? ESCAPE '\\'`);
    params.push(likeContains(` ${query.involving} `));
  }
  if (query.titleContains !== undefined) {
    where.push(`lower(title) LIKE ? ESCAPE '\\'`);
    params.push(likeContains(query.titleContains));
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
