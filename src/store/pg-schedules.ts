import type pg from 'pg';
import { pgTransaction } from './pg-transaction';
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

/**
 * Schedules in PostgreSQL, shared by every instance. An occurrence is claimed by one upsert on
 * its primary key (schedule id, occurrence): the insert wins once, and a takeover only applies
 * to a claim whose lease expired before it was finished, so two instances never both fire it.
 */
export class PgSchedules {
  constructor(private readonly pool: pg.Pool) {}

  async create(schedule: Schedule): Promise<void> {
    const row = encodeSchedule(schedule);
    const inserted = await this.transaction(async (client) => {
      const result = await client.query(
        `INSERT INTO schedules (id, status, owner_id, conversation_id, version, created_at, next_run_at, doc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [row.id, row.status, row.ownerId, row.conversationId, row.version, row.createdAt, row.nextRunAt, row.doc],
      );
      if (result.rowCount === 1) await writeApprovers(client, row);
      return result.rowCount === 1;
    });
    if (!inserted) throw new ConflictError(`schedule ${row.id}`);
  }

  async get(id: string): Promise<Schedule | undefined> {
    const { rows } = await this.pool.query<DocRow>('SELECT id, doc FROM schedules WHERE id = $1', [id]);
    const row = rows[0];
    return row ? decodeSchedule(row.id, row.doc) : undefined;
  }

  async update(schedule: Schedule, expectedVersion: number): Promise<boolean> {
    checkNextVersion(schedule, expectedVersion);
    const row = encodeSchedule(schedule);
    return this.transaction(async (client) => {
      const result = await client.query(
        `UPDATE schedules SET status = $2, owner_id = $3, conversation_id = $4, version = $5, created_at = $6,
           next_run_at = $7, doc = $8 WHERE id = $1 AND version = $9`,
        [
          row.id,
          row.status,
          row.ownerId,
          row.conversationId,
          row.version,
          row.createdAt,
          row.nextRunAt,
          row.doc,
          expectedVersion,
        ],
      );
      if (result.rowCount === 1) await writeApprovers(client, row);
      return result.rowCount === 1;
    });
  }

  async list(query: ScheduleQuery): Promise<Schedule[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const param = (value: string | number): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.conversationId !== undefined) where.push(`conversation_id = ${param(query.conversationId)}`);
    if (query.personId !== undefined) {
      const p = param(query.personId);
      where.push(`(owner_id = ${p} OR id IN (SELECT schedule_id FROM schedule_approvers WHERE person_id = ${p}))`);
    }
    if (query.statuses !== undefined) {
      if (query.statuses.length === 0) return [];
      where.push(`status IN (${query.statuses.map((s) => param(s)).join(', ')})`);
    }
    const limit = param(scheduleListLimit(query.limit));
    const { rows } = await this.pool.query<DocRow>(
      `SELECT id, doc FROM schedules ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at COLLATE "C" DESC, id COLLATE "C" DESC LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => decodeSchedule(r.id, r.doc));
  }

  async due(now: Date, limit: number): Promise<Schedule[]> {
    const { rows } = await this.pool.query<DocRow>(
      `SELECT id, doc FROM schedules WHERE next_run_at IS NOT NULL AND next_run_at <= $1
       ORDER BY next_run_at, id COLLATE "C" LIMIT $2`,
      [now.getTime(), Math.max(1, Math.floor(limit))],
    );
    return rows.map((r) => decodeSchedule(r.id, r.doc));
  }

  async claim(claim: OccurrenceClaim): Promise<OccurrenceClaimed> {
    const { rows } = await this.pool.query<{ task_id: string }>(
      `INSERT INTO schedule_occurrences AS o (schedule_id, occurrence, task_id, state, lease_owner, lease_until)
       VALUES ($1, $2, $3, 'claimed', $4, $5)
       ON CONFLICT (schedule_id, occurrence) DO UPDATE
         SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until
         WHERE o.state = 'claimed' AND (o.lease_until IS NULL OR o.lease_until <= $6)
       RETURNING o.task_id`,
      [
        claim.scheduleId,
        canonicalOccurrence(claim.occurrence),
        claim.taskId,
        claim.owner,
        leaseUntil(claim.now, claim.leaseMs),
        claim.now.getTime(),
      ],
    );
    const row = rows[0];
    if (row) return { claimed: true, taskId: row.task_id };
    const held = await this.pool.query<{ state: string }>(
      'SELECT state FROM schedule_occurrences WHERE schedule_id = $1 AND occurrence = $2',
      [claim.scheduleId, canonicalOccurrence(claim.occurrence)],
    );
    return { claimed: false, done: held.rows[0]?.state === 'done' };
  }

  async finish(scheduleId: string, occurrence: string, owner: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE schedule_occurrences SET state = 'done', lease_owner = NULL, lease_until = NULL
       WHERE schedule_id = $1 AND occurrence = $2 AND state = 'claimed' AND lease_owner = $3`,
      [scheduleId, canonicalOccurrence(occurrence), owner],
    );
    return result.rowCount === 1;
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return pgTransaction(this.pool, work);
  }
}

async function writeApprovers(client: pg.PoolClient, row: ScheduleRow): Promise<void> {
  await client.query('DELETE FROM schedule_approvers WHERE schedule_id = $1', [row.id]);
  for (const person of row.approvers)
    await client.query('INSERT INTO schedule_approvers (schedule_id, person_id) VALUES ($1, $2)', [row.id, person]);
}
