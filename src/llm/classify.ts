import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { promptFilterVerdict } from './content-filter';
import { LlmError, type LlmErrorCode, type LlmFailure } from './errors';
import { serviceMessageOf } from './hints';
import { retryAfterFromHeaders } from '../retry';

/** Thrown by our wrapper around the Entra token provider, so a sign-in failure is told apart. */
export class CredentialFailure extends Error {
  constructor(cause: unknown) {
    super('the token credential failed to provide an access token', { cause });
    this.name = 'CredentialFailure';
  }
}

/** What the client knows beyond the thrown error. */
export interface AbortState {
  /** Our overall deadline aborted the call. */
  readonly deadlineExceeded: boolean;
  /** The last attempt's fetch was aborted by something other than the caller: the SDK's per-attempt timeout. */
  readonly attemptTimedOut?: boolean;
}

/**
 * Map anything the SDK threw to an `LlmError`. The cause kept for logs is a summary built from
 * status, upstream error code/type and request id: SDK messages can quote bodies (a JSON parse
 * error quotes the response text), so they are not passed through.
 */
export function toLlmError(error: unknown, state: AbortState): LlmError {
  if (error instanceof LlmError) return error;
  if (state.deadlineExceeded) return new LlmError({ code: 'llm_timeout' }, { cause: summary(error) });
  if (error instanceof APIUserAbortError || isAbortError(error)) return new LlmError({ code: 'llm_cancelled' });
  if (error instanceof APIConnectionTimeoutError)
    return new LlmError({ code: 'llm_timeout' }, { cause: summary(error) });
  if (error instanceof APIConnectionError) {
    return new LlmError({ code: state.attemptTimedOut ? 'llm_timeout' : 'llm_unavailable' }, { cause: summary(error) });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const requestId = error.requestID ?? error.headers?.get('apim-request-id') ?? undefined;
    const wait = error.headers ? retryAfterFromHeaders(error.headers) : undefined;
    const code = codeForStatus(error.status, error);
    const filter = code === 'llm_content_filtered' ? promptFilterVerdict(error.code, error.error) : undefined;
    const service = code === 'llm_bad_request' || code === 'llm_not_found' ? serviceError(error) : undefined;
    return new LlmError(
      {
        code,
        status: error.status,
        ...(filter ? { contentFilter: filter } : {}),
        ...(service ? { service } : {}),
        ...(requestId ? { requestId } : {}),
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      },
      { cause: summary(error) },
    );
  }
  if (error instanceof OpenAIError && error.cause instanceof CredentialFailure) {
    return new LlmError({ code: 'llm_auth' }, { cause: error.cause });
  }
  if (error instanceof SyntaxError)
    return new LlmError({ code: 'llm_bad_response' }, { cause: new Error('response body is not valid JSON') });
  return new LlmError({ code: 'llm_unavailable' }, { cause: summary(error) });
}

function codeForStatus(status: number, error: APIError): LlmErrorCode {
  if (status === 401 || status === 403) return 'llm_auth';
  if (status === 404) return 'llm_not_found';
  if (status === 408) return 'llm_timeout';
  if (status === 429) return 'llm_throttled';
  if (status >= 500) return 'llm_unavailable';
  // Azure reports a filtered prompt as 400 with `code: content_filter` (inner `ResponsibleAIPolicyViolation`).
  if (promptFilterVerdict(error.code, error.error)) return 'llm_content_filtered';
  return 'llm_bad_request';
}

/**
 * The request knobs a refusal may name. The service's message is kept only when it is about one
 * of these (or the api-version): other messages may quote the prompt, which is never logged.
 */
const KNOBS = new Set([
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'reasoning_effort',
  'response_format',
  'tools',
  'model',
  'api-version',
]);

/** The service's own account of a refused request: message (about a knob only), parameter and code. */
function serviceError(error: APIError): LlmFailure['service'] {
  const body = (error.error ?? {}) as { message?: unknown };
  const param = typeof error.param === 'string' && error.param ? error.param : undefined;
  const about =
    (param !== undefined && KNOBS.has(param.split('.')[0] ?? '')) ||
    (typeof body.message === 'string' && /enabled only for api versions|api[- ]version/i.test(body.message));
  const message = about ? serviceMessageOf(body.message) : undefined;
  const code = typeof error.code === 'string' && error.code ? error.code : undefined;
  if (!message && !param && !code) return undefined;
  return { ...(message ? { message } : {}), ...(param ? { param } : {}), ...(code ? { code } : {}) };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function summary(error: unknown): Error {
  if (error instanceof APIError) {
    const parts = [
      error.constructor.name,
      error.status === undefined ? undefined : `status=${error.status}`,
      error.code ? `code=${error.code}` : undefined,
      error.type ? `type=${error.type}` : undefined,
      error.param ? `param=${error.param}` : undefined,
    ];
    const transport = error.cause instanceof Error ? transportSummary(error.cause) : undefined;
    return new Error([...parts, transport].filter(Boolean).join(' '));
  }
  return new Error(error instanceof Error ? error.name : typeof error);
}

/** undici hides the socket error (ECONNREFUSED, ETIMEDOUT) one level down; its code is safe to log. */
function transportSummary(cause: Error): string {
  const inner = (cause as { cause?: { code?: unknown } }).cause;
  const code = inner && typeof inner.code === 'string' ? inner.code : undefined;
  return `transport=${cause.name}${code ? `:${code}` : ''}`;
}
