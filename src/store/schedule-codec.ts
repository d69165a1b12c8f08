import { PersistedDataError, describeIssues } from '../engine/upgrade';
import { schedule as scheduleSchema, type Schedule } from '../engine/schedule-model';
import { listLimit } from './codec';

/** How every adapter stores a schedule: a validated JSON document beside the columns it is found by. */
export interface ScheduleRow {
  readonly id: string;
  readonly status: string;
  readonly ownerId: string;
  readonly conversationId: string;
  readonly version: number;
  readonly createdAt: string;
  /** Epoch ms of the next run while active; null otherwise (not due). */
  readonly nextRunAt: number | null;
  readonly doc: string;
  /** Rows of schedule_approvers: the owner is found by owner_id, so only the others. */
  readonly approvers: readonly string[];
}

/** Validate and encode a schedule; refuses to store an invalid one. */
export function encodeSchedule(schedule: Schedule): ScheduleRow {
  const parsed = scheduleSchema.safeParse(schedule);
  if (!parsed.success) {
    throw new PersistedDataError(
      `refusing to store invalid schedule ${String(schedule?.id)}: ${describeIssues(parsed.error)}`,
    );
  }
  const s = parsed.data;
  return {
    id: s.id,
    status: s.status,
    ownerId: s.owner.id,
    conversationId: s.scope.conversationId,
    version: s.version,
    createdAt: s.createdAt,
    nextRunAt: s.status === 'active' && s.nextRunAt ? Date.parse(s.nextRunAt) : null,
    doc: JSON.stringify(s),
    approvers: [...new Set(s.approvers)].filter((a) => a !== s.owner.id),
  };
}

/** Decode a stored schedule document; `id` is the row's key, checked against the document. */
export function decodeSchedule(id: string, doc: string): Schedule {
  let raw: unknown;
  try {
    raw = JSON.parse(doc);
  } catch (error) {
    throw new PersistedDataError(`schedule ${id} is not valid JSON`, { cause: error });
  }
  const parsed = scheduleSchema.safeParse(raw);
  if (!parsed.success) throw new PersistedDataError(`schedule ${id} is invalid: ${describeIssues(parsed.error)}`);
  if (parsed.data.id !== id) throw new PersistedDataError(`schedule row ${id} holds schedule ${parsed.data.id}`);
  return parsed.data;
}

/** Check a compare-and-set write's version arithmetic (a programming error, not a conflict). */
export function checkNextVersion(schedule: Schedule, expectedVersion: number): void {
  if (schedule.version !== expectedVersion + 1) {
    throw new Error(
      `updateSchedule: schedule ${schedule.id} has version ${schedule.version}, expected ${expectedVersion + 1}`,
    );
  }
}

export { listLimit as scheduleListLimit };

/** An occurrence instant in one canonical form, so every adapter keys the same occurrence alike. */
export function canonicalOccurrence(occurrence: string): string {
  const ms = Date.parse(occurrence);
  if (!Number.isFinite(ms)) throw new Error(`invalid occurrence instant ${occurrence}`);
  return new Date(ms).toISOString();
}
