import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, requestUrl, setHeader } from '../call-state';
import { SignInRequiredError } from '../errors';

/** Produces the bearer token (without the "Bearer " prefix) for the identity of one client. */
export type TokenSource = () => Promise<string>;

/** Decides whether a URL may receive this client's token. */
export type TokenAudience = (url: URL) => boolean;

/** Thrown when no token could be obtained; nothing was sent. */
export class TokenUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('No access token available', options);
    this.name = 'TokenUnavailableError';
  }
}

/**
 * Attaches the identity's bearer token. Unlike the SDK's AuthenticationHandler (which only
 * trusts https Graph hosts and so would skip the plain-http sandbox), the audience check is
 * explicit per mode: the sandbox origin for sandbox tokens, Graph's https hosts for real ones.
 * A URL outside the audience is sent without a token, never with one.
 */
export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly token: TokenSource,
    private readonly audience: TokenAudience,
  ) {}

  async execute(context: Context): Promise<void> {
    if (this.audience(new URL(requestUrl(context)))) {
      let token: string;
      try {
        token = await this.token();
      } catch (error) {
        const state = callStateOf(context);
        // Recorded on the call state because the SDK rewraps whatever we throw.
        if (error instanceof SignInRequiredError) {
          state.failure = 'sign-in';
          state.signInActorId = error.actorId;
          throw error;
        }
        state.failure = 'auth';
        throw error instanceof TokenUnavailableError ? error : new TokenUnavailableError({ cause: error });
      }
      setHeader(context, 'Authorization', `Bearer ${token}`);
    }
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Microsoft Graph's national-cloud hosts (as the SDK's own list); real tokens go only there. */
export const GRAPH_HOSTS: ReadonlySet<string> = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

/** Audience for real Graph: https Graph hosts only. */
export const graphHostsOnly: TokenAudience = (url) => url.protocol === 'https:' && GRAPH_HOSTS.has(url.hostname);

/** Audience for the sandbox: exactly its own origin. */
export function sameOrigin(baseUrl: string): TokenAudience {
  const origin = new URL(baseUrl).origin;
  return (url) => url.origin === origin;
}
