import { step as stepSchema, task as taskSchema, type Task } from '../engine/model';
import { PersistedDataError, describeIssues, loadTask } from '../engine/upgrade';
import { taskRow, type TaskRow } from './codec';

/**
 * A task as the stores keep it since migration 10: a head document (the task with `plan.steps`
 * empty) in the `tasks` row, and one document per step in `task_steps`. A step transition
 * validates and writes the head and the steps that changed, not the whole plan; and a task just
 * read or written is kept decoded (see {@link DecodedTasks}), so reading it again costs one
 * comparison of its head instead of parsing and validating every step. Engine overhead per step
 * then stays flat in plan length (`npm run bench -- --only=engine`).
 *
 * A head whose `plan.steps` is not empty is a task written before migration 10 (or by a tool
 * that writes whole documents): its steps are read from the head, and its next write moves
 * them into step rows.
 */

/** A task as read from or written to storage: its head document's text and the decoded, frozen task. */
export interface StoredTask {
  /** The head document exactly as stored; a row whose head differs holds another version of the task. */
  readonly head: string;
  /** Deep-frozen: handed to every reader as is, so nobody can change what the store holds. */
  readonly task: Task;
  /** The steps are in step rows (false: a whole document from before migration 10). */
  readonly inRows: boolean;
}

/** What a write stores: the row's columns (`doc` is the head), the step documents that changed, and the result. */
export interface TaskWrite {
  readonly row: TaskRow;
  /** [index, document] of each step to insert or replace. */
  readonly steps: ReadonlyArray<readonly [number, string]>;
  /** How many steps the plan has: step rows at or beyond this index are deleted. */
  readonly stepCount: number;
  /** To remember once the write succeeded. */
  readonly stored: StoredTask;
}

/**
 * Validate and encode a task write. With `previous` (what the store holds at the version being
 * replaced), a step that is the very same object as the previous one at its index is known to
 * be valid and stored already: only the others are validated and written.
 */
export function encodeTaskWrite(task: Task, previous?: StoredTask): TaskWrite {
  const head = taskSchema.safeParse({ ...task, plan: { ...task.plan, steps: [] } });
  if (!head.success) refuse(task, describeIssues(head.error));
  if (!Array.isArray(task.plan.steps)) refuse(task, 'plan.steps: expected array');
  const before =
    previous?.inRows &&
    previous.task.plan.version === task.plan.version &&
    previous.task.plan.steps.length === task.plan.steps.length
      ? previous.task.plan.steps
      : undefined;
  const steps: [number, string][] = [];
  const kept: Task['plan']['steps'] = [];
  task.plan.steps.forEach((step, index) => {
    const same = before?.[index];
    if (same !== undefined && same === step) {
      kept.push(same);
      return;
    }
    const parsed = stepSchema.safeParse(step);
    if (!parsed.success) refuse(task, prefixIssues(`plan.steps.${index}`, describeIssues(parsed.error)));
    const doc = JSON.stringify(parsed.data);
    steps.push([index, doc]);
    kept.push(JSON.parse(doc) as Task['plan']['steps'][number]);
  });
  const headDoc = JSON.stringify(head.data);
  const fresh = JSON.parse(headDoc) as Task;
  const stored: StoredTask = {
    head: headDoc,
    task: deepFreeze({ ...fresh, plan: { ...fresh.plan, steps: kept } }),
    inRows: true,
  };
  return { row: taskRow(stored.task, headDoc), steps, stepCount: kept.length, stored };
}

/**
 * Decode a stored task: its head document and its step documents as one JSON array text (the
 * store aggregates the step rows in index order). Goes through `loadTask`, so older shapes are
 * upgraded and bad rows are refused loudly, naming the task.
 */
export function decodeStoredTask(id: string, head: string, steps: string | null): StoredTask {
  const raw = parseJson(head, `task ${id}`);
  const plan = isObject(raw) && isObject(raw.plan) ? raw.plan : undefined;
  const headSteps = plan?.steps;
  const inRows = !(Array.isArray(headSteps) && headSteps.length > 0);
  const doc =
    inRows && plan && isObject(raw)
      ? { ...raw, plan: { ...plan, steps: steps === null ? [] : parseJson(steps, `the steps of task ${id}`) } }
      : raw;
  const task = loadTask(doc, `task ${id}`);
  if (task.id !== id) throw new PersistedDataError(`task row ${id} holds a document for task ${task.id}`);
  return { head, task: deepFreeze(task), inRows };
}

/**
 * Tasks recently read or written, decoded, by id: bounded, least recently used first out. An
 * entry counts only while the stored head is still the same text (every write changes the
 * head's version), so another instance's write is never missed.
 */
export class DecodedTasks {
  private readonly entries = new Map<string, StoredTask>();

  constructor(private readonly capacity = 256) {}

  /** The entry for `id`, if any (whether it is current is for the caller to check against the row). */
  peek(id: string): StoredTask | undefined {
    return this.entries.get(id);
  }

  /** The decoded task if `head` is what was remembered for it; refreshes its place. */
  match(id: string, head: string): Task | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.head !== head) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.task;
  }

  remember(id: string, stored: StoredTask): void {
    this.entries.delete(id);
    this.entries.set(id, stored);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Decode a row (head and aggregated steps), or take it from memory when its head is unchanged. */
  resolve(id: string, head: string, steps: string | null): Task {
    const known = this.match(id, head);
    if (known) return known;
    const stored = decodeStoredTask(id, head, steps);
    this.remember(id, stored);
    return stored.task;
  }
}

/** Freeze a JSON value and everything in it; parts already frozen (shared with an earlier version) are skipped. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

function refuse(task: Task, issues: string): never {
  throw new PersistedDataError(`refusing to store invalid task ${String(task?.id)}: ${issues}`);
}

function prefixIssues(prefix: string, issues: string): string {
  return issues
    .split('; ')
    .map((issue) => (issue.startsWith('(root)') ? `${prefix}${issue.slice(6)}` : `${prefix}.${issue}`))
    .join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(doc: string, where: string): unknown {
  try {
    return JSON.parse(doc) as unknown;
  } catch (error) {
    throw new PersistedDataError(`${where} is not valid JSON`, { cause: error });
  }
}
