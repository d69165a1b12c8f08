import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One HTTP attempt the gateway made: every retry and every `$batch` POST is its own record.
 * Never a query string (it can hold search words or people's names), header, token or body.
 */
export interface GraphRequestRecord {
  readonly method: string;
  /** The URL path, e.g. `/v1.0/users/42/messages` (no query string). */
  readonly path: string;
  /** HTTP status, or 0 when no response arrived (timeout, reset, cancelled). */
  readonly status: number;
  /** Graph's `request-id`, when a response carried one. */
  readonly requestId: string | undefined;
  /** Our `client-request-id`: the same for every attempt of one call. */
  readonly clientRequestId: string;
  /** From sending the request to its response headers (or the failure). */
  readonly durationMs: number;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  readonly attempt: number;
  /** When the attempt started (epoch milliseconds). */
  readonly startedAt: number;
}

/** Receives each {@link GraphRequestRecord} of a traced scope. */
export type GraphRequestListener = (record: GraphRequestRecord) => void;

const listeners = new AsyncLocalStorage<readonly GraphRequestListener[]>();

/**
 * Run `fn` and report every Graph HTTP attempt made inside it (in its async continuations
 * too) to `onRequest`. Scopes nest: an inner trace reports to its own listener and to every
 * enclosing one, so a step's ledger and a benchmark can both count the same requests.
 * A listener that throws is ignored: tracing must never fail a call.
 */
export function traceGraphRequests<T>(fn: () => Promise<T>, onRequest: GraphRequestListener): Promise<T> {
  const outer = listeners.getStore() ?? [];
  return listeners.run([...outer, onRequest], fn);
}

/** Called by the telemetry middleware once per attempt. */
export function reportGraphRequest(record: GraphRequestRecord): void {
  for (const listener of listeners.getStore() ?? []) {
    try {
      listener(record);
    } catch {
      // A broken listener (e.g. a full ledger queue) must not turn a good call into a failure.
    }
  }
}
