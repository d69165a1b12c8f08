import { z } from 'zod';
import { tokenUsage, type TokenUsage } from '../engine/model';
import type { UsageEntry } from '../engine/ports';
import { PersistedDataError, describeIssues } from '../engine/upgrade';

/**
 * Usage records and time bounds as every adapter stores and compares them. Instants are kept
 * in one canonical form (`Date#toISOString`, UTC, milliseconds) so that comparing the stored
 * strings, as SQL does on the TEXT columns, orders them by time whatever offset a caller used.
 */

/** An ISO-8601 date-time with `Z` or an offset; a calendar-checked instant. */
const isoInstant = z.iso.datetime({ offset: true });

const usageEntry = z.object({
  entryId: z.string().min(1),
  taskId: z.string().min(1),
  requesterId: z.string().min(1),
  tenantId: z.string().min(1).optional(),
  at: isoInstant,
  usage: tokenUsage,
});

/** A usage entry as stored: validated, with `at` canonical and no tenant as `null`. */
export interface UsageRow {
  readonly entryId: string;
  readonly taskId: string;
  readonly requesterId: string;
  readonly tenantId: string | null;
  readonly at: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly calls: number;
}

/** Validate a usage entry and turn it into its row; refuses (and names) an invalid entry. */
export function encodeUsage(entry: UsageEntry): UsageRow {
  const parsed = usageEntry.safeParse(entry);
  if (!parsed.success) {
    // Issue paths and zod's messages only: ids are safe to log, values are not echoed.
    throw new PersistedDataError(
      `refusing to record invalid usage entry ${String(entry?.entryId)}: ${describeIssues(parsed.error)}`,
    );
  }
  const e = parsed.data;
  return {
    entryId: e.entryId,
    taskId: e.taskId,
    requesterId: e.requesterId,
    tenantId: e.tenantId ?? null,
    at: canonicalInstant(e.at, 'usage entry time'),
    promptTokens: e.usage.promptTokens,
    completionTokens: e.usage.completionTokens,
    calls: e.usage.calls,
  };
}

/**
 * The canonical form of an ISO-8601 instant given as a query bound (`since`, `createdAfter`),
 * so that it compares correctly with stored times. Throws a RangeError for anything else: a
 * bound that is not an instant is a caller's bug, and silently matching nothing would hide it.
 */
export function canonicalInstant(value: string, what: string): string {
  if (!isoInstant.safeParse(value).success) {
    throw new RangeError(`${what} must be an ISO-8601 date-time with a time zone`);
  }
  return new Date(value).toISOString();
}

/** The total of no usage at all: what `usageSince` returns when nothing matches. */
export function noUsage(): TokenUsage {
  return { promptTokens: 0, completionTokens: 0, calls: 0 };
}

/** Sum usage rows (the in-memory adapter; SQL adapters sum in the database). */
export function sumUsage(rows: Iterable<UsageRow>): TokenUsage {
  const total = noUsage();
  for (const row of rows) {
    total.promptTokens += row.promptTokens;
    total.completionTokens += row.completionTokens;
    total.calls += row.calls;
  }
  return total;
}
