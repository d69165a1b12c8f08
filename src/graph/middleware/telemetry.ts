import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, requestUrl, setHeader } from '../call-state';
import { reportGraphRequest } from '../trace';
import type { GraphLogger } from '../types';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { instruments } from '../../telemetry/instruments';
import { inSpan } from '../../telemetry/spans';

/**
 * Sends our `client-request-id` with every attempt and captures Graph's `request-id`, the two
 * ids Microsoft support asks for. Logs method, path (never the query: it can hold search
 * words), status and duration; never headers or bodies. Each attempt is also reported to
 * the enclosing `traceGraphRequests` scopes, if any (the ledger, the benchmark), and is a span
 * of its own under the step or turn that made it (OpenTelemetry; a no-op when telemetry is off),
 * with retries and throttling counted.
 */
export class TelemetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly logger: GraphLogger) {}

  async execute(context: Context): Promise<void> {
    const state = callStateOf(context);
    state.attempts += 1;
    setHeader(context, 'client-request-id', state.clientRequestId);
    const path = new URL(requestUrl(context)).pathname;
    const attributes = {
      'http.request.method': state.method,
      'url.path': path,
      'graph.client_request_id': state.clientRequestId,
      'http.request.resend_count': state.attempts - 1,
    };
    if (state.attempts > 1) instruments().graphRetries.add(1, { 'http.request.method': state.method });
    await inSpan(`graph ${state.method}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      await this.attempt(context, path);
      const response = context.response;
      const status = response?.status ?? 0;
      span.setAttribute('http.response.status_code', status);
      if (state.requestId) span.setAttribute('graph.request_id', state.requestId);
      if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
      if (status === 429 || (status === 503 && response?.headers.has('retry-after')))
        instruments().graphThrottled.add(1, { 'http.response.status_code': status });
    });
  }

  private async attempt(context: Context, path: string): Promise<void> {
    const state = callStateOf(context);
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
