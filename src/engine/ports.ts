import type { Decision, Person, RiskClass, Scope, Task, TaskStatus, TokenUsage } from './model';
import type { PlanApproval } from './fast-path';
import type { ExpiryRule } from './timers';

/** Filters for listing tasks; all given fields must match. */
export interface TaskQuery {
  readonly requesterId?: string;
  readonly conversationId?: string;
  readonly statuses?: readonly TaskStatus[];
  /** Only tasks created at or after this ISO-8601 instant. */
  readonly createdAfter?: string;
  /** Newest first; default 20, at most 100. */
  readonly limit?: number;
}

/**
 * Durable task state. Asynchronous and storage-neutral: every adapter (SQLite, PostgreSQL,
 * in-memory) passes the same contract suite in test/store.
 */
export interface TaskStore {
  /** Insert a new task; rejects with a ConflictError if the id exists. */
  createTask(task: Task): Promise<void>;
  getTask(id: string): Promise<Task | undefined>;
  /**
   * Compare-and-set: writes `task` (whose `version` must be `expectedVersion + 1`) only if the
   * stored version is still `expectedVersion`. Returns false when someone else wrote first.
   */
  updateTask(task: Task, expectedVersion: number): Promise<boolean>;
  listTasks(query: TaskQuery): Promise<Task[]>;
  /** How many tasks match (the query's `limit` is ignored). */
  countTasks(query: TaskQuery): Promise<number>;
  /**
   * Claim one task in status `running` whose lease is free or expired, for `owner` until
   * `now + leaseMs`. Two claimers never get the same task while a lease holds.
   */
  claimRunnable(owner: string, now: Date, leaseMs: number): Promise<Task | undefined>;
  /** Extend a held lease; false if `owner` no longer holds it. */
  renewLease(taskId: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Give a lease back so another worker may claim the task at once. */
  releaseLease(taskId: string, owner: string): Promise<void>;
  /** Tasks whose next checkpoint timer (reminder, escalation, expiry) is due at `now`, earliest first. */
  listDueTimers(now: Date, limit: number): Promise<Task[]>;
  /** The approvers a channel or chat designated (`approvers add …`), with a compare-and-set version (0 = none yet). */
  getScopeApprovers(scopeKey: string): Promise<ScopeApprovers>;
  /**
   * Replace a scope's approvers if its version is still `expectedVersion`; false when someone
   * else changed them first.
   */
  setScopeApprovers(scopeKey: string, approvers: readonly string[], expectedVersion: number): Promise<boolean>;
  /** Record a decision; false if a decision with this id was already recorded (redelivery). */
  appendDecision(decision: Decision): Promise<boolean>;
  listDecisions(taskId: string): Promise<Decision[]>;
  /** Record model tokens spent for a task (for budgets). Idempotent per `entryId`. */
  recordUsage(entry: UsageEntry): Promise<void>;
  /** Tokens spent since `since` (ISO-8601), by one requester or one tenant (or everyone). */
  usageSince(query: {
    readonly since: string;
    readonly requesterId?: string;
    readonly tenantId?: string;
  }): Promise<TokenUsage>;
  /** Remember which Teams activity shows a task's card of a given kind, to update it in place. */
  setCardRef(taskId: string, kind: string, activityId: string): Promise<void>;
  getCardRef(taskId: string, kind: string): Promise<string | undefined>;
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
  close(): Promise<void>;
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
  | 'task_status';

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

/** A step as a planner proposes it, before the engine gives it ids, gates and state. */
export interface StepDraft {
  readonly action: string;
  readonly input: Record<string, unknown>;
  readonly rationale: string;
}

/** What a planner is asked. */
export interface PlanRequest {
  readonly outcome: string;
  readonly requester: Person;
  readonly scope: Scope;
  readonly now: Date;
  readonly timeZone: string;
  /** Questions the planner asked before and the user's answers, oldest first. */
  readonly clarifications?: readonly { readonly question: string; readonly answer: string }[];
  /** Set when re-planning: the plan shown before and what the user said about it. */
  readonly revision?: {
    readonly previousTitle: string;
    readonly previousSteps: readonly StepDraft[];
    /** Free text from Edit ("make it 45 minutes") or the reason given with Reject. */
    readonly instruction: string;
  };
}

/** A planner's answer: a plan made of catalogue actions, a question for the user, or a helpful refusal. */
export type PlanResult =
  | { readonly kind: 'plan'; readonly title: string; readonly steps: readonly StepDraft[]; readonly usage?: TokenUsage }
  | {
      readonly kind: 'question';
      readonly question: string;
      readonly options?: readonly string[];
      readonly usage?: TokenUsage;
    }
  | { readonly kind: 'unplannable'; readonly message: string; readonly usage?: TokenUsage };

/** Turns an outcome into a plan. Returns data; executes nothing. */
export interface Planner {
  /** True when the planner can revise a plan from free-text instructions (the LLM planner). */
  readonly revises?: boolean;
  plan(request: PlanRequest): Promise<PlanResult>;
}

/** What happened to a task, for whoever shows it to people. */
export type TaskEvent =
  | 'planned'
  | 'progress'
  | 'checkpoint'
  | 'completed'
  /** The task ended with every consequential step skipped or rejected. */
  | 'nothing_done'
  | 'failed'
  | 'cancelled'
  | 'rejected'
  | 'paused'
  | 'limit_reached'
  /** A checkpoint is still waiting: approvers are reminded. */
  | 'reminder'
  /** A checkpoint waited too long: backup approvers were added. */
  | 'escalated';

/** Shows tasks to people (Teams cards, proactively). Failures to notify never fail a task. */
export interface Notifier {
  notify(task: Task, event: TaskEvent): Promise<void>;
}

/** Time, injectable so tests control it. */
export interface Clock {
  now(): Date;
}

/** Id generation, injectable so tests are deterministic. */
export interface Ids {
  /** A short, human-typable task id (for `status <id>`). */
  taskId(): string;
  /** A unique id (decisions, idempotency keys). */
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** Structured logging, pino-shaped, so the engine needs no logging SDK. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}

/** What governance knows about one step, to decide how it is gated. */
export interface PolicyQuestion {
  readonly action: string;
  readonly risk: RiskClass;
  /** A deterministic guard raised a warning. */
  readonly flagged: boolean;
  readonly facts: {
    readonly externalRecipients?: boolean;
    readonly recipientCount?: number;
    readonly untrustedSource?: boolean;
    readonly sharingLink?: boolean;
    readonly hasAttachments?: boolean;
    readonly channelMembers?: number;
  };
  readonly requesterId: string;
  readonly scope: {
    readonly kind: 'personal' | 'groupChat' | 'channel';
    readonly teamId?: string;
    readonly channelId?: string;
  };
}

/** Governance's answer for one step. */
export interface PolicyAnswer {
  readonly allowed: boolean;
  readonly deniedBy?: string;
  readonly gate: 'auto' | 'checkpoint';
  readonly quorum: number;
  readonly forbidSelfApproval: boolean;
  /** Entra object ids (and `group:<id>`) who may approve. */
  readonly approvers: readonly string[];
  /** Why the step is gated, rule by rule, for the card. */
  readonly reasons: readonly { readonly rule: string; readonly text: string }[];
}

/** The organisation's policy (a YAML file), as the engine asks it. */
export interface Governance {
  evaluate(question: PolicyQuestion): PolicyAnswer;
  /** True when all execution must stop now; running tasks pause before their next step. */
  killSwitch(): boolean;
  /** How long a checkpoint of this risk may wait, and what happens then. */
  expiry(risk: RiskClass, flagged: boolean): ExpiryRule;
  /** Who may change a channel's approvers and read any task's audit (user ids or `group:<id>`). */
  admins(): readonly string[];
  /**
   * How much of a step's content a card shared in this conversation may show: `summary` keeps
   * what one person's mailbox, files or chats hold off the shared card. Absent: `summary`.
   */
  sharedPreview?(scope: {
    readonly kind: 'personal' | 'groupChat' | 'channel';
    readonly teamId?: string;
    readonly channelId?: string;
  }): 'summary' | 'full';
  /** Which plans skip a click: questions run at once, a single known step is approved with its plan. Absent: both. */
  planApproval?(): PlanApproval;
  /** Limits beyond the engine's own bounds; absent fields mean none. */
  limits(): { readonly tasksPerUserPerDay?: number; readonly stepsPerTask?: number };
}
