import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import type { GraphAuthConfig } from '../../src/config';
import { createGraphAuth, graphAuthFor } from '../../src/graph/credentials';
import { GraphError, SignInRequiredError } from '../../src/graph/errors';
import { createGraphGateway } from '../../src/graph/gateway';
import { sameOrigin } from '../../src/graph/middleware/auth';
import { InMemoryUserTokens } from '../../src/graph/user-tokens';
import { json, startFakeServer, type FakeServer } from './fake-server';
import { FAKE_AUTHORITY, startFakeTokenEndpoint, type FakeTokenEndpoint } from './fake-token-endpoint';
import { recordingLogger } from './log';

let graph: FakeServer;
let entra: FakeTokenEndpoint;
beforeAll(async () => {
  [graph, entra] = await Promise.all([startFakeServer(), startFakeTokenEndpoint()]);
});
afterAll(async () => {
  await Promise.all([graph.close(), entra.close()]);
});
beforeEach(() => {
  entra.tokenRequests.length = 0;
});

const alex = { id: 'alex-oid', upn: 'alexw@contoso.com' };
const megan = { id: 'megan-oid', upn: 'meganb@contoso.com' };
const obo: GraphAuthConfig = {
  kind: 'obo',
  tenantId: 'contoso-tenant',
  clientId: 'delegate-app',
  app: { clientSecret: 's3cret' },
  connectionName: 'graph-sso',
  authorityHost: FAKE_AUTHORITY,
};

/** A gateway with on-behalf-of against the fake Entra ID and the fake Graph, both over HTTP. */
function oboGateway(tokens: InMemoryUserTokens) {
  const auth = createGraphAuth(obo, {
    userTokens: tokens,
    credentialOptions: { httpClient: entra.httpClient, disableInstanceDiscovery: true },
  });
  if (auth.kind !== 'credential') throw new Error('expected a credential');
  return createGraphGateway({
    baseUrl: graph.baseUrl,
    auth: { ...auth, scopes: ['https://graph.microsoft.com/.default'], audience: sameOrigin(graph.baseUrl) },
    timeoutMs: 5000,
    maxRetries: 1,
    logger: recordingLogger(),
  });
}

describe('on-behalf-of', () => {
  it("runs a user's call with their SSO token exchanged on-behalf-of, and app calls as the app", async () => {
    graph.script(json(200, {}));
    const tokens = new InMemoryUserTokens();
    tokens.set(alex.id, 'alex-sso-token');
    const gateway = oboGateway(tokens);
    expect(gateway.userIdentity).toBe('user');
    await gateway.forUser(alex).get('/users/alex-oid/messages');
    await gateway.forApp().get('/users');
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer obo:alex-sso-token',
      'Bearer app:delegate-app',
    ]);
    const exchange = entra.tokenRequests.find((r) => r.form.requested_token_use === 'on_behalf_of');
    expect(exchange).toMatchObject({
      tenant: 'contoso-tenant',
      form: {
        assertion: 'alex-sso-token',
        client_id: 'delegate-app',
        client_secret: 's3cret',
        scope: expect.stringContaining('https://graph.microsoft.com/.default'),
      },
    });
  });

  it('refuses with SignInRequiredError when the person has no token: nothing is sent, no fall-back to the app', async () => {
    graph.script(json(200, {}));
    const gateway = oboGateway(new InMemoryUserTokens());
    const error: unknown = await gateway
      .forUser(megan)
      .post('/users/megan-oid/sendMail', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      kind: 'graph',
      code: 'graph_sign_in_required',
      actorId: 'megan-oid',
      ambiguous: false,
      retryable: false,
    });
    expect((error as SignInRequiredError).userMessage).toMatch(/sign in/);
    expect(graph.requests).toHaveLength(0);
    expect(entra.tokenRequests).toHaveLength(0);
  });

  it('asks to sign in again when Entra ID refuses the assertion, and uses a new one once it arrives', async () => {
    graph.script(json(200, {}));
    const tokens = new InMemoryUserTokens();
    tokens.set(alex.id, 'expired');
    const gateway = oboGateway(tokens);
    await expect(gateway.forUser(alex).get('/me')).rejects.toBeInstanceOf(SignInRequiredError);
    tokens.set(alex.id, 'fresh-sso-token');
    await gateway.forUser(alex).get('/me');
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual(['Bearer obo:fresh-sso-token']);
  });

  it('reports a broken app registration as an auth failure, not as a sign-in request', async () => {
    const tokens = new InMemoryUserTokens();
    tokens.set(alex.id, 'broken-app');
    const error: unknown = await oboGateway(tokens)
      .forUser(alex)
      .get('/me')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).not.toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ code: 'graph_auth_failed' });
  });

  it("keeps people's tokens apart", async () => {
    graph.script(json(200, {}));
    const tokens = new InMemoryUserTokens();
    tokens.set(alex.id, 'alex-sso');
    tokens.set(megan.id, 'megan-sso');
    const gateway = oboGateway(tokens);
    await gateway.forUser(alex).get('/me');
    await gateway.forUser(megan).get('/me');
    await gateway.forUser(alex).get('/me');
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer obo:alex-sso',
      'Bearer obo:megan-sso',
      'Bearer obo:alex-sso',
    ]);
  });
});

