import { ConflictError } from '../engine/errors';
import type { OccurrenceClaim, OccurrenceClaimed, ScheduleQuery } from '../engine/ports';
import type { Schedule } from '../engine/schedule-model';
import { leaseHolds, leaseUntil } from './lease';
import {
  canonicalOccurrence,
  checkNextVersion,
  decodeSchedule,
  encodeSchedule,
  scheduleListLimit,
  type ScheduleRow,
} from './schedule-codec';

interface Occurrence {
  taskId: string;
  state: 'claimed' | 'done';
  leaseOwner: string | null;
  leaseUntil: number | null;
}

/** Schedules in process memory, with the SQL adapters' semantics (documents, not shared objects). */
export class MemorySchedules {
  private readonly rows = new Map<string, ScheduleRow>();
  private readonly occurrences = new Map<string, Occurrence>();

  create(schedule: Schedule): void {
    const row = encodeSchedule(schedule);
    if (this.rows.has(row.id)) throw new ConflictError(`schedule ${row.id}`);
    this.rows.set(row.id, row);
  }

  get(id: string): Schedule | undefined {
    const row = this.rows.get(id);
    return row ? decodeSchedule(row.id, row.doc) : undefined;
  }

  update(schedule: Schedule, expectedVersion: number): boolean {
    checkNextVersion(schedule, expectedVersion);
    const row = encodeSchedule(schedule);
    const stored = this.rows.get(row.id);
    if (!stored || stored.version !== expectedVersion) return false;
    this.rows.set(row.id, row);
    return true;
  }

  list(query: ScheduleQuery): Schedule[] {
    const statuses = query.statuses ? new Set<string>(query.statuses) : undefined;
    return [...this.rows.values()]
      .filter(
        (r) =>
          (query.conversationId === undefined || r.conversationId === query.conversationId) &&
          (query.personId === undefined || r.ownerId === query.personId || r.approvers.includes(query.personId)) &&
          (statuses === undefined || statuses.has(r.status)),
      )
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
      .slice(0, scheduleListLimit(query.limit))
      .map((r) => decodeSchedule(r.id, r.doc));
  }

  due(now: Date, limit: number): Schedule[] {
    return [...this.rows.values()]
      .filter((r) => r.nextRunAt !== null && r.nextRunAt <= now.getTime())
      .sort((a, b) => (a.nextRunAt ?? 0) - (b.nextRunAt ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, Math.max(1, limit))
      .map((r) => decodeSchedule(r.id, r.doc));
  }

  claim(claim: OccurrenceClaim): OccurrenceClaimed {
    const key = `${claim.scheduleId}\u0000${canonicalOccurrence(claim.occurrence)}`;
    const until = leaseUntil(claim.now, claim.leaseMs);
    const held = this.occurrences.get(key);
    if (!held) {
      this.occurrences.set(key, { taskId: claim.taskId, state: 'claimed', leaseOwner: claim.owner, leaseUntil: until });
      return { claimed: true, taskId: claim.taskId };
    }
    if (held.state === 'done') return { claimed: false, done: true };
    if (leaseHolds(held.leaseUntil, claim.now)) return { claimed: false, done: false };
    held.leaseOwner = claim.owner;
    held.leaseUntil = until;
    return { claimed: true, taskId: held.taskId };
  }

  finish(scheduleId: string, occurrence: string, owner: string): boolean {
    const held = this.occurrences.get(`${scheduleId}\u0000${canonicalOccurrence(occurrence)}`);
    if (!held || held.state !== 'claimed' || held.leaseOwner !== owner) return false;
    held.state = 'done';
    held.leaseOwner = null;
    held.leaseUntil = null;
    return true;
  }
}
