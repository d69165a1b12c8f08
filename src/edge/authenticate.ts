import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** Why a request was not authenticated, for the log line (never the token). */
export type AuthFailure =
  'missing_token' | 'malformed_token' | 'unsupported_algorithm' | 'invalid_token' | 'key_endpoint_unreachable';

export type Authenticated =
  | { readonly ok: true; readonly result: AuthenticateRequestResult }
  | { readonly ok: false; readonly reason: AuthFailure; readonly detail?: string };

/** Only what the Bot Framework signs with; anything else (none, HS256…) is refused before any key is fetched. */
const SIGNING_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

/**
 * Authenticate an inbound request the way the SDK does, but answer every failure as a reason
 * instead of an exception: a token in the wrong shape or with an unsigned or symmetric
 * algorithm is refused at once, and a key endpoint that cannot be reached refuses too (fail
 * closed). In local mode (no bot identity) the SDK admits the request anonymously.
 */
export async function authenticate(
  auth: BotFrameworkAuthentication,
  activity: Activity,
  header: string | undefined,
  local: boolean,
): Promise<Authenticated> {
  if (!local) {
    const shape = tokenShape(header);
    if (shape) return { ok: false, reason: shape };
  }
  try {
    return { ok: true, result: await auth.authenticateRequest(activity, header ?? '') };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : undefined;
    if (error instanceof AuthenticationError || isUnauthorized(error))
      return { ok: false, reason: 'invalid_token', detail };
    return { ok: false, reason: 'key_endpoint_unreachable', detail };
  }
}

function tokenShape(header: string | undefined): AuthFailure | undefined {
  if (header === undefined || header.trim() === '') return 'missing_token';
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!match) return 'malformed_token';
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  } catch {
    return 'malformed_token';
  }
  if (typeof alg !== 'string' || !SIGNING_ALGORITHMS.has(alg) || match[3] === '') return 'unsupported_algorithm';
  return undefined;
}

/** The SDK also throws plain errors carrying a 401 status. */
function isUnauthorized(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === 401;
}
