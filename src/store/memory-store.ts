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
import { decodeDecision, encodeDecision, listLimit, type TaskRow } from './codec';
import {
  decodeLedgerRow,
  encodeLedgerEntry,
  ledgerQuery,
  normaliseLedgerAppend,
  pagedLedger,
  type LedgerRow,
} from './ledger-codec';
import { leaseHolds, leaseUntil } from './lease';
import { decodeSeal, encodeSeal, quotaRow, takeFrom, type Bucket, type SealRow } from './limits';
import { MemorySchedules } from './memory-schedules';
import { RunnableSignal } from './runnable-signal';
import { decodeScopeApprovers, encodeScopeApprovers } from './scope-approvers';
import { encodeTaskWrite, type StoredTask, type TaskWrite } from './task-docs';
import { canonicalInstant, encodeUsage, sumUsage, type UsageRow } from './usage';

interface Entry {
  /** Columns and the head document. */
  row: TaskRow;
  /** One document per step, as the durable stores keep them in `task_steps`. */
  steps: string[];
  /** The task decoded and frozen, handed to readers as is. */
  stored: StoredTask;
  leaseOwner: string | null;
  leaseUntil: number | null;
}

/**
 * A TaskStore in process memory with exactly the SQLite adapter's semantics: it keeps the same
 * JSON documents (a head and one per step, src/store/task-docs.ts) and columns, validated the
 * same way on every write; nothing a caller passes in is kept, and tasks read are frozen. The engine's tests use it as their fake; it passes the same
 * contract suite as the durable adapters.
 */
export class MemoryTaskStore implements TaskStore {
  private readonly tasks = new Map<string, Entry>();
  private readonly decisions = new Map<string, { id: string; doc: string }[]>();
  private readonly decisionIds = new Set<string>();
  private readonly cardRefs = new Map<string, string>();
  private readonly usage = new Map<string, UsageRow>();
  private readonly scopeApprovers = new Map<string, { version: number; doc: string }>();
  /** In seq order; seq n is at index n - 1. */
  private readonly ledger: LedgerRow[] = [];
  private readonly seals = new Map<number, SealRow>();
  private readonly quotas = new Map<string, Set<string>>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly runnable = new RunnableSignal();
  private readonly schedules = new MemorySchedules();
  private readonly inbound = new Map<string, string>();
  private closed = false;

  constructor(private readonly options: { readonly sealer?: LedgerSealer } = {}) {}

  async createTask(task: Task, lease?: NewTaskLease): Promise<void> {
    this.open();
    const write = encodeTaskWrite(task);
    const row = write.row;
    if (this.tasks.has(row.id)) throw new ConflictError(`task ${row.id}`);
    this.tasks.set(row.id, {
      row,
      steps: applySteps([], write),
      stored: write.stored,
      leaseOwner: lease?.owner ?? null,
      leaseUntil: lease ? leaseUntil(lease.now, lease.leaseMs) : null,
    });
    if (runnable(row)) this.runnable.ring();
  }

  async getTask(id: string): Promise<Task | undefined> {
    this.open();
    const entry = this.tasks.get(id);
    return entry?.stored.task;
  }

  async updateTask(task: Task, expectedVersion: number): Promise<boolean> {
    this.open();
    if (task.version !== expectedVersion + 1) {
      throw new Error(`updateTask: task ${task.id} has version ${task.version}, expected ${expectedVersion + 1}`);
    }
    const entry = this.tasks.get(task.id);
    if (!entry || entry.row.version !== expectedVersion) {
      encodeTaskWrite(task); // an invalid task is refused whether or not the version matches
      return false;
    }
    const write = encodeTaskWrite(task, entry.stored);
    const row = write.row;
    entry.row = row;
    entry.steps = applySteps(entry.steps, write);
    entry.stored = write.stored;
    if (runnable(row)) this.runnable.ring();
    return true;
  }

  async listTasks(query: TaskQuery): Promise<Task[]> {
    this.open();
    return this.matching(query)
      .sort((a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id))
      .slice(0, listLimit(query.limit))
      .map((row) => this.task(row.id));
  }

  private task(id: string): Task {
    return this.tasks.get(id)!.stored.task;
  }

  private matching(query: TaskQuery): TaskRow[] {
    const statuses = query.statuses ? new Set<string>(query.statuses) : undefined;
    const after = query.createdAfter === undefined ? undefined : canonicalInstant(query.createdAfter, 'createdAfter');
    const before =
      query.createdBefore === undefined ? undefined : canonicalInstant(query.createdBefore, 'createdBefore');
    const title = query.titleContains?.toLowerCase();
    return [...this.tasks.values()]
      .map((entry) => entry.row)
      .filter(
        (row) =>
          (query.requesterId === undefined || row.requesterId === query.requesterId) &&
          (query.conversationId === undefined || row.conversationId === query.conversationId) &&
          (statuses === undefined || statuses.has(row.status)) &&
          (after === undefined || compare(row.createdAt, after) >= 0) &&
          (before === undefined || compare(row.createdAt, before) < 0) &&
          (query.involving === undefined || row.people.includes(` ${query.involving} `)) &&
          (title === undefined || row.title.toLowerCase().includes(title)),
      );
  }

