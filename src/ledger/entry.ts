import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LedgerAppend, LedgerEntry, LedgerEventType } from '../engine/ports';
import { canonicalJson } from './canonical-json';

export type { LedgerAppend, LedgerEntry, LedgerEventType };

/** Every ledger event type, in the order of a task's life. */
export const LEDGER_EVENT_TYPES = [
  'task_created',
  'plan_version',
  'policy_decision',
  'card_shown',
  'decision',
  'graph_request',
  'step_result',
  'error',
  'task_status',
  'schedule',
] as const satisfies readonly LedgerEventType[];

/** The `prevHash` of entry 1: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/** A ledger entry before the store places it in the chain. */
export const ledgerAppendSchema = z.object({
  taskId: z.string().min(1),
  type: z.enum(LEDGER_EVENT_TYPES),
  actor: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.json()),
});

/** A recorded ledger entry, as read back from storage. */
export const ledgerEntrySchema = ledgerAppendSchema.extend({
  seq: z.number().int().positive(),
  prevHash: hex64,
  hash: hex64,
});

/**
 * The SHA-256 (hex) of an entry: over the canonical JSON of exactly
 * `{seq, taskId, type, actor, at, payload, prevHash}`, so that changing any of them, or the
 * link to the entry before, changes the hash.
 */
export function computeHash(entry: Omit<LedgerEntry, 'hash'>): string {
  const { seq, taskId, type, actor, at, payload, prevHash } = entry;
  return createHash('sha256')
    .update(canonicalJson({ seq, taskId, type, actor, at, payload, prevHash }), 'utf8')
    .digest('hex');
}

/**
 * The entry that follows `previous` (undefined: the ledger is empty). `append` must already be
 * validated and normalised (see the store's ledger codec).
 */
export function chainEntry(
  previous: { readonly seq: number; readonly hash: string } | undefined,
  append: LedgerAppend,
): LedgerEntry {
  const unsealed = {
    seq: (previous?.seq ?? 0) + 1,
    taskId: append.taskId,
    type: append.type,
    actor: append.actor,
    at: append.at,
    payload: append.payload,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: computeHash(unsealed) };
}
