import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, setHeader } from '../call-state';
import { backoffDelay, parseRetryAfter, retryDelay, sleep } from '../../retry';
import { shouldRetry, type AttemptOutcome } from '../retry-policy';
import type { GraphLogger } from '../types';

/** Bounds of {@link RetryMiddleware}. */
export interface RetrySettings {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  /** Cap of one backoff delay (not of a server's Retry-After). */
  readonly maxBackoffMs: number;
  /** A Retry-After beyond this is not waited for; the response is surfaced as is. */
  readonly maxRetryAfterMs: number;
  readonly logger: GraphLogger;
}

/**
 * Retries by the rules in retry-policy.ts. Written here rather than using the SDK's
 * RetryHandler because that one replays POSTs on 504, cannot see transport failures, counts
 * delays in whole seconds and ignores cancellation while it sleeps.
 * A Retry-After is honoured to the millisecond or longer, never shorter.
 */
export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly settings: RetrySettings) {}

  async execute(context: Context): Promise<void> {
    const state = callStateOf(context);
    const { maxRetries, baseDelayMs, maxBackoffMs, logger } = this.settings;
    for (let retry = 1; ; retry += 1) {
      state.failure = undefined;
      let outcome: AttemptOutcome;
      let delayMs: number;
      try {
        await this.next?.execute(context);
        const response = context.response;
        if (!response) return;
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        state.retryAfterMs = retryAfterMs;
        outcome = { kind: 'response', status: response.status, retryAfterMs };
        // Retry-After is honoured (plus a little jitter, never less); one beyond maxRetryAfterMs is not waited for.
        const wait = retryDelay(retry, retryAfterMs, this.settings);
        if (retry > maxRetries || wait === undefined || !shouldRetry(outcome, state.idempotent)) return;
        await response.body?.cancel();
        delayMs = wait;
      } catch (error) {
        outcome = {
          kind: 'failure',
          failure: state.failure === 'timeout' || state.failure === 'aborted' ? state.failure : 'network',
        };
        if (retry > maxRetries || !shouldRetry(outcome, state.idempotent)) throw error;
        delayMs = backoffDelay(retry, baseDelayMs, maxBackoffMs);
      }
      const why = outcome.kind === 'response' ? { status: outcome.status } : { failure: outcome.failure };
      logger.info(
        { ...why, method: state.method, retry, delayMs, clientRequestId: state.clientRequestId },
        'graph retry',
      );
      await sleep(delayMs, state.signal).catch((error: unknown) => {
        state.failure = 'aborted';
        throw error;
      });
      setHeader(context, 'Retry-Attempt', String(retry));
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
