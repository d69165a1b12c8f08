import { GraphError } from './errors';
import { parseRetryAfter } from '../retry';
import type { BatchResponse } from './types';

interface GraphErrorBody {
  readonly error?: {
    readonly code?: unknown;
    readonly innerError?: { readonly 'request-id'?: unknown; readonly 'client-request-id'?: unknown };
  };
}

/**
 * The typed error for one failed answer of a `$batch` (status 400 or more, or 0 when Graph did
 * not answer it), or undefined when it succeeded. Batched calls fail one by one, so the caller
 * decides which failures matter; each gets the same codes and messages as a single call.
 */
export function batchAnswerError(
  answer: BatchResponse,
  what: string,
  identity: 'user' | 'app' = 'user',
): GraphError | undefined {
  if (answer.status > 0 && answer.status < 400) return undefined;
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as GraphErrorBody;
  const code = body.error?.code;
  const inner = body.error?.innerError;
  const header = (name: string): string | undefined => {
    const key = Object.keys(answer.headers).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : answer.headers[key];
  };
  const requestId = typeof inner?.['request-id'] === 'string' ? inner['request-id'] : header('request-id');
  const clientRequestId =
    typeof inner?.['client-request-id'] === 'string' ? inner['client-request-id'] : (requestId ?? 'none');
  return new GraphError({
    status: answer.status,
    graphCode: typeof code === 'string' && code !== '' ? code : undefined,
    requestId,
    clientRequestId,
    // Only reads are batched: a failed answer never leaves a write half done.
    ambiguous: false,
    ...(answer.status === 0 ? { transport: 'network' as const } : {}),
    retryAfterMs: answer.status === 429 || answer.status === 503 ? parseRetryAfter(header('retry-after')) : undefined,
    what,
    identity,
  });
}
