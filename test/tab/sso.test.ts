import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { ALEX, MEGAN } from '../http/activities';
import { startApp, type RunningApp } from '../http/app-harness';
import { TEST_NOW } from '../support/clock';
import { TabClient, type Waiting } from './tab-client';

const BOT_ID = '00000000-0000-0000-0000-0000000000b7';
const AUDIENCE = `api://delegate.example.com/botid-${BOT_ID}`;
const TENANT = SANDBOX_DIRECTORY.tenantId;
const KID = 'entra-test-key';

/** Entra's signing keys, served locally (TAB_SSO_JWKS_URL); counts how often they are fetched. */
class Keys {
  fetches = 0;
  url = '';
  private server?: Server;
  constructor(private readonly jwk: Record<string, unknown>) {}
  async start(): Promise<void> {
    this.server = createServer((_req, res) => {
      this.fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...this.jwk, kid: KID, use: 'sig', alg: 'RS256' }] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/keys`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The tab in Teams mode: every API call must carry a Teams SSO token for this app, from Entra,
 * for this tenant, still valid, signed with Entra's published keys. Time is the pinned clock's.
 */
describe('Tasks tab API: Teams SSO tokens', () => {
  let run: RunningApp;
  let keys: Keys;
  let signingKey: KeyLike;
  let otherKey: KeyLike;
  let taskId = '';

  const token = async (claims: Record<string, unknown> = {}, options: { key?: KeyLike; alg?: string } = {}) =>
    new SignJWT({
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      aud: AUDIENCE,
      iat: seconds(TEST_NOW) - 60,
      nbf: seconds(TEST_NOW) - 60,
      exp: seconds(TEST_NOW) + 3600,
      tid: TENANT,
      oid: ALEX.aadObjectId,
      name: ALEX.name,
      scp: 'access_as_user',
      ...claims,
    })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: KID, typ: 'JWT' })
      .sign(options.key ?? signingKey);
  const status = async (bearer: string, path = '/api/tab/me') =>
    (await new TabClient(run.app.server.url, bearer).get(path)).status;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    keys = new Keys((await exportJWK(pair.publicKey)) as unknown as Record<string, unknown>);
    await keys.start();
    run = await startApp({
      BOT_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: TENANT,
      DELEGATE_GRAPH: 'sandbox',
      BOT_DOMAIN: 'delegate.example.com',
      TAB_SSO_JWKS_URL: keys.url,
    });
    const started = await run.app.engine.startTask({
      outcome: 'Email Megan Bowen a summary of my unread mail from Contoso',
      requester: { id: ALEX.aadObjectId, name: ALEX.name },
      scope: { kind: 'personal', conversationId: 'a:alex-personal', tenantId: TENANT },
      conversation: {},
      timeZone: 'UTC',
    });
    if (started.kind !== 'planned') throw new Error('not planned');
    taskId = started.task.id;
  });
  afterAll(async () => {
    await run?.stop();
    await keys?.stop();
  });

  it("accepts a valid token and takes the person from it (Entra's keys fetched once, then cached)", async () => {
    const alex = new TabClient(run.app.server.url, await token());
    await expect(alex.get('/api/tab/me')).resolves.toEqual({
      status: 200,
      body: { id: ALEX.aadObjectId, name: ALEX.name },
    });
    for (let i = 0; i < 5; i += 1) expect(await status(await token())).toBe(200);
    expect(keys.fetches).toBe(1);
    // A v1.0 token (sts.windows.net issuer) for the same resource is as good.
    const v1 = await new SignJWT({ tid: TENANT, oid: ALEX.aadObjectId, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(`https://sts.windows.net/${TENANT}/`)
      .setAudience(AUDIENCE)
      .setIssuedAt(seconds(TEST_NOW))
      .setExpirationTime(seconds(TEST_NOW) + 600)
      .sign(signingKey);
    expect(await status(v1)).toBe(200);
  });

  it('refuses a forged, expired, wrong-audience, wrong-tenant, wrong-issuer or scope-less token', async () => {
    expect(await status(await token({}, { key: otherKey }))).toBe(401);
    expect(await status(await token({ exp: seconds(TEST_NOW) - 120 }))).toBe(401);
    expect(await status(await token({ nbf: seconds(TEST_NOW) + 3600 }))).toBe(401);
    expect(await status(await token({ aud: `api://delegate.example.com/botid-${'1'.repeat(8)}` }))).toBe(401);
    expect(await status(await token({ aud: 'api://evil.example.com/botid-' + BOT_ID }))).toBe(401);
    const otherTenant = '11111111-2222-3333-4444-555555555555';
    expect(await status(await token({ tid: otherTenant }))).toBe(401);
    expect(await status(await token({ iss: `https://login.microsoftonline.com/${otherTenant}/v2.0` }))).toBe(401);
    expect(await status(await token({ scp: 'User.Read' }))).toBe(401);
    expect(await status(await token({ oid: undefined }))).toBe(401);
    // An unsigned token, and one signed with a shared secret, are not tokens from Entra.
    const [, payload] = (await token()).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid: KID })).toString('base64url');
    expect(await status(`${none}.${payload}.`)).toBe(401);
    const hs = await new SignJWT({ tid: TENANT, oid: ALEX.aadObjectId, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(AUDIENCE)
      .setIssuedAt(seconds(TEST_NOW))
      .setExpirationTime(seconds(TEST_NOW) + 600)
      .sign(new TextEncoder().encode('a shared secret that anyone could hold'));
    expect(await status(hs)).toBe(401);
    // A local sign-in does not exist in Teams mode.
    const signIn = await new TabClient(run.app.server.url).post('/api/tab/local/sign-in', {
      personId: ALEX.aadObjectId,
    });
    expect(signIn.status).toBe(404);
  });

  it('lets one person read and decide only their own tasks, through every endpoint', async () => {
    const alex = new TabClient(run.app.server.url, await token());
    const megan = new TabClient(run.app.server.url, await token({ oid: MEGAN.aadObjectId, name: MEGAN.name }));
    const mine = await alex.get<{ items: Waiting[] }>('/api/tab/waiting');
    expect(mine.body.items.map((i) => [i.taskId, i.preview.kind])).toEqual([[taskId, 'plan']]);
    const item = mine.body.items[0]!;
    expect((await alex.get(`/api/tab/tasks/${taskId}`)).status).toBe(200);

    expect((await megan.get<{ items: unknown[] }>('/api/tab/waiting')).body.items).toEqual([]);
    expect((await megan.get<{ tasks: unknown[] }>('/api/tab/tasks')).body.tasks).toEqual([]);
    expect((await megan.get(`/api/tab/tasks/${taskId}`)).status).toBe(404);
    const decision = { verb: 'reject', planVersion: item.planVersion, previewHash: item.previewHash };
    expect((await megan.post(`/api/tab/tasks/${taskId}/decide`, decision)).status).toBe(404);
    expect((await run.app.engine.getTask(taskId)).status).toBe('awaiting_plan_approval');
  });
});
