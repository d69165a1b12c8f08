import { CallState } from './call-state';
import { GraphError, SignInRequiredError } from './errors';
import { isAmbiguous, type AttemptOutcome } from './retry-policy';

/** The fields of the SDK's GraphError we rely on (it is thrown untyped). */
interface SdkError {
  readonly statusCode?: number;
  readonly code?: string | null;
  readonly requestId?: string | null;
  readonly headers?: Headers;
  readonly message?: string;
}

/**
 * Turn whatever the SDK threw into our typed GraphError. The call state says whether a
 * response arrived at all; the SDK error carries the status and Graph's error code. Graph's
 * error message goes into `cause` for logs (it names no content); bodies are dropped.
 */
export function toGraphError(error: unknown, state: CallState, what: string, identity: 'user' | 'app'): GraphError {
  if (error instanceof GraphError) return error;
  if (state.failure === 'sign-in')
    return new SignInRequiredError(state.signInActorId ?? 'unknown', { clientRequestId: state.clientRequestId });
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as SdkError;
  const sdkStatus = typeof sdk.statusCode === 'number' && sdk.statusCode > 0 ? sdk.statusCode : 0;
  const transport = state.failure ?? (sdkStatus === 0 ? 'network' : undefined);
  const status = transport === undefined ? sdkStatus : 0;
  const outcome: AttemptOutcome | undefined =
    transport === undefined
      ? { kind: 'response', status, retryAfterMs: state.retryAfterMs }
      : transport === 'auth' || transport === 'identity'
        ? undefined // no token, so nothing was sent
        : { kind: 'failure', failure: transport };
  const ambiguous = outcome !== undefined && isAmbiguous(outcome, state.idempotent);
  const requestId = sdk.requestId ?? sdk.headers?.get('request-id') ?? state.requestId ?? state.clientRequestId;
  const graphCode = status > 0 && typeof sdk.code === 'string' && sdk.code !== '' ? sdk.code : undefined;
  const retryAfterMs = status === 429 || status === 503 ? state.retryAfterMs : undefined;
  const detail = `Graph ${state.method} ${status || transport} ${graphCode ?? ''}: ${sdk.message ?? ''}`.trim();
  return new GraphError(
    {
      status,
      graphCode,
      requestId,
      clientRequestId: state.clientRequestId,
      transport,
      ambiguous,
      retryAfterMs,
      what,
      identity,
    },
    { cause: new Error(detail) },
  );
}
