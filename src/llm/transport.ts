import type { LlmLogger } from './logger';
import { retryAfterFromHeaders } from '../retry';

/** The header that ties the attempts of one `complete()` together (Azure echoes it back). */
export const CLIENT_REQUEST_ID_HEADER = 'x-ms-client-request-id';

/** What happened to one call's attempts, filled in by {@link observingFetch}. */
export interface CallTrace {
  attempts: number;
  /**
   * How the last attempt's fetch itself failed, if it did. An abort that was neither the
   * caller's nor our deadline is the SDK's per-attempt timeout: the SDK says so too, but only
   * when the error comes from its own realm (not so under jest), so we keep our own record.
   */
  lastFetchFailure?: 'aborted' | 'network';
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of {@link observingFetch}. */
export interface ObservingFetchOptions {
  readonly traces: ReadonlyMap<string, CallTrace>;
  /** A Retry-After longer than this is not waited for: the SDK is told not to retry. */
  readonly maxRetryAfterMs: number;
  readonly logger: LlmLogger;
  readonly fetch?: Fetch;
}

/**
 * The `fetch` given to the SDK. It counts attempts per call and logs failed ones (status and
 * wait only), and stops the SDK from retrying when the service asks for a longer wait than we
 * allow: the SDK would otherwise fall back to a short backoff past 60 s, retrying too early.
 * `x-should-retry: false` is the SDK's own switch for that.
 */
export function observingFetch(options: ObservingFetchOptions): Fetch {
  const inner = options.fetch ?? globalThis.fetch;
  return async (input, init) => {
    const clientRequestId = new Headers(init?.headers).get(CLIENT_REQUEST_ID_HEADER) ?? undefined;
    const trace = clientRequestId === undefined ? undefined : options.traces.get(clientRequestId);
    if (trace) trace.attempts += 1;
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      if (trace)
        trace.lastFetchFailure = (error as { name?: unknown } | null)?.name === 'AbortError' ? 'aborted' : 'network';
      throw error;
    }
    if (trace) delete trace.lastFetchFailure;
    if (response.ok) return response;
    const wait = retryAfterFromHeaders(response.headers);
    const tooLong = wait !== undefined && wait > options.maxRetryAfterMs;
    options.logger.debug(
      {
        clientRequestId,
        attempt: trace?.attempts,
        status: response.status,
        retryAfterMs: wait,
        waitTooLong: tooLong || undefined,
      },
      'llm attempt failed',
    );
    if (!tooLong) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