  async countTasksByStatus(query: TaskQuery): Promise<Partial<Record<TaskStatus, number>>> {
    this.open();
    const counts: Partial<Record<TaskStatus, number>> = {};
    for (const row of this.matching(query)) {
      const status = row.status as TaskStatus;
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  }

  async countTasks(query: TaskQuery): Promise<number> {
    this.open();
    return this.matching(query).length;
  }

  async claimRunnable(owner: string, now: Date, leaseMs: number): Promise<Task | undefined> {
    this.open();
    const until = leaseUntil(now, leaseMs);
    const [next] = [...this.tasks.values()]
      .filter((entry) => runnable(entry.row) && !leaseHolds(entry.leaseUntil, now))
      .sort((a, b) => compare(a.row.updatedAt, b.row.updatedAt) || compare(a.row.id, b.row.id));
    if (!next) return undefined;
    next.leaseOwner = owner;
    next.leaseUntil = until;
    return next.stored.task;
  }

  async claimOrphaned(owner: string, now: Date, leaseMs: number): Promise<Task | undefined> {
    this.open();
    const until = leaseUntil(now, leaseMs);
    const [next] = [...this.tasks.values()]
      .filter((entry) => !runnable(entry.row) && entry.leaseOwner !== null && !leaseHolds(entry.leaseUntil, now))
      .sort((a, b) => (a.leaseUntil ?? 0) - (b.leaseUntil ?? 0) || compare(a.row.id, b.row.id));
    if (!next) return undefined;
    next.leaseOwner = owner;
    next.leaseUntil = until;
    return next.stored.task;
  }

  onRunnable(listener: () => void): () => void {
    return this.runnable.listen(listener);
  }

  async listDueTimers(now: Date, limit: number): Promise<Task[]> {
    this.open();
    return [...this.tasks.values()]
      .map((entry) => entry.row)
      .filter((row) => row.timerDue !== null && row.timerDue <= now.getTime())
      .sort((a, b) => (a.timerDue ?? 0) - (b.timerDue ?? 0) || compare(a.id, b.id))
      .slice(0, limit)
      .map((row) => this.task(row.id));
  }

  async getScopeApprovers(scopeKey: string): Promise<ScopeApprovers> {
    this.open();
    const row = this.scopeApprovers.get(scopeKey);
    return row ? decodeScopeApprovers(row.version, row.doc) : { approvers: [], version: 0 };
  }

  async setScopeApprovers(scopeKey: string, approvers: readonly string[], expectedVersion: number): Promise<boolean> {
    this.open();
    const current = this.scopeApprovers.get(scopeKey)?.version ?? 0;
    if (current !== expectedVersion) return false;
    this.scopeApprovers.set(scopeKey, { version: current + 1, doc: encodeScopeApprovers(approvers) });
    return true;
  }

  async renewLease(taskId: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
    this.open();
    const until = leaseUntil(now, leaseMs);
    const entry = this.tasks.get(taskId);
    if (!entry || entry.leaseOwner !== owner || !leaseHolds(entry.leaseUntil, now)) return false;
    entry.leaseUntil = until;
    return true;
  }

  async releaseLease(taskId: string, owner: string): Promise<void> {
    this.open();
    const entry = this.tasks.get(taskId);
    if (!entry || entry.leaseOwner !== owner) return;
    entry.leaseOwner = null;
    entry.leaseUntil = null;
  }

  async appendDecision(decision: Decision): Promise<boolean> {
    this.open();
    const doc = encodeDecision(decision);
    if (this.decisionIds.has(decision.id)) return false;
    this.decisionIds.add(decision.id);
    const list = this.decisions.get(decision.taskId) ?? [];
    list.push({ id: decision.id, doc });
    this.decisions.set(decision.taskId, list);
    return true;
  }

  async listDecisions(taskId: string): Promise<Decision[]> {
    this.open();
    return (this.decisions.get(taskId) ?? []).map((entry) => decodeDecision(entry.id, entry.doc));
  }

  async recordUsage(entry: UsageEntry): Promise<void> {
    this.open();
    const row = encodeUsage(entry);
    if (!this.usage.has(row.entryId)) this.usage.set(row.entryId, row);
  }

  async usageSince(query: Parameters<TaskStore['usageSince']>[0]): Promise<TokenUsage> {
    this.open();
    const since = canonicalInstant(query.since, 'since');
    const rows = [...this.usage.values()].filter(
      (row) =>
        compare(row.at, since) >= 0 &&
        (query.requesterId === undefined || row.requesterId === query.requesterId) &&
        (query.tenantId === undefined || row.tenantId === query.tenantId),
    );
    return sumUsage(rows);
  }

  async setCardRef(taskId: string, kind: string, activityId: string): Promise<void> {
    this.open();
    this.cardRefs.set(cardKey(taskId, kind), activityId);
  }

  async getCardRef(taskId: string, kind: string): Promise<string | undefined> {
    this.open();
    return this.cardRefs.get(cardKey(taskId, kind));
  }

  async appendLedger(append: LedgerAppend): Promise<LedgerEntry> {
    this.open();
    // No await between reading the last entry and pushing the next: appends cannot interleave.
    const previous = this.ledger[this.ledger.length - 1];
    const entry = chainEntry(previous, normaliseLedgerAppend(append));
    const seal = this.options.sealer && encodeSeal(this.options.sealer(entry));
    this.ledger.push(encodeLedgerEntry(entry));
    if (seal) {
      this.seals.set(seal.seq, seal);
      if (previous && previous.seq % SEAL_CHECKPOINT_EVERY !== 0) this.seals.delete(previous.seq);
    }
    return entry;
  }

  async listLedger(query: LedgerQuery): Promise<LedgerEntry[]> {
    this.open();
    const q = ledgerQuery(query);
    return this.ledgerRows(q.afterSeq, q.limit, q.taskId).map(decodeLedgerRow);
  }

  readLedger(): AsyncIterable<LedgerEntry> {
    this.open();
    return pagedLedger((afterSeq, limit) => {
      this.open();
      return this.ledgerRows(afterSeq, limit);
    });
  }

  private ledgerRows(afterSeq: number, limit: number, taskId?: string): LedgerRow[] {
    const rows: LedgerRow[] = [];
    for (let i = afterSeq; i < this.ledger.length && rows.length < limit; i += 1) {
      const row = this.ledger[i]!;
      if (taskId === undefined || row.task_id === taskId) rows.push(row);
    }
    return rows;
  }

  async listLedgerSeals(): Promise<LedgerSeal[]> {
    this.open();
    return [...this.seals.values()].sort((a, b) => a.seq - b.seq).map(decodeSeal);
  }

  async reserveQuota(request: QuotaRequest): Promise<boolean> {
    this.open();
    const q = quotaRow(request);
    const holders = this.quotas.get(q.key) ?? new Set<string>();
    if (holders.has(q.holder)) return true;
    if (holders.size >= q.limit) return false;
    this.quotas.set(q.key, holders.add(q.holder));
    return true;
  }

  async releaseQuota(key: string, holder: string): Promise<void> {
    this.open();
    this.quotas.get(key)?.delete(holder);
  }

  async takeToken(request: TokenRequest): Promise<TokenTaken> {
    this.open();
    const { bucket, taken } = takeFrom(this.buckets.get(request.key), request);
    this.buckets.set(request.key, bucket);
    return taken;
  }

  async firstDelivery(key: string, at: Date): Promise<boolean> {
    this.open();
    if (this.inbound.has(key)) return false;
    this.inbound.set(key, at.toISOString());
    return true;
  }

  async readiness(): Promise<Readiness> {
    return this.closed ? { ready: false, reason: 'closed', detail: 'the task store is closed' } : { ready: true };
  }

  async createSchedule(schedule: Schedule): Promise<void> {
    this.open();
    this.schedules.create(schedule);
  }

  async getSchedule(id: string): Promise<Schedule | undefined> {
    this.open();
    return this.schedules.get(id);
  }

  async updateSchedule(schedule: Schedule, expectedVersion: number): Promise<boolean> {
    this.open();
    return this.schedules.update(schedule, expectedVersion);
  }

  async listSchedules(query: ScheduleQuery): Promise<Schedule[]> {
    this.open();
    return this.schedules.list(query);
  }

  async listDueSchedules(now: Date, limit: number): Promise<Schedule[]> {
    this.open();
    return this.schedules.due(now, limit);
  }

  async claimOccurrence(claim: OccurrenceClaim): Promise<OccurrenceClaimed> {
    this.open();
    return this.schedules.claim(claim);
  }

  async finishOccurrence(scheduleId: string, occurrence: string, owner: string): Promise<boolean> {
    this.open();
    return this.schedules.finish(scheduleId, occurrence, owner);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private open(): void {
    if (this.closed) throw new Error('the task store is closed');
  }
}

/** The step documents after a write: the changed ones replaced, any beyond the plan's length dropped. */
function applySteps(steps: readonly string[], write: TaskWrite): string[] {
  const next = steps.slice(0, write.stepCount);
  for (const [index, doc] of write.steps) next[index] = doc;
  return next;
}

/** Claimed by workers: running, or waiting for its plan to be made. */
function runnable(row: TaskRow): boolean {
  return row.status === 'running' || row.planPending === 1;
}

/** Plain code-unit order, like SQL's binary collation on the ASCII ids and ISO times stored. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cardKey(taskId: string, kind: string): string {
  return JSON.stringify([taskId, kind]);
}
