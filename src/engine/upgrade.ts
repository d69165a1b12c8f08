import { z } from 'zod';
import { DelegateError } from './errors';
import { TASK_SCHEMA_VERSION, decision, task, type Decision, type Task } from './model';

/**
 * Persisted data that cannot be read back: unknown or newer schema version, or a shape that
 * fails validation. `message` names the record and the problem (for logs); users only ever see
 * the generic `userMessage`.
 */
export class PersistedDataError extends DelegateError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('system', 'persisted_data_invalid', 'Something went wrong on our side.', options);
    this.name = 'PersistedDataError';
    this.message = `persisted_data_invalid: ${detail}`;
  }
}

type Raw = Record<string, unknown>;

/**
 * Upgraders from schema version N (the key) to N + 1. Empty while only version 1 exists; when a
 * shape changes, bump TASK_SCHEMA_VERSION, add `N: (old) => new` here and keep a fixture
 * `test/fixtures/task-vN.json` of the old shape, which must keep loading.
 */
const TASK_UPGRADES: Readonly<Record<number, (old: Raw) => Raw>> = {};

/**
 * Read a persisted task of any known schema version, upgrade it to the current shape and
 * validate it. Throws {@link PersistedDataError} for anything else, never returns bad data.
 * `source` names the record in errors (e.g. "task K7QD2M"); by default its own id is used.
 */
export function loadTask(raw: unknown, source?: string): Task {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PersistedDataError(`${source ?? 'task'} is not a JSON object`);
  }
  let doc = raw as Raw;
  const where = source ?? (typeof doc.id === 'string' ? `task ${doc.id}` : 'task');
  let version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new PersistedDataError(`${where} has no valid schemaVersion (got ${describe(version)})`);
  }
  if (version > TASK_SCHEMA_VERSION) {
    throw new PersistedDataError(
      `${where} has schemaVersion ${version}, newer than this build supports (${TASK_SCHEMA_VERSION}); upgrade Delegate`,
    );
  }
  while (version < TASK_SCHEMA_VERSION) {
    const upgrade = TASK_UPGRADES[version];
    if (!upgrade) throw new PersistedDataError(`${where} has schemaVersion ${version}, which has no upgrade path`);
    doc = { ...upgrade(doc), schemaVersion: version + 1 };
    version += 1;
  }
  const parsed = task.safeParse(doc);
  if (!parsed.success) throw new PersistedDataError(`${where} is invalid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Read a persisted decision. Decisions carry no schemaVersion yet: their only shape is
 * version 1. When one is added, a missing field must keep meaning version 1. `source` as for
 * {@link loadTask}.
 */
export function loadDecision(raw: unknown, source?: string): Decision {
  const parsed = decision.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as Raw).id : undefined;
    const where = source ?? (typeof id === 'string' ? `decision ${id}` : 'decision');
    throw new PersistedDataError(`${where} is invalid: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * A short, log-safe summary of validation issues: paths and zod's messages only, which describe
 * expected types, never the stored values (which may hold message bodies).
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'number' ? String(value) : typeof value;
}
