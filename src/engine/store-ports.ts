import type { Decision, Task, TaskStatus, TokenUsage } from './model';
import type { Schedule, ScheduleStatus } from './schedule-model';

/**
 * The durable store, as small ports. Each part of the system depends only on the ports it
 * uses; every adapter (in-memory, SQLite, PostgreSQL) implements all of them and passes one
 * contract suite per port in test/store (contract-tasks, -leases, -records, -usage, -ledger,
 * -governance, -limits).
 */

/** Filters for listing tasks; all given fields must match. */
export interface TaskQuery {
  readonly requesterId?: string;
  readonly conversationId?: string;
  readonly statuses?: readonly TaskStatus[];
  /** Only tasks created at or after this ISO-8601 instant. */
  readonly createdAfter?: string;
  /** Only tasks created before this ISO-8601 instant (with `createdAfter`, a date range; or a page's cursor). */
  readonly createdBefore?: string;
  /** Only tasks that involve this person: requester, owner, approver or follower (Entra object id). */
  readonly involving?: string;
  /** Only tasks whose title contains this text, ignoring case. */
  readonly titleContains?: string;
  /** Newest first; default 20, at most 100. */
  readonly limit?: number;
}

/** Task documents with compare-and-set writes (test/store/contract-tasks.ts). */
/** A lease taken with a new task, so that nobody claims it before its creator lets go. */
export interface NewTaskLease {
  readonly owner: string;
  readonly now: Date;
  readonly leaseMs: number;
}

export interface TaskRecords {
  /**
   * Insert a new task; rejects with a ConflictError if the id exists. With `lease`, the task is
   * stored already claimed by `lease.owner` (as `claimRunnable` would claim it), in the same write.
   */
  createTask(task: Task, lease?: NewTaskLease): Promise<void>;
  getTask(id: string): Promise<Task | undefined>;
  /**
   * Compare-and-set: writes `task` (whose `version` must be `expectedVersion + 1`) only if the
   * stored version is still `expectedVersion`. Returns false when someone else wrote first.
   */
  updateTask(task: Task, expectedVersion: number): Promise<boolean>;
  listTasks(query: TaskQuery): Promise<Task[]>;
  /** How many tasks match (the query's `limit` is ignored). */
  countTasks(query: TaskQuery): Promise<number>;
  /** How many tasks match, per status (statuses with none are left out; `limit` is ignored). */
  countTasksByStatus(query: TaskQuery): Promise<Partial<Record<TaskStatus, number>>>;
}

/**
 * Work for background workers: runnable tasks claimed under leases, and due checkpoint timers
 * (test/store/contract-leases.ts). Shared by every instance on the same storage.
 */