describe('app identities', () => {
  it('builds the credential GRAPH_AUTH names', () => {
    const common = { tenantId: 't', clientId: 'c', authorityHost: FAKE_AUTHORITY };
    expect(createGraphAuth({ kind: 'secret', clientSecret: 's', ...common })).toMatchObject({
      kind: 'credential',
      credential: expect.any(ClientSecretCredential),
    });
    expect(createGraphAuth({ kind: 'certificate', certificatePath: '/nonexistent.pem', ...common })).toMatchObject({
      credential: expect.any(ClientCertificateCredential),
    });
    expect(createGraphAuth({ kind: 'managed-identity' })).toMatchObject({
      credential: expect.any(ManagedIdentityCredential),
    });
    expect(createGraphAuth({ kind: 'managed-identity', clientId: 'uami' })).toMatchObject({
      credential: expect.any(ManagedIdentityCredential),
    });
    for (const auth of [
      createGraphAuth({ kind: 'secret', clientSecret: 's', ...common }),
      createGraphAuth({ kind: 'managed-identity' }),
    ]) {
      expect(auth).not.toHaveProperty('onBehalfOf');
    }
    expect(() => createGraphAuth(obo)).toThrow(/UserTokenSource/);
  });

  it('keeps the sandbox on its own bearer tokens; an app-only GRAPH_AUTH runs its user steps as the app', () => {
    expect(graphAuthFor({ kind: 'sandbox', port: 0, dbPath: ':memory:' })).toEqual({
      kind: 'sandbox',
      userIdentity: 'user',
    });
    expect(graphAuthFor({ kind: 'sandbox', port: 0, dbPath: ':memory:', identity: 'app' })).toEqual({
      kind: 'sandbox',
      userIdentity: 'app',
    });
    expect(
      graphAuthFor({
        kind: 'microsoft',
        baseUrl: 'https://graph.microsoft.com/v1.0',
        auth: { kind: 'managed-identity' },
      }),
    ).toMatchObject({ kind: 'credential' });
  });

  it('runs user calls as the app in an app-only deployment, and says so', async () => {
    graph.script(json(200, {}));
    const auth = createGraphAuth(
      {
        kind: 'secret',
        tenantId: 'contoso-tenant',
        clientId: 'delegate-app',
        clientSecret: 's3cret',
        authorityHost: FAKE_AUTHORITY,
      },
      { credentialOptions: { httpClient: entra.httpClient, disableInstanceDiscovery: true } },
    );
    if (auth.kind !== 'credential') throw new Error('expected a credential');
    const gateway = createGraphGateway({
      baseUrl: graph.baseUrl,
      auth: { ...auth, audience: sameOrigin(graph.baseUrl) },
      timeoutMs: 5000,
      maxRetries: 0,
      logger: recordingLogger(),
    });
    expect(gateway.userIdentity).toBe('app');
    await gateway.forUser(alex).get('/users/alex-oid/messages');
    expect(graph.requests[0]!.headers.authorization).toBe('Bearer app:delegate-app');
    expect(entra.tokenRequests.map((r) => r.form.grant_type)).toEqual(['client_credentials']);
  });

  it('says whose access is missing in a 403: the person for delegated calls, Delegate for the app', async () => {
    graph.script(json(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } }));
    const tokens = new InMemoryUserTokens();
    tokens.set(alex.id, 'alex-sso');
    const gateway = oboGateway(tokens);
    await expect(gateway.forUser(alex).get('/users/megan-oid/events')).rejects.toMatchObject({
      userMessage: "You don't have access to the calendar.",
    });
    await expect(gateway.forApp().get('/users/megan-oid/events')).rejects.toMatchObject({
      userMessage: "Delegate doesn't have access to the calendar.",
    });
  });
});
