import { decision as decisionSchema, task as taskSchema, type Decision, type Task } from '../engine/model';
import { nextTimerDue } from '../engine/timers';
import { PersistedDataError, describeIssues, loadDecision, loadTask } from '../engine/upgrade';

/**
 * How every adapter turns tasks and decisions into stored documents and back. Both directions
 * go through JSON so that all adapters share one semantics (no shared references, `undefined`
 * fields dropped, only JSON values survive), and every read goes through `loadTask` /
 * `loadDecision` so older shapes are upgraded and bad rows are refused loudly.
 */

/** The indexed columns of a task row, derived from the task itself (leases are not part of it). */
export interface TaskRow {
  readonly id: string;
  readonly status: string;
  readonly requesterId: string;
  readonly conversationId: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the next checkpoint timer is due (epoch ms), or null. */
  readonly timerDue: number | null;
  /** Everyone the task involves (requester, owner, approvers, followers) as " id1 id2 ", for the Tasks tab. */
  readonly people: string;
  readonly title: string;
  /** 1 while the plan is still to be made by a worker (claimed like a running task), else 0. */
  readonly planPending: number;
  /** The task as a JSON document. */
  readonly doc: string;
}

/** Validate a task of the current shape and encode it; refuses to store an invalid task. */
export function encodeTask(task: Task): TaskRow {
  const parsed = taskSchema.safeParse(task);
  if (!parsed.success) {
    throw new PersistedDataError(`refusing to store invalid task ${String(task?.id)}: ${describeIssues(parsed.error)}`);
  }
  return taskRow(parsed.data, JSON.stringify(parsed.data));
}

/** The indexed columns of a task row, derived from the task; `doc` is what the row stores of it. */
export function taskRow(t: Task, doc: string): TaskRow {
  return {
    id: t.id,
    status: t.status,
    requesterId: t.requester.id,
    conversationId: t.scope.conversationId,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    timerDue: nextTimerDue(t) ?? null,
    people: peopleColumn(t),
    title: t.title,
    planPending: t.planPending ? 1 : 0,
    doc,
  };
}

/** The `people` column: each involved person's id between spaces, so `% id %` matches one exactly. */
export function peopleColumn(task: Task): string {
  const ids = new Set([task.requester.id, task.owner, ...task.approvers, ...(task.watchers ?? [])]);
  return ` ${[...ids].filter((id) => id !== '' && !/\s/.test(id)).join(' ')} `;
}

/** A LIKE pattern matching `text` literally anywhere (`\` escapes the wildcards). */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Decode a stored task document; `id` is the row's key, checked against the document. */
export function decodeTask(id: string, doc: string): Task {
  const loaded = loadTask(parseJson(doc, `task ${id}`), `task ${id}`);
  if (loaded.id !== id) throw new PersistedDataError(`task row ${id} holds a document for task ${loaded.id}`);
  return loaded;
}

/** Validate and encode a decision. */
export function encodeDecision(decision: Decision): string {
  const parsed = decisionSchema.safeParse(decision);
  if (!parsed.success) {
    throw new PersistedDataError(
      `refusing to store invalid decision ${String(decision?.id)}: ${describeIssues(parsed.error)}`,
    );
  }
  return JSON.stringify(parsed.data);
}

export function decodeDecision(id: string, doc: string): Decision {
  return loadDecision(parseJson(doc, `decision ${id}`), `decision ${id}`);
}

function parseJson(doc: string, where: string): unknown {
  try {
    return JSON.parse(doc) as unknown;
  } catch (error) {
    throw new PersistedDataError(`${where} is not valid JSON`, { cause: error });
  }
}

/** Default and maximum page sizes of `listTasks` (see TaskQuery). */
export const LIST_DEFAULT_LIMIT = 20;
export const LIST_MAX_LIMIT = 100;

/** The page size to use for a requested limit: default 20, clamped to 1..100. */
export function listLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return LIST_DEFAULT_LIMIT;
  return Math.min(LIST_MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
