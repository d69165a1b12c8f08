/**
 * When the gateway retries, and how long it waits. Pure, so the rules are testable on their own.
 *
 * The rules, by what a failure tells us about whether the request took effect:
 * - 429 Too Many Requests: Graph throttles before doing any work, so every method is retried.
 * - 503 Service Unavailable: reads and idempotent writes are retried; a POST only when the
 *   service sent Retry-After, its explicit "not processed, come back later".
 * - 504 Gateway Timeout, other 5xx, connection resets: the backend may have done the work.
 *   Reads and idempotent writes are retried; a POST is not: it surfaces as an ambiguous error
 *   so the action reconciles (looks for its own effect) before any retry.
 * - Our own timeout: never retried here (the caller's time is spent); ambiguous for a POST.
 * - Caller cancellation: never retried.
 */

/** What one attempt produced, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'failure'; readonly failure: 'timeout' | 'aborted' | 'network' };

/** Whether another attempt is safe and useful. */
export function shouldRetry(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === 'failure') return outcome.failure === 'network' && idempotent;
  const { status } = outcome;
  if (status === 429) return true;
  if (status === 503) return idempotent || outcome.retryAfterMs !== undefined;
  if (status === 504) return idempotent;
  return false;
}

/** Whether a failure leaves it unknown if a non-idempotent request took effect. */
export function isAmbiguous(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (idempotent) return false;
  // Without a response we cannot know whether the server acted on what it received.
  if (outcome.kind === 'failure') return true;
  const { status } = outcome;
  if (status === 429) return false;
  if (status === 503) return outcome.retryAfterMs === undefined;
  return status >= 500;
}
