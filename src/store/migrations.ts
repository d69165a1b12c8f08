/**
 * The task store's schema, as an ordered list of numbered migrations. Append only: never edit
 * or renumber a migration that has shipped; add a new one instead.
 *
 * The SQL is kept portable so the PostgreSQL adapter can run the same list with at most a
 * type swap (e.g. `doc TEXT` → `JSONB`): declared types everywhere, BIGINT for epoch
 * milliseconds, no rowid, no `INSERT OR REPLACE`, no SQLite-only keywords.
 */
export interface Migration {
  /** Applied in ascending order; recorded in `schema_migrations`. */
  readonly version: number;
  readonly name: string;
  /** One or more `;`-separated statements, run in one transaction. */
  readonly sql: string;
}

/** Records which migrations a database has; created before any migration runs. */
export const MIGRATIONS_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tasks, decisions and card refs',
    sql: `
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  requester_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Leases live beside the task document, never in it, so task writes leave them alone.
  lease_owner TEXT,
  lease_until BIGINT,
  doc TEXT NOT NULL
);
CREATE INDEX tasks_by_created ON tasks (created_at, id);
CREATE INDEX tasks_by_requester ON tasks (requester_id, created_at);
CREATE INDEX tasks_by_conversation ON tasks (conversation_id, created_at);
CREATE INDEX tasks_by_status ON tasks (status, updated_at);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  -- Order of arrival within a task, assigned by the store (not a rowid, which PostgreSQL lacks).
  seq INTEGER NOT NULL,
  doc TEXT NOT NULL,
  UNIQUE (task_id, seq)
);

CREATE TABLE card_refs (
  task_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  PRIMARY KEY (task_id, kind)
);
`,
  },
  {
    version: 2,
    name: 'model usage ledger for budgets',
    sql: `
-- One row per model usage record; entry_id makes recording idempotent (ON CONFLICT DO NOTHING).
-- The at column holds a canonical ISO-8601 UTC instant, so comparing the text compares the times.
CREATE TABLE usage (
  entry_id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  requester_id TEXT NOT NULL,
  tenant_id TEXT,
  at TEXT NOT NULL,
  prompt_tokens BIGINT NOT NULL,
  completion_tokens BIGINT NOT NULL,
  calls BIGINT NOT NULL
);
CREATE INDEX usage_by_requester ON usage (requester_id, at);
CREATE INDEX usage_by_tenant ON usage (tenant_id, at);
-- Budgets over everyone (no requester or tenant) read a time range only.
CREATE INDEX usage_by_at ON usage (at);
`,
  },
  {
    version: 3,
    name: 'tamper-evident audit ledger',
    sql: `
-- One hash-chained chain for the whole store: seq is global and gapless, assigned by the store
-- (the last seq + 1, read in the same write transaction), never by an identity column.
-- payload holds the canonical JSON text that was hashed.
CREATE TABLE ledger (
  seq BIGINT PRIMARY KEY,
  task_id TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX ledger_by_task ON ledger (task_id, seq);
`,
  },
  {
    version: 4,
    name: 'checkpoint timers and channel approvers',
    sql: `
-- When a waiting checkpoint's next reminder, escalation or expiry is due (epoch ms), derived from
-- the task document on every write; NULL when the task waits for nothing timed.
ALTER TABLE tasks ADD COLUMN timer_due BIGINT;
CREATE INDEX tasks_by_timer ON tasks (timer_due);

-- Approvers a channel (or group chat) designates with the approvers command, one row per scope.
-- version is a compare-and-set counter like a task's.
CREATE TABLE scope_approvers (
  scope_key TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
`,
  },
  {
    version: 5,
    name: 'signed ledger heads, quota reservations and rate-limit buckets',
    sql: `
-- Signed chain heads: the newest head and periodic checkpoints. The key that signs them is
-- never in this database, so rewriting or appending to the ledger cannot produce a valid seal.
CREATE TABLE ledger_seals (
  seq BIGINT PRIMARY KEY,
  hash TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);

-- Units taken from counted allowances (tasks per person per day): one row per holder, counted
-- and inserted under one write lock so that concurrent reservations never overrun the limit.
CREATE TABLE quota_units (
  quota_key TEXT NOT NULL,
  holder TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (quota_key, holder)
);

-- Token buckets for rate limits: tokens left as of updated_ms (epoch milliseconds).
CREATE TABLE rate_buckets (
  bucket_key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_ms BIGINT NOT NULL
);
`,
  },
  {
    version: 6,
    name: 'find leases their worker never released',
    sql: `
-- Leases still held (few at any time), by expiry: a worker that died between storing a
-- transition and showing it left one behind, and another worker finishes the job.
CREATE INDEX tasks_by_lease ON tasks (lease_until) WHERE lease_owner IS NOT NULL;
`,
  },
  {
    version: 7,
    name: 'planning outside the Teams turn; inbound activities seen',
    sql: `
-- 1 while a task's plan is still to be made: workers claim it like a running task, under a lease.
ALTER TABLE tasks ADD COLUMN plan_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tasks_by_plan_pending ON tasks (plan_pending) WHERE plan_pending = 1;

-- Teams activities (messages, invokes) already taken in, by channel, conversation and activity
-- id: a redelivered activity finds its row and is not handled twice, on any instance.
CREATE TABLE inbound_activities (
  activity_key TEXT PRIMARY KEY,
  seen_at TEXT NOT NULL
);
CREATE INDEX inbound_activities_by_seen ON inbound_activities (seen_at);
`,
  },
  {
    version: 8,
    name: 'schedules and their claimed occurrences',
    sql: `
-- Recurring work: one document per schedule, with the columns lists and the due scan need.
-- next_run_at (epoch ms) is set only while the schedule is active.
CREATE TABLE schedules (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  next_run_at BIGINT,
  doc TEXT NOT NULL
);
CREATE INDEX schedules_by_due ON schedules (next_run_at) WHERE next_run_at IS NOT NULL;
CREATE INDEX schedules_by_owner ON schedules (owner_id, created_at);
CREATE INDEX schedules_by_conversation ON schedules (conversation_id, created_at);

-- Who may approve a schedule besides its owner, rewritten with every schedule write (for "schedules I approve").
CREATE TABLE schedule_approvers (
  schedule_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  PRIMARY KEY (schedule_id, person_id)
);
CREATE INDEX schedule_approvers_by_person ON schedule_approvers (person_id);

-- One row per occurrence ever claimed: the primary key makes an occurrence fire once across
-- instances and restarts. state is claimed (lease held while its task is created) or done.
CREATE TABLE schedule_occurrences (
  schedule_id TEXT NOT NULL,
  occurrence TEXT NOT NULL,
  task_id TEXT NOT NULL,
  state TEXT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  PRIMARY KEY (schedule_id, occurrence)
);
`,
  },
  {
    version: 9,
    name: 'who a task involves and its title, for the Tasks tab',
    sql: `
-- The people a task involves (requester, owner, approvers, followers), as " id1 id2 " so that
-- LIKE '% id %' finds a person's tasks without reading documents; and the title, for search.
-- Both are derived from the document on every write, like timer_due. Rows written before this
-- migration name their requester only, until their next write.
ALTER TABLE tasks ADD COLUMN people TEXT;
ALTER TABLE tasks ADD COLUMN title TEXT;
UPDATE tasks SET people = ' ' || requester_id || ' ';
`,
  },
  {
    version: 10,
    name: 'one row per step, so a step transition writes that step only; runnable tasks in claim order',
    sql: `
-- A task's steps, one document each, by position in its plan; the task row's document keeps the
-- rest with an empty step list (src/store/task-docs.ts). A task written before this migration
-- still holds its steps in its document; its next write moves them here.
CREATE TABLE task_steps (
  task_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (task_id, idx)
);

-- Runnable tasks (running, or waiting for their plan) in claim order: a claim reads the oldest
-- few instead of gathering every running task and sorting them, so its cost does not grow with
-- the number of tasks (tasks_by_status and tasks_by_plan_pending together could not give the order).
CREATE INDEX tasks_runnable ON tasks (updated_at, id) WHERE status = 'running' OR plan_pending = 1;
`,
  },
];
