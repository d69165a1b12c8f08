import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * How an attempt ended without an HTTP response. `auth`: no token could be obtained;
 * `sign-in`: the call must run as the user and the user has no (valid) sign-in;
 * `identity`: the action may not run with the identity this deployment has.
 */
export type TransportFailure = 'timeout' | 'aborted' | 'network' | 'auth' | 'sign-in' | 'identity';

/**
 * Per-call state shared by the gateway's middleware through the SDK's MiddlewareControl:
 * the port fills in the inputs, the middleware records what happened, and the port turns
 * that record into a typed error. Carried this way because the SDK rewraps thrown errors
 * and loses their type.
 */
export class CallState implements MiddlewareOptions {
  /** Number of HTTP attempts made so far. */
  attempts = 0;
  /** `request-id` of the last response, if any. */
  requestId: string | undefined;
  /** Set when the last attempt got no response. */
  failure: TransportFailure | undefined;
  /** Seconds the server asked us to wait (last Retry-After seen), if any. */
  retryAfterMs: number | undefined;
  /** The actor whose sign-in was missing, when `failure` is `sign-in`. */
  signInActorId: string | undefined;

  constructor(
    readonly method: string,
    /** True when replaying the request cannot duplicate an effect. */
    readonly idempotent: boolean,
    readonly clientRequestId: string,
    readonly signal: AbortSignal | undefined,
  ) {}
}

/** The call's state, or a neutral one if a request was sent without it (should not happen). */
export function callStateOf(context: Context): CallState {
  const found = context.middlewareControl?.getMiddlewareOptions(CallState);
  if (found instanceof CallState) return found;
  const method = (context.options?.method ?? 'GET').toUpperCase();
  return new CallState(method, method === 'GET', 'unknown', undefined);
}

/** Set a header on the request being sent, whatever shape the SDK gave the headers. */
export function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

/** The request URL as a string. */
export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}