export interface WorkQueue {
  /**
   * Claim one task in status `running` whose lease is free or expired, for `owner` until
   * `now + leaseMs`. Two claimers never get the same task while a lease holds.
   */
  claimRunnable(owner: string, now: Date, leaseMs: number): Promise<Task | undefined>;
  /**
   * Claim one task that is no longer `running` but whose lease expired without being released:
   * its worker died between storing a transition and telling people about it. The claimer
   * tells them (again) and releases the lease. Same lease rules as `claimRunnable`.
   */
  claimOrphaned(owner: string, now: Date, leaseMs: number): Promise<Task | undefined>;
  /** Extend a held lease; false if `owner` no longer holds it. */
  renewLease(taskId: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Give a lease back so another worker may claim the task at once. */
  releaseLease(taskId: string, owner: string): Promise<void>;
  /** Tasks whose next checkpoint timer (reminder, escalation, expiry) is due at `now`, earliest first. */
  listDueTimers(now: Date, limit: number): Promise<Task[]>;
  /**
   * Call `listener` whenever a task may have become runnable (a write left it `running`), on
   * this instance or, where the storage can tell (PostgreSQL's LISTEN/NOTIFY), on any other.
   * Returns a function that stops listening. Best effort: workers still poll.
   */
  onRunnable(listener: () => void): () => void;
}

/** People's decisions on checkpoints and plans (test/store/contract-records.ts). */
export interface DecisionLog {
  /** Record a decision; false if a decision with this id was already recorded (redelivery). */
  appendDecision(decision: Decision): Promise<boolean>;
  listDecisions(taskId: string): Promise<Decision[]>;
}

/** Which Teams activity shows a task's card, so any instance can update it in place (contract-records). */
export interface CardRefs {
  /** Remember which Teams activity shows a task's card of a given kind, to update it in place. */
  setCardRef(taskId: string, kind: string, activityId: string): Promise<void>;
  getCardRef(taskId: string, kind: string): Promise<string | undefined>;
}

/** Model usage, for budgets (test/store/contract-usage.ts). */
export interface UsageLog {
  /** Record model tokens spent for a task (for budgets). Idempotent per `entryId`. */
  recordUsage(entry: UsageEntry): Promise<void>;
  /** Tokens spent since `since` (ISO-8601), by one requester or one tenant (or everyone). */
  usageSince(query: UsageQuery): Promise<TokenUsage>;
}

/** Which usage `usageSince` sums. */
export interface UsageQuery {
  readonly since: string;
  readonly requesterId?: string;
  readonly tenantId?: string;
}

/** The tamper-evident audit ledger (test/store/contract-ledger.ts). */
export interface AuditLedger {
  /**
   * Append to the audit ledger. The store gives the entry the next global sequence number and
   * chains it to the previous entry's hash, atomically even across processes sharing storage.
   * Rejects an entry that is invalid (unknown type, a payload that is not JSON).
   */
  appendLedger(entry: LedgerAppend): Promise<LedgerEntry>;
  /** Ledger entries in sequence order; default 100 per page, at most 1000. */
  listLedger(query: LedgerQuery): Promise<LedgerEntry[]>;
  /** The whole ledger in sequence order, read page by page (for verifying the chain). */
  readLedger(): AsyncIterable<LedgerEntry>;
  /**
   * Signed chain heads, in sequence order: the newest head, and every {@link SEAL_CHECKPOINT_EVERY}th
   * entry's as a checkpoint. A store given a sealer seals each new head in the same atomic write
   * as the entry, so an entry appended without the key is left unsealed.
   */
  listLedgerSeals(): Promise<LedgerSeal[]>;
}

/** Approvers designated per channel or chat (test/store/contract-governance.ts). */
export interface ScopeApproverStore {
  /** The approvers a channel or chat designated (`approvers add …`), with a compare-and-set version (0 = none yet). */
  getScopeApprovers(scopeKey: string): Promise<ScopeApprovers>;
  /**
   * Replace a scope's approvers if its version is still `expectedVersion`; false when someone
   * else changed them first.
   */
  setScopeApprovers(scopeKey: string, approvers: readonly string[], expectedVersion: number): Promise<boolean>;
}

/** Counted allowances and rate limits, shared by every instance (test/store/contract-limits.ts). */
export interface Allowances {
  /**
   * Take one unit of a counted allowance (`key` names the allowance and its window, e.g. a
   * person's tasks on one UTC day) for `holder`, if fewer than `limit` are taken. Atomic across
   * processes sharing the storage: N concurrent reservations against a limit L < N succeed
   * exactly L times. Reserving again for a holder that already holds a unit is true and takes
   * nothing more.
   */
  reserveQuota(request: QuotaRequest): Promise<boolean>;
  /** Give back the unit `holder` took (the work it was for failed); nothing when it holds none. */
  releaseQuota(key: string, holder: string): Promise<void>;
  /**
   * Take one token from a token bucket that holds at most `capacity` and refills at
   * `refillPerSecond`, created full on first use. Atomic across processes sharing the storage.
   * Returns how long to wait before a token will be there when the bucket is empty.
   */
  takeToken(request: TokenRequest): Promise<TokenTaken>;
}

/** Whether the store can serve requests now (for `/readyz`). */
/** Teams activities already taken in (messages, invokes), so that a redelivery is not handled twice. */
export interface InboundLog {
  /**
   * Record that the activity `key` (channel, conversation and activity id) is being taken in.
   * True the first time; false when it was recorded before — a redelivery — by this or any other
   * instance sharing the storage. Atomic: of concurrent calls with one key, exactly one is true.
   */
  firstDelivery(key: string, at: Date): Promise<boolean>;
}

export interface StoreHealth {
  /** Not ready when the storage cannot be reached or its schema lacks migrations; `reason` says which. */
  readiness(): Promise<Readiness>;
}

/** A store's readiness: `reason` is safe to show anyone; `detail` is for the log only. */
export type Readiness =
  | { readonly ready: true }
  | {
      readonly ready: false;
      readonly reason: 'unreachable' | 'migrations_pending' | 'closed';
      readonly detail: string;
    };

/**
 * Everything an adapter implements: all the ports above, plus closing. Only wiring
 * (src/index.ts, scripts) holds a whole store; everything else takes the ports it uses.
 */
export interface TaskStore
  extends
    TaskRecords,
    WorkQueue,
    DecisionLog,
    CardRefs,
    UsageLog,
    AuditLedger,
    ScopeApproverStore,
    Allowances,
    InboundLog,
    StoreHealth,
    ScheduleStore {
  close(): Promise<void>;
}

/** Which schedules `listSchedules` returns; all given fields must match. */
export interface ScheduleQuery {
  readonly conversationId?: string;
  /** Schedules this person owns or approves (Entra object id). */
  readonly personId?: string;
  readonly statuses?: readonly ScheduleStatus[];
  /** Newest first; default 20, at most 100. */
  readonly limit?: number;
}

/** Claiming one occurrence of a schedule, so that it fires once across restarts and instances. */
export interface OccurrenceClaim {
  readonly scheduleId: string;
  /** The occurrence instant (ISO-8601); with the schedule id, the claim's unique key. */
  readonly occurrence: string;
  /** The id the run's task will have, fixed by the first claim: a takeover creates the same task. */
  readonly taskId: string;
  readonly owner: string;
  readonly now: Date;
  readonly leaseMs: number;
}

/**
 * What a claim got: the task id to create (the first claimer's); or nothing, because another
 * claimer holds the occurrence now (`done: false`: it may still die and leave it) or it was fired (`done: true`).
 */
export type OccurrenceClaimed =
  { readonly claimed: true; readonly taskId: string } | { readonly claimed: false; readonly done: boolean };

/**
 * Recurring work (test/store/contract-schedules.ts): schedule documents with compare-and-set
 * writes, and occurrences claimed once by (schedule id, occurrence instant).
 */
export interface ScheduleStore {
  /** Insert a new schedule; rejects with a ConflictError if the id exists. */
  createSchedule(schedule: Schedule): Promise<void>;
  getSchedule(id: string): Promise<Schedule | undefined>;
  /** Compare-and-set, as `updateTask`: `schedule.version` must be `expectedVersion + 1`. */
  updateSchedule(schedule: Schedule, expectedVersion: number): Promise<boolean>;
  listSchedules(query: ScheduleQuery): Promise<Schedule[]>;
  /** Active schedules whose next run is due at `now`, earliest first. */
  listDueSchedules(now: Date, limit: number): Promise<Schedule[]>;
  /**
   * Claim an occurrence: the first claim wins and fixes its task id; a claim whose lease expired
   * before it was finished (its instance died) may be taken over, with the same task id. A
   * finished occurrence is never claimed again.
   */
  claimOccurrence(claim: OccurrenceClaim): Promise<OccurrenceClaimed>;
  /** Mark a claimed occurrence fired for good; false if `owner` no longer holds it. */
  finishOccurrence(scheduleId: string, occurrence: string, owner: string): Promise<boolean>;
}

/** Entries between kept checkpoints of the signed chain head (the newest head is always kept). */
export const SEAL_CHECKPOINT_EVERY = 100;

/** A chain head signed with a key the store does not hold (src/ledger/keyring.ts). */
export interface LedgerSeal {
  readonly seq: number;
  /** The hash of entry `seq`. */
  readonly hash: string;
  /** Which key signed it, so retired keys still verify old seals. */
  readonly keyId: string;
  /** Base64url signature over the head's text (`sealText` in src/ledger/keyring.ts). */
  readonly signature: string;
}

/** Signs a new chain head; given to a store at construction. */
export type LedgerSealer = (head: { readonly seq: number; readonly hash: string }) => LedgerSeal;

/** A request for one unit of a counted allowance. */
export interface QuotaRequest {
  /** The allowance and its window, e.g. `tasks:user:<aad id>:2026-12-02`. */
  readonly key: string;
  readonly limit: number;
  /** Who takes the unit (e.g. a planning attempt's id); releasing names it. */
  readonly holder: string;
  /** ISO-8601 instant of the reservation. */
  readonly at: string;
}

/** A request for one token of a rate limit. */
export interface TokenRequest {
  /** The bucket, e.g. `rate:user:<aad id>`. */
  readonly key: string;
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly now: Date;
}

/** Whether a token was taken; when not, how long until one will be there. */
export type TokenTaken = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** A channel's or chat's designated approvers (Entra object ids). */
export interface ScopeApprovers {
  readonly approvers: readonly string[];
  readonly version: number;
}

/** What the audit ledger records about a task. */
export type LedgerEventType =
  | 'task_created'
  | 'plan_version'
  | 'policy_decision'
  | 'card_shown'
  | 'decision'
  | 'graph_request'
  | 'step_result'
  | 'error'
  | 'task_status'
  /** Recurring work: created, approved, edited, paused, resumed, deleted, fired, skipped, auto-paused (`payload.event`). */
  | 'schedule';

/** A ledger entry as the engine hands it to the store, before it has a place in the chain. */
export interface LedgerAppend {
  readonly taskId: string;
  readonly type: LedgerEventType;
  /** Entra object id of the person, or `'system'` for the worker. */
  readonly actor: string;
  /** ISO-8601 instant; stored in canonical UTC form. */
  readonly at: string;
  /** JSON only; never message bodies or secrets. */
  readonly payload: Record<string, unknown>;
}

/** A recorded ledger entry (DESIGN §3): hash-chained to the one before it. */
export interface LedgerEntry extends LedgerAppend {
  /** Global, 1-based, gapless. */
  readonly seq: number;
  /** Hex SHA-256 of the previous entry; 64 zeros for entry 1. */
  readonly prevHash: string;
  /** Hex SHA-256 of this entry's canonical JSON without `hash` (see src/ledger/entry.ts). */
  readonly hash: string;
}

/** Which ledger entries to list. */
export interface LedgerQuery {
  readonly taskId?: string;
  /** Only entries with a larger sequence number (for paging). */
  readonly afterSeq?: number;
  readonly limit?: number;
}

/** One record of model usage, kept for budgets. */
export interface UsageEntry {
  /** Unique; recording the same entry twice counts it once. */
  readonly entryId: string;
  readonly taskId: string;
  readonly requesterId: string;
  readonly tenantId?: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly usage: TokenUsage;
}
