import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, requestUrl, setHeader } from '../call-state';
import type { GraphLogger } from '../types';

/**
 * Sends our `client-request-id` with every attempt and captures Graph's `request-id`, the two
 * ids Microsoft support asks for. Logs method, path (never the query: it can hold search
 * words), status and duration; never headers or bodies.
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
      this.logger.warn({ ...base, ms: Date.now() - started, error: name }, 'graph request failed without a response');
      throw error;
    }
    const response = context.response;
    state.requestId = response?.headers.get('request-id') ?? state.requestId;
    this.logger.debug(
      { ...base, status: response?.status, ms: Date.now() - started, requestId: state.requestId },
      'graph request',
    );
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
