import { z } from 'zod';
import type { LedgerSeal, QuotaRequest, TokenRequest, TokenTaken } from '../engine/ports';
import { canonicalInstant } from './usage';

/**
 * What every adapter computes the same way for quotas, token buckets and ledger seals; the
 * adapters only differ in how they make the read and the write one atomic step.
 */

const quotaRequest = z.object({
  key: z.string().min(1).max(500),
  limit: z.number().int().nonnegative(),
  holder: z.string().min(1).max(200),
  at: z.string(),
});

/** A quota request, validated, with its time canonical. */
export function quotaRow(request: QuotaRequest): QuotaRequest {
  const parsed = quotaRequest.parse(request);
  return { ...parsed, at: canonicalInstant(parsed.at, 'quota time') };
}

const tokenRequest = z.object({
  key: z.string().min(1).max(500),
  capacity: z.number().positive().finite(),
  refillPerSecond: z.number().positive().finite(),
  now: z.date(),
});

/** A bucket as stored: tokens left as of `updatedMs`. */
export interface Bucket {
  readonly tokens: number;
  readonly updatedMs: number;
}

/**
 * Take a token from `stored` (undefined: a new, full bucket). Time never runs backwards for a
 * bucket: a caller whose clock is behind the last writer's refills nothing, rather than
 * taking tokens the bucket does not have.
 */
export function takeFrom(stored: Bucket | undefined, request: TokenRequest): { bucket: Bucket; taken: TokenTaken } {
  const r = tokenRequest.parse(request);
  const nowMs = r.now.getTime();
  const updatedMs = Math.max(stored?.updatedMs ?? nowMs, nowMs);
  const elapsed = Math.max(0, nowMs - (stored?.updatedMs ?? nowMs));
  const tokens = Math.min(r.capacity, (stored?.tokens ?? r.capacity) + (elapsed / 1000) * r.refillPerSecond);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedMs }, taken: { ok: true } };
  const retryAfterMs = Math.ceil(((1 - tokens) / r.refillPerSecond) * 1000);
  return { bucket: { tokens, updatedMs }, taken: { ok: false, retryAfterMs } };
}

const sealSchema = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().min(1).max(100),
  signature: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

/** A ledger seal as a row of `ledger_seals`. */
export interface SealRow {
  readonly seq: number;
  readonly hash: string;
  readonly key_id: string;
  readonly signature: string;
}

export function encodeSeal(seal: LedgerSeal): SealRow {
  const s = sealSchema.parse(seal);
  return { seq: s.seq, hash: s.hash, key_id: s.keyId, signature: s.signature };
}

/** A stored seal; a row edited into something that is not a seal reads as one that cannot verify. */
export function decodeSeal(row: SealRow): LedgerSeal {
  return { seq: Number(row.seq), hash: String(row.hash), keyId: String(row.key_id), signature: String(row.signature) };
}
