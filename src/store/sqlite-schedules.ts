import type Database from 'better-sqlite3';
import { ConflictError } from '../engine/errors';
import type { OccurrenceClaim, OccurrenceClaimed, ScheduleQuery } from '../engine/ports';
import type { Schedule } from '../engine/schedule-model';
import { leaseUntil } from './lease';
import {
  canonicalOccurrence,
  checkNextVersion,
  decodeSchedule,
  encodeSchedule,
  scheduleListLimit,
  type ScheduleRow,
} from './schedule-codec';

interface DocRow {
  id: string;
  doc: string;
}

interface OccurrenceRow {
  task_id: string;
  state: string;
  lease_until: number | null;
}

const COLUMNS = 'id, status, owner_id, conversation_id, version, created_at, next_run_at, doc';

/**
 * Schedules in SQLite. Every write takes the write lock up front (IMMEDIATE), so the
 * compare-and-set of a schedule and the claim of an occurrence are atomic across processes
 * sharing the file.
 */
export class SqliteSchedules {
  constructor(private readonly db: Database.Database) {}

  create(schedule: Schedule): void {
    const row = encodeSchedule(schedule);
    const inserted = this.db
      .transaction(() => {
        const changes = this.db
          .prepare(`INSERT INTO schedules (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
          .run(...values(row)).changes;
        if (changes === 1) this.writeApprovers(row);
        return changes;
      })
      .immediate();
    if (inserted === 0) throw new ConflictError(`schedule ${row.id}`);
  }

  get(id: string): Schedule | undefined {
    const row = this.db.prepare<[string], DocRow>('SELECT id, doc FROM schedules WHERE id = ?').get(id);
    return row ? decodeSchedule(row.id, row.doc) : undefined;
  }

  update(schedule: Schedule, expectedVersion: number): boolean {
    checkNextVersion(schedule, expectedVersion);
    const row = encodeSchedule(schedule);
    return this.db
      .transaction(() => {
        const changes = this.db
          .prepare(
            `UPDATE schedules SET status = ?, owner_id = ?, conversation_id = ?, version = ?, created_at = ?,
               next_run_at = ?, doc = ? WHERE id = ? AND version = ?`,
          )
          .run(
            row.status,
            row.ownerId,
            row.conversationId,
            row.version,
            row.createdAt,
            row.nextRunAt,
            row.doc,
            row.id,
            expectedVersion,
          ).changes;
        if (changes === 1) this.writeApprovers(row);
        return changes === 1;
      })
      .immediate();
  }

  private writeApprovers(row: ScheduleRow): void {
    this.db.prepare('DELETE FROM schedule_approvers WHERE schedule_id = ?').run(row.id);
    const insert = this.db.prepare('INSERT INTO schedule_approvers (schedule_id, person_id) VALUES (?, ?)');
    for (const person of row.approvers) insert.run(row.id, person);
  }

  list(query: ScheduleQuery): Schedule[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.conversationId !== undefined) {
      where.push('conversation_id = ?');
      params.push(query.conversationId);
    }
    if (query.personId !== undefined) {
      where.push('(owner_id = ? OR id IN (SELECT schedule_id FROM schedule_approvers WHERE person_id = ?))');
      params.push(query.personId, query.personId);
    }
    if (query.statuses !== undefined) {
      if (query.statuses.length === 0) return [];
      where.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
      params.push(...query.statuses);
    }
    const sql = `SELECT id, doc FROM schedules ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, id DESC LIMIT ?`;
    return this.db
      .prepare<unknown[], DocRow>(sql)
      .all(...params, scheduleListLimit(query.limit))
      .map((r) => decodeSchedule(r.id, r.doc));
  }

  due(now: Date, limit: number): Schedule[] {
    return this.db
      .prepare<[number, number], DocRow>(
        `SELECT id, doc FROM schedules WHERE next_run_at IS NOT NULL AND next_run_at <= ?
         ORDER BY next_run_at, id LIMIT ?`,
      )
      .all(now.getTime(), Math.max(1, Math.floor(limit)))
      .map((r) => decodeSchedule(r.id, r.doc));
  }

  claim(claim: OccurrenceClaim): OccurrenceClaimed {
    const occurrence = canonicalOccurrence(claim.occurrence);
    const until = leaseUntil(claim.now, claim.leaseMs);
    return this.db
      .transaction((): OccurrenceClaimed => {
        const held = this.db
          .prepare<[string, string], OccurrenceRow>(
            'SELECT task_id, state, lease_until FROM schedule_occurrences WHERE schedule_id = ? AND occurrence = ?',
          )
          .get(claim.scheduleId, occurrence);
        if (!held) {
          this.db
            .prepare(
              `INSERT INTO schedule_occurrences (schedule_id, occurrence, task_id, state, lease_owner, lease_until)
               VALUES (?, ?, ?, 'claimed', ?, ?)`,
            )
            .run(claim.scheduleId, occurrence, claim.taskId, claim.owner, until);
          return { claimed: true, taskId: claim.taskId };
        }
        if (held.state === 'done') return { claimed: false, done: true };
        if (held.lease_until !== null && claim.now.getTime() < held.lease_until) return { claimed: false, done: false };
        this.db
          .prepare(
            'UPDATE schedule_occurrences SET lease_owner = ?, lease_until = ? WHERE schedule_id = ? AND occurrence = ?',
          )
          .run(claim.owner, until, claim.scheduleId, occurrence);
        return { claimed: true, taskId: held.task_id };
      })
      .immediate();
  }

  finish(scheduleId: string, occurrence: string, owner: string): boolean {
    const at = canonicalOccurrence(occurrence);
    return this.db
      .transaction(
        () =>
          this.db
            .prepare(
              `UPDATE schedule_occurrences SET state = 'done', lease_owner = NULL, lease_until = NULL
               WHERE schedule_id = ? AND occurrence = ? AND state = 'claimed' AND lease_owner = ?`,
            )
            .run(scheduleId, at, owner).changes === 1,
      )
      .immediate();
  }
}

function values(row: ScheduleRow): unknown[] {
  return [row.id, row.status, row.ownerId, row.conversationId, row.version, row.createdAt, row.nextRunAt, row.doc];
}
