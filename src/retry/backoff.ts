/**
 * Exponential backoff with full jitter on the upper half: `base * 2^(retry-1)` scaled by a
 * random factor in [0.5, 1], capped. `retry` counts from 1.
 */
export function backoffDelay(
  retry: number,
  baseDelayMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(capMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

/** How a caller waits between attempts. */
export interface RetryDelays {
  readonly baseDelayMs: number;
  /** Cap of one backoff delay (not of a server's Retry-After). */
  readonly maxBackoffMs: number;
  /** A Retry-After beyond this is not waited for: the caller gives up instead. */
  readonly maxRetryAfterMs: number;
  readonly random?: () => number;
}

/**
 * The wait before retry number `retry`: the server's Retry-After (never shorter, plus up to
 * 50 ms of jitter to spread a herd) or, when it did not say, capped backoff. Undefined when the
 * server asks for longer than `maxRetryAfterMs`: the caller should not retry.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, delays: RetryDelays): number | undefined {
  const random = delays.random ?? Math.random;
  if (retryAfterMs === undefined) return backoffDelay(retry, delays.baseDelayMs, delays.maxBackoffMs, random);
  if (retryAfterMs > delays.maxRetryAfterMs) return undefined;
  return retryAfterMs + Math.round(random() * 50);
}
