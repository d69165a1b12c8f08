import { DelegateError } from '../engine/errors';
import type { TransportFailure } from './call-state';

/** What is known about a failed Graph call; never a body or a token. */
export interface GraphFailure {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Graph's `error.code`, e.g. `ErrorItemNotFound`. */
  readonly graphCode?: string;
  /** Graph's `request-id`, else our `client-request-id`, for support. */
  readonly requestId?: string;
  readonly clientRequestId: string;
  /** Set when no response arrived. */
  readonly transport?: TransportFailure;
  /** True when a write may or may not have taken effect: reconcile before retrying. */
  readonly ambiguous: boolean;
  /** What the server asked us to wait before retrying, if it said. */
  readonly retryAfterMs?: number;
  /** Who or what the call was about, e.g. "the calendar". */
  readonly what: string;
  /**
   * Whose identity the call ran as: the requester's own (delegated) or the app's. Decides who
   * "doesn't have access" in the message. Default `app`.
   */
  readonly identity?: 'user' | 'app';
}

/**
 * A Microsoft Graph call failed. `userMessage` is safe for cards; `status`, `graphCode` and
 * `requestId` are for logs and support; `ambiguous` tells the action to reconcile first.
 */
export class GraphError extends DelegateError {
  readonly status: number;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string;
  readonly ambiguous: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(failure: GraphFailure, options?: { cause?: unknown }) {
    const { code, message, retryable } = classify(failure);
    super('graph', code, message, { cause: options?.cause, retryable });
    this.name = 'GraphError';
    this.status = failure.status;
    this.graphCode = failure.graphCode;
    this.requestId = failure.requestId;
    this.clientRequestId = failure.clientRequestId;
    this.ambiguous = failure.ambiguous;
    this.retryAfterMs = failure.retryAfterMs;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The step must run as the requester (on-behalf-of) and there is no valid sign-in for them:
 * no Teams SSO token, or one Microsoft Entra ID no longer accepts (expired, consent revoked).
 * Never answered by falling back to the app identity. The Teams edge answers it with the
 * sign-in card (cards/signin.json); after signing in the person retries the step.
 */
export class SignInRequiredError extends GraphError {
  constructor(
    /** Entra object id of the person who must sign in. */
    readonly actorId: string,
    options?: { clientRequestId?: string; cause?: unknown },
  ) {
    const failure: GraphFailure = {
      status: 0,
      transport: 'sign-in',
      ambiguous: false,
      clientRequestId: options?.clientRequestId ?? 'none',
      what: 'Microsoft 365',
      identity: 'user',
    };
    super(failure, { cause: options?.cause });
    this.name = 'SignInRequiredError';
  }
}

function classify(failure: GraphFailure): { code: string; message: string; retryable: boolean } {
  const { status, what, transport } = failure;
  const asUser = failure.identity === 'user';
  switch (transport) {
    case 'sign-in':
      return {
        code: 'graph_sign_in_required',
        message:
          'Delegate needs you to sign in before it can do this as you in Microsoft 365. Sign in, then retry the step.',
        retryable: false,
      };
    case 'identity':
      return {
        code: 'graph_identity_unavailable',
        message:
          'This step must run as you, and Delegate is set up to use only its own identity in Microsoft 365. An administrator can enable sign-in (GRAPH_AUTH=obo).',
        retryable: false,
      };
    case 'auth':
      return { code: 'graph_auth_failed', message: "Delegate couldn't sign in to Microsoft 365.", retryable: true };
    case 'timeout':
      return {
        code: 'graph_timeout',
        message: `Microsoft 365 took too long to answer about ${what}.`,
        retryable: true,
      };
    case 'aborted':
      return { code: 'graph_cancelled', message: 'The request to Microsoft 365 was cancelled.', retryable: false };
    case 'network':
      return { code: 'graph_unreachable', message: "Delegate couldn't reach Microsoft 365.", retryable: true };
    default:
      break;
  }
  if (status === 400)
    return {
      code: 'graph_bad_request',
      message: `Microsoft 365 rejected the request about ${what}.`,
      retryable: false,
    };
  if (status === 401) {
    const message = asUser
      ? `Microsoft 365 did not accept your sign-in for ${what}. Please sign in again, then retry the step.`
      : `Microsoft 365 did not accept Delegate's sign-in for ${what}. An administrator needs to check Delegate's app registration.`;
    return { code: 'graph_unauthorized', message, retryable: false };
  }
  if (status === 403)
    return {
      code: 'graph_forbidden',
      message: `${asUser ? "You don't" : "Delegate doesn't"} have access to ${what}.`,
      retryable: false,
    };
  if (status === 404 || status === 410)
    return { code: 'graph_not_found', message: `${capitalise(what)} was not found.`, retryable: false };
  if (status === 409 || status === 412)
    return {
      code: 'graph_conflict',
      message: `${capitalise(what)} was changed at the same time by someone else. Please try again.`,
      retryable: true,
    };
  if (status === 413)
    return { code: 'graph_too_large', message: `Microsoft 365 refused ${what}: it is too large.`, retryable: false };
  if (status === 429)
    return {
      code: 'graph_throttled',
      message: 'Microsoft 365 is busy right now. Please retry the step in a minute.',
      retryable: true,
    };
  if (status >= 500)
    return {
      code: 'graph_unavailable',
      message: 'Microsoft 365 had a problem handling the request. Please try again later.',
      retryable: true,
    };
  return { code: 'graph_error', message: `Microsoft 365 refused the request about ${what}.`, retryable: false };
}
