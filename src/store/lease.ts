/**
 * Lease arithmetic shared by every adapter. Leases are stored as epoch milliseconds; a lease
 * holds while `now < until` and is free from `until` on.
 */
export function leaseUntil(now: Date, leaseMs: number): number {
  const start = now.getTime();
  if (!Number.isFinite(start)) throw new Error('lease start must be a valid date');
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new Error('lease duration must be a positive number of ms');
  return start + Math.ceil(leaseMs);
}

/** Whether a lease ending at `until` (null: none) still holds at `now`. */
export function leaseHolds(until: number | null, now: Date): boolean {
  return until !== null && now.getTime() < until;
}
