import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, requestUrl, setHeader } from '../call-state';
import { reportGraphRequest } from '../trace';
import type { GraphLogger } from '../types';

/**
 * Sends our `client-request-id` with every attempt and captures Graph's `request-id`, the two
 * ids Microsoft support asks for. Logs method, path (never the query: it can hold search
 * words), status and duration; never headers or bodies. Each attempt is also reported to
 * the enclosing `traceGraphRequests` scopes, if any (the ledger, the benchmark).
 */
export class TelemetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly logger: GraphLogger) {}

  async execute(context: Context): Promise<void> {
    const state = callStateOf(context);
    state.attempts += 1;
    setHeader(context, 'client-request-id', state.clientRequestId);
    const path = new URL(requestUrl(context)).pathname;
    const started = Date.now();
    const base = { method: state.method, path, attempt: state.attempts, clientRequestId: state.clientRequestId };
    try {
      await this.next?.execute(context);
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      const ms = Date.now() - started;
      this.logger.warn({ ...base, ms, error: name }, 'graph request failed without a response');
      reportGraphRequest({ ...base, status: 0, requestId: undefined, durationMs: ms, startedAt: started });
      throw error;
    }
    const response = context.response;
    state.requestId = response?.headers.get('request-id') ?? state.requestId;
    reportGraphRequest({
      ...base,
      status: response?.status ?? 0,
      requestId: response?.headers.get('request-id') ?? undefined,
      durationMs: Date.now() - started,
      startedAt: started,
    });
    this.logger.debug(
      { ...base, status: response?.status, ms: Date.now() - started, requestId: state.requestId },
      'graph request',
    );
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
