import type Database from 'better-sqlite3';
import type { TaskRow } from './codec';
import type { LedgerRow } from './ledger-codec';
import type { SealRow } from './limits';
import type { UsageRow } from './usage';

interface DocRow {
  id: string;
  doc: string;
}

/** A task row: its head document and its step documents as one JSON array text (null when not fetched). */
export interface TaskDocRow {
  id: string;
  doc: string;
  steps: string | null;
}

/** A task's step documents, in plan order, as one JSON array text. */
const STEPS_OF_T = `(SELECT '[' || coalesce(group_concat(s.doc, ',' ORDER BY s.idx), '') || ']'
  FROM task_steps s WHERE s.task_id = t.id)`;

/** The columns every task read selects from `tasks t`. */
export const TASK_COLUMNS = `t.id, t.doc, ${STEPS_OF_T} AS steps`;

/** The SQLite task store's prepared statements, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    insertTask: db.prepare<[TaskRow]>(
      `INSERT INTO tasks (id, status, requester_id, conversation_id, version, created_at, updated_at, timer_due, people, title, plan_pending, doc)
       VALUES (@id, @status, @requesterId, @conversationId, @version, @createdAt, @updatedAt, @timerDue, @people, @title, @planPending, @doc)
       ON CONFLICT (id) DO NOTHING`,
    ),
    // The steps only when the version is not the one the caller holds decoded (the second parameter).
    getTask: db.prepare<[number, string], TaskDocRow>(
      `SELECT t.id, t.doc, CASE WHEN t.version = ? THEN NULL ELSE ${STEPS_OF_T} END AS steps FROM tasks t WHERE t.id = ?`,
    ),
    upsertStep: db.prepare<[string, number, string]>(
      `INSERT INTO task_steps (task_id, idx, doc) VALUES (?, ?, ?)
       ON CONFLICT (task_id, idx) DO UPDATE SET doc = excluded.doc`,
    ),
    deleteStepsFrom: db.prepare<[string, number]>('DELETE FROM task_steps WHERE task_id = ? AND idx >= ?'),
    // Lease columns are deliberately not touched: a task write must not drop a worker's lease.
    updateTask: db.prepare<[TaskRow & { expected: number }]>(
      `UPDATE tasks SET status = @status, requester_id = @requesterId, conversation_id = @conversationId,
         version = @version, created_at = @createdAt, updated_at = @updatedAt, timer_due = @timerDue,
         people = @people, title = @title, plan_pending = @planPending, doc = @doc
       WHERE id = @id AND version = @expected`,
    ),
    // INDEXED BY: left to itself SQLite ORs two indexes and sorts every running task (issue 11's growth bench).
    pickRunnable: db.prepare<[number], TaskDocRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks t INDEXED BY tasks_runnable
       WHERE (status = 'running' OR plan_pending = 1) AND (lease_until IS NULL OR lease_until <= ?)
       ORDER BY updated_at, id LIMIT 1`,
    ),
    pickOrphaned: db.prepare<[number], TaskDocRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks t
       WHERE lease_owner IS NOT NULL AND lease_until <= ? AND status <> 'running' AND plan_pending = 0
       ORDER BY lease_until, id LIMIT 1`,
    ),
    pickDueTimers: db.prepare<[number, number], TaskDocRow>(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE timer_due IS NOT NULL AND timer_due <= ? ORDER BY timer_due, id LIMIT ?`,
    ),
    getScopeApprovers: db.prepare<[string], { version: number; doc: string }>(
      'SELECT version, doc FROM scope_approvers WHERE scope_key = ?',
    ),
    insertScopeApprovers: db.prepare<[string, string]>(
      'INSERT INTO scope_approvers (scope_key, version, doc) VALUES (?, 1, ?) ON CONFLICT (scope_key) DO NOTHING',
    ),
    updateScopeApprovers: db.prepare<[string, string, number]>(
      'UPDATE scope_approvers SET version = version + 1, doc = ? WHERE scope_key = ? AND version = ?',
    ),
    setLease: db.prepare<[string, number, string]>('UPDATE tasks SET lease_owner = ?, lease_until = ? WHERE id = ?'),
    renewLease: db.prepare<[number, string, string, number]>(
      'UPDATE tasks SET lease_until = ? WHERE id = ? AND lease_owner = ? AND lease_until > ?',
    ),
    releaseLease: db.prepare<[string, string]>(
      'UPDATE tasks SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
    ),
    hasDecision: db.prepare<[string], { id: string }>('SELECT id FROM decisions WHERE id = ?'),
    lastDecisionSeq: db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM decisions WHERE task_id = ?',
    ),
    insertDecision: db.prepare<[string, string, number, string]>(
      'INSERT INTO decisions (id, task_id, seq, doc) VALUES (?, ?, ?, ?)',
    ),
    listDecisions: db.prepare<[string], DocRow>('SELECT id, doc FROM decisions WHERE task_id = ? ORDER BY seq'),
    upsertCardRef: db.prepare<[string, string, string]>(
      `INSERT INTO card_refs (task_id, kind, activity_id) VALUES (?, ?, ?)
       ON CONFLICT (task_id, kind) DO UPDATE SET activity_id = excluded.activity_id`,
    ),
    getCardRef: db.prepare<[string, string], { activity_id: string }>(
      'SELECT activity_id FROM card_refs WHERE task_id = ? AND kind = ?',
    ),
    insertUsage: db.prepare<[UsageRow]>(
      `INSERT INTO usage (entry_id, task_id, requester_id, tenant_id, at, prompt_tokens, completion_tokens, calls)
       VALUES (@entryId, @taskId, @requesterId, @tenantId, @at, @promptTokens, @completionTokens, @calls)
       ON CONFLICT (entry_id) DO NOTHING`,
    ),
    lastLedger: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1'),
    insertLedger: db.prepare<[LedgerRow]>(
      `INSERT INTO ledger (seq, task_id, type, actor, at, payload, prev_hash, hash)
       VALUES (@seq, @task_id, @type, @actor, @at, @payload, @prev_hash, @hash)`,
    ),
    listLedger: db.prepare<[number, number], LedgerRow>(
      `SELECT seq, task_id, type, actor, at, payload, prev_hash, hash FROM ledger
       WHERE seq > ? ORDER BY seq LIMIT ?`,
    ),
    listTaskLedger: db.prepare<[string, number, number], LedgerRow>(
      `SELECT seq, task_id, type, actor, at, payload, prev_hash, hash FROM ledger
       WHERE task_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    insertSeal: db.prepare<[SealRow]>(
      'INSERT INTO ledger_seals (seq, hash, key_id, signature) VALUES (@seq, @hash, @key_id, @signature)',
    ),
    deleteSeal: db.prepare<[number]>('DELETE FROM ledger_seals WHERE seq = ?'),
    listSeals: db.prepare<[], SealRow>('SELECT seq, hash, key_id, signature FROM ledger_seals ORDER BY seq'),
    countQuota: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM quota_units WHERE quota_key = ?'),
    hasQuota: db.prepare<[string, string], { n: number }>(
      'SELECT 1 AS n FROM quota_units WHERE quota_key = ? AND holder = ?',
    ),
    insertQuota: db.prepare<[string, string, string]>(
      'INSERT INTO quota_units (quota_key, holder, at) VALUES (?, ?, ?)',
    ),
    deleteQuota: db.prepare<[string, string]>('DELETE FROM quota_units WHERE quota_key = ? AND holder = ?'),
    insertInbound: db.prepare<[string, string]>(
      'INSERT INTO inbound_activities (activity_key, seen_at) VALUES (?, ?) ON CONFLICT (activity_key) DO NOTHING',
    ),
    getBucket: db.prepare<[string], { tokens: number; updated_ms: number }>(
      'SELECT tokens, updated_ms FROM rate_buckets WHERE bucket_key = ?',
    ),
    upsertBucket: db.prepare<[string, number, number]>(
      `INSERT INTO rate_buckets (bucket_key, tokens, updated_ms) VALUES (?, ?, ?)
       ON CONFLICT (bucket_key) DO UPDATE SET tokens = excluded.tokens, updated_ms = excluded.updated_ms`,
    ),
    /** Statements whose text varies with the query (listTasks and usageSince filters), prepared once per shape. */
    cached<Row>(sql: string): Database.Statement<unknown[], Row> {
      let statement = cache.get(sql);
      if (!statement) cache.set(sql, (statement = db.prepare(sql)));
      return statement as Database.Statement<unknown[], Row>;
    },
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
