import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import {
  AuthMiddleware,
  graphHostsOnly,
  sameOrigin,
  TokenUnavailableError,
  type TokenAudience,
  type TokenSource,
} from './middleware/auth';
import { onBehalfOfTokens } from './on-behalf-of';
import { RetryMiddleware } from './middleware/retry';
import { TelemetryMiddleware } from './middleware/telemetry';
import { TimeoutMiddleware } from './middleware/timeout';
import { SdkGraphPort } from './port';
import { serviceRoot, type ServiceRoot } from './service-root';
import type { GraphActor, GraphGateway, GraphGatewayOptions, GraphPort } from './types';

/** Ports are cached per identity; beyond this many the oldest is dropped. */
const MAX_CACHED_IDENTITIES = 1000;

/**
 * The one place that builds Graph clients. Each identity gets one SDK client whose chain is,
 * in order:
 *   1. AuthMiddleware      bearer token, only for the audience of this mode
 *   2. RetryMiddleware     429/503/504 and transport failures, by retry-policy.ts
 *   3. TimeoutMiddleware   one AbortController per attempt; body read inside the window
 *   4. TelemetryMiddleware client-request-id out, request-id in, one log line per attempt
 *   5. HTTPMessageHandler  the SDK's fetch
 */
export function createGraphGateway(options: GraphGatewayOptions): GraphGateway {
  const root = serviceRoot(options.baseUrl);
  const ports = new Map<string, GraphPort>();

  const portFor = (identity: string, token: TokenSource, audience: TokenAudience, as: 'user' | 'app'): GraphPort => {
    const cached = ports.get(identity);
    if (cached) return cached;
    const port = new SdkGraphPort(
      buildClient(root, options, token, audience),
      root,
      options.logger,
      options.maxRetries,
      as,
    );
    if (ports.size >= MAX_CACHED_IDENTITIES) {
      const oldest = ports.keys().next().value;
      if (oldest !== undefined) ports.delete(oldest);
    }
    ports.set(identity, port);
    return port;
  };

  const { auth } = options;
  if (auth.kind === 'sandbox') {
    const audience = sameOrigin(root.url);
    const scp = auth.grants ? `;scp=${auth.grants.delegated.join(' ')}` : '';
    const roles = auth.grants ? `;roles=${auth.grants.application.join(' ')}` : '';
    const forApp = () => portFor('app', async () => `sandbox:app${roles}`, audience, 'app');
    if (auth.userIdentity === 'app') return { forUser: () => forApp(), forApp, userIdentity: 'app' };
    return {
      // The sandbox knows people by userPrincipalName; the object id is the fallback.
      forUser: (actor: GraphActor) => {
        const name = actor.upn ?? actor.id;
        return portFor(`user:${name}`, async () => `sandbox:${name}${scp}`, audience, 'user');
      },
      forApp,
      userIdentity: 'user',
    };
  }

  const scopes = auth.scopes && auth.scopes.length > 0 ? [...auth.scopes] : [`${new URL(root.url).origin}/.default`];
  const appToken: TokenSource = async () => {
    const token = await auth.credential.getToken(scopes);
    if (!token) throw new TokenUnavailableError();
    return token.token;
  };
  const audience = auth.audience ?? graphHostsOnly;
  const forApp = (): GraphPort => portFor('app', appToken, audience, 'app');
  const { onBehalfOf } = auth;
  if (!onBehalfOf) {
    // App-only deployment: actions address /users/{id}/…, so a user step still touches only
    // the requester's own data, with the app's (application) permissions.
    return { forUser: () => forApp(), forApp, userIdentity: 'app' };
  }
  return {
    forUser: (actor: GraphActor) =>
      portFor(`user:${actor.id}`, onBehalfOfTokens(actor.id, onBehalfOf, scopes), audience, 'user'),
    forApp,
    userIdentity: 'user',
  };
}

function buildClient(
  root: ServiceRoot,
  options: GraphGatewayOptions,
  token: TokenSource,
  audience: TokenAudience,
): Client {
  return Client.initWithMiddleware({
    baseUrl: root.host,
    defaultVersion: root.version,
    middleware: [
      new AuthMiddleware(token, audience),
      new RetryMiddleware({
        maxRetries: options.maxRetries,
        baseDelayMs: options.baseDelayMs ?? 500,
        maxBackoffMs: 30_000,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
        logger: options.logger,
      }),
      new TimeoutMiddleware(options.timeoutMs),
      new TelemetryMiddleware(options.logger),
      new HTTPMessageHandler(),
    ],
  });
}
