import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  OnBehalfOfCredential,
  type TokenCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import type { Config, GraphAuthConfig } from '../config';
import type { OnBehalfOfAuth } from './on-behalf-of';
import type { GraphAuth } from './types';
import type { UserTokenSource } from './user-tokens';

/** What {@link createGraphAuth} needs besides the configuration. */
export interface GraphAuthDeps {
  /** Required for `obo`: where people's Teams SSO tokens come from (the Teams edge). */
  readonly userTokens?: UserTokenSource;
  /** Passed to every credential (tests point `httpClient` at a local token endpoint). */
  readonly credentialOptions?: TokenCredentialOptions & { readonly disableInstanceDiscovery?: boolean };
  /** The sandbox only: the permissions its tokens carry (what the catalogue declares). */
  readonly grants?: { readonly delegated: readonly string[]; readonly application: readonly string[] };
}

/**
 * The gateway's authentication for the configured Graph: the sandbox's own bearer tokens, or
 * {@link createGraphAuth} for real Microsoft Graph. What `src/index.ts` calls, in one line.
 */
export function graphAuthFor(graph: Config['graph'], deps: GraphAuthDeps = {}): GraphAuth {
  if (graph.kind !== 'sandbox') return createGraphAuth(graph.auth, deps);
  const userIdentity = graph.identity ?? 'user';
  return deps.grants ? { kind: 'sandbox', grants: deps.grants, userIdentity } : { kind: 'sandbox', userIdentity };
}

/**
 * The gateway's authentication for real Microsoft Graph, from `GRAPH_AUTH`: an app identity
 * (client secret, certificate, managed identity) and, for `obo`, the on-behalf-of exchange of
 * each person's SSO token. Index.ts calls this in one line; nothing here reads the environment.
 */
export function createGraphAuth(config: GraphAuthConfig, deps: GraphAuthDeps = {}): GraphAuth {
  const options = deps.credentialOptions ?? {};
  if (config.kind === 'managed-identity') {
    const credential =
      config.clientId === undefined
        ? new ManagedIdentityCredential(options)
        : new ManagedIdentityCredential({ ...options, clientId: config.clientId });
    return { kind: 'credential', credential };
  }
  const withAuthority = { ...options, authorityHost: options.authorityHost ?? config.authorityHost };
  if (config.kind === 'secret') {
    return {
      kind: 'credential',
      credential: new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, withAuthority),
    };
  }
  if (config.kind === 'certificate') {
    return {
      kind: 'credential',
      credential: new ClientCertificateCredential(
        config.tenantId,
        config.clientId,
        config.certificatePath,
        withAuthority,
      ),
    };
  }
  // Refused at start-up rather than failing every user step later.
  if (!deps.userTokens)
    throw new Error("GRAPH_AUTH=obo needs the Teams edge's UserTokenSource to read people's SSO tokens");
  const { tenantId, clientId, app } = config;
  const credential: TokenCredential =
    'certificatePath' in app
      ? new ClientCertificateCredential(tenantId, clientId, app.certificatePath, withAuthority)
      : new ClientSecretCredential(tenantId, clientId, app.clientSecret, withAuthority);
  const onBehalfOf: OnBehalfOfAuth = {
    userTokens: deps.userTokens,
    credentialFor: (userAssertionToken) =>
      'certificatePath' in app
        ? new OnBehalfOfCredential({
            ...withAuthority,
            tenantId,
            clientId,
            certificatePath: app.certificatePath,
            userAssertionToken,
          })
        : new OnBehalfOfCredential({
            ...withAuthority,
            tenantId,
            clientId,
            clientSecret: app.clientSecret,
            userAssertionToken,
          }),
  };
  return { kind: 'credential', credential, onBehalfOf };
}
