import { generateKeyPairSync } from 'node:crypto';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { PersonalChat } from './activities';
import { startApp, type RunningApp } from './app-harness';
import { KeyEndpoint, foreignToken } from './key-endpoint';
import { recordingLogger, type LogLine } from './recording-logger';

const GENERIC_400 = { error: 'The request body must be a Bot Framework activity.' };

/** POST raw bytes to the bot, with any content type and headers. */
async function postRaw(
  run: RunningApp,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${run.app.server.url}/api/messages`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}

type Activity = Record<string, unknown>;
const without = (activity: Activity, key: string): Activity => {
  const copy = { ...activity };
  delete copy[key];
  return copy;
};

describe('HTTP: hostile activities are refused with 400, never a 5xx', () => {
  let run: RunningApp;
  const lines: LogLine[] = [];
  beforeAll(async () => {
    run = await startApp({}, { logger: recordingLogger(lines) });
  });
  afterAll(async () => {
    await run?.stop();
  });

  const chat = () => new PersonalChat(run.connector.url);
  const card = (value: unknown): Activity => ({ ...chat().invoke('task.approve', {}), value });

  const cases: [string, () => Activity][] = [
    ['serviceUrl: 123', () => ({ ...chat().message('help'), serviceUrl: 123 })],
    ['adaptiveCard/action with value "x"', () => card('x')],
    ['adaptiveCard/action with value.action null', () => card({ action: null })],
    ['text as a number', () => ({ ...chat().message('help'), text: 42 })],
    ['text as an object', () => ({ ...chat().message('help'), text: { a: 1 } })],
    ['text as an array', () => ({ ...chat().message('help'), text: ['help'] })],
    ['entities as a string', () => ({ ...chat().message('help'), entities: 'mention' })],
    ['entities containing null', () => ({ ...chat().message('help'), entities: [null] })],
    ['a message with no conversation', () => without(chat().message('help'), 'conversation')],
    ['a numeric conversation.id', () => ({ ...chat().message('help'), conversation: { id: 12345 } })],
    [
      'an object from.aadObjectId',
      () => ({ ...chat().message('help'), from: { id: '29:x', aadObjectId: { $ne: null } } }),
    ],
    ['a javascript: serviceUrl', () => ({ ...chat().message('help'), serviceUrl: 'javascript:alert(1)' })],
    ['a file: serviceUrl', () => ({ ...chat().message('help'), serviceUrl: 'file:///etc/passwd' })],
    [
      'NUL in a conversation id',
      () => ({ ...chat().message('help'), conversation: { id: 'a:conv\u0000evil', conversationType: 'personal' } }),
    ],
    ['a message with no serviceUrl', () => without(chat().message('help'), 'serviceUrl')],
  ];

  it.each(cases)('%s → 400, generic body, one structured warn line, nothing sent', async (_name, build) => {
    const before = lines.length;
    const calls = run.connector.calls.length;
    const answer = await postRaw(run, JSON.stringify(build()));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual(GENERIC_400);
    // No 10-second wait on a public host for a missing serviceUrl (the bound is generous: on a
    // loaded 2-core machine an answer has taken 3.8 s; the wait it guards against is 10 s).
    expect(answer.ms).toBeLessThan(8_000);
    const logged = lines.slice(before);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
    expect(logged.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        msg: 'inbound activity refused',
        obj: expect.objectContaining({ event: 'activity_refused', status: 400, reason: 'invalid_activity' }),
      },
    ]);
    expect(run.connector.calls.length).toBe(calls);
  });

  it('refuses a form-urlencoded body and a body that is not JSON', async () => {
    const form = await postRaw(run, 'type=message&text=help&serviceUrl=http%3A%2F%2F127.0.0.1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    expect(JSON.parse(form.text)).toEqual(GENERIC_400);
    const broken = await postRaw(run, '{"type": "message", ');
    expect(broken.status).toBe(400);
    expect(broken.text).not.toMatch(/at |Unexpected|position/);
  });

  it('still serves a genuine activity', async () => {
    const c = chat();
    const answer = await postRaw(run, JSON.stringify(c.message('help')));
    expect(answer.status).toBe(200);
    await run.connector.waitFor(() => run.connector.calls.find((call) => call.conversationId === c.conversationId));
  });
});

describe('HTTP: production-mode authentication failures are 401/403, with no internal detail', () => {
  const BOT_ID = '00000000-0000-0000-0000-0000000000b0';
  const TENANT = SANDBOX_DIRECTORY.tenantId;
  const keys = new KeyEndpoint();
  let run: RunningApp;
  const lines: LogLine[] = [];
  beforeAll(async () => {
    await keys.start();
    run = await startApp(
      {
        BOT_ID,
        BOT_PASSWORD: 'not-a-real-secret',
        BOT_TENANT_ID: TENANT,
        DELEGATE_GRAPH: 'sandbox',
        BOT_OPENID_METADATA_URL: keys.metadataUrl,
      },
      { logger: recordingLogger(lines) },
    );
  });
  afterAll(async () => {
    await run?.stop();
    await keys.stop();
  });

  /** A typing activity: admitted, it needs no reply (so no outbound token is fetched). */
  const typing = (tenant = TENANT): Activity => ({
    ...new PersonalChat(run.connector.url).message(''),
    type: 'typing',
    conversation: { id: 'a:conv-1', conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
  });

  async function post(activity: Activity, token: string | undefined) {
    const before = lines.length;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const answer = await postRaw(run, JSON.stringify(activity), headers);
    return { ...answer, logged: lines.slice(before) };
  }

  const claims = (activity: Activity) => ({ aud: BOT_ID, serviceurl: activity.serviceUrl });
  const now = () => Math.floor(Date.now() / 1000);

  const hostile: [string, (a: Activity) => string | undefined][] = [
    ['no token', () => undefined],
    ['a token that is not a JWT', () => 'hello'],
    ['alg: none', (a) => foreignToken('none', claims(a))],
    ['HS256', (a) => foreignToken('HS256', claims(a))],
    [
      'RS256 from a random key',
      (a) => keys.token(claims(a), { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
    ],
    ['RS256 signed by an unknown key id', (a) => keys.token(claims(a), { kid: 'someone-else' })],
    ['the wrong audience', (a) => keys.token({ ...claims(a), aud: 'another-bot' })],
    ['an expired token', (a) => keys.token({ ...claims(a), nbf: now() - 7200, exp: now() - 3600 })],
    ['a token for another serviceUrl', (a) => keys.token({ ...claims(a), serviceurl: 'https://evil.example.com/' })],
  ];

  it.each(hostile)('%s → 401, a generic body, one structured warn line', async (_name, mint) => {
    const activity = typing();
    const answer = await post(activity, mint(activity));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({ error: 'Unauthorized.' });
    expect(answer.text).not.toMatch(/getaddrinfo|botframework|login\.|stack|Error/);
    expect(answer.logged.filter((l) => l.level === 'error')).toEqual([]);
    const warns = answer.logged.filter((l) => l.level === 'warn' && l.obj.event === 'activity_refused');
    expect(warns).toEqual([
      expect.objectContaining({ obj: expect.objectContaining({ status: 401, reason: expect.any(String) }) }),
    ]);
    expect(JSON.stringify(warns)).not.toContain(mint(activity) ?? '\u0000');
  });

  it('admits a validly signed token from the configured tenant', async () => {
    const activity = typing();
    const answer = await post(activity, keys.token(claims(activity)));
    expect(answer.status).toBe(200);
  });

  it('answers a validly signed activity from another tenant with 403', async () => {
    const activity = typing('another-tenant-id');
    const answer = await post(activity, keys.token(claims(activity)));
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toEqual({ error: 'Forbidden.' });
    expect(answer.logged).toEqual([
      expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ status: 403, reason: 'wrong_tenant' }) }),
    ]);
  });
});

describe('HTTP: without a reachable key endpoint the bot fails closed', () => {
  it('answers a well-formed RS256 token with 401 and logs why', async () => {
    const keys = new KeyEndpoint();
    await keys.start();
    const unreachable = keys.metadataUrl;
    await keys.stop();
    const lines: LogLine[] = [];
    const run = await startApp(
      {
        BOT_ID: '00000000-0000-0000-0000-0000000000b1',
        BOT_PASSWORD: 'not-a-real-secret',
        DELEGATE_GRAPH: 'sandbox',
        BOT_OPENID_METADATA_URL: unreachable,
      },
      { logger: recordingLogger(lines) },
    );
    try {
      const activity = new PersonalChat(run.connector.url).message('help');
      const token = keys.token({ aud: '00000000-0000-0000-0000-0000000000b1', serviceurl: activity.serviceUrl });
      const answer = await postRaw(run, JSON.stringify(activity), {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ error: 'Unauthorized.' });
      // The SDK reports an unreachable key endpoint as "no valid identity": refused all the same.
      expect(lines.filter((l) => l.obj.event === 'activity_refused')).toEqual([
        expect.objectContaining({
          level: 'warn',
          obj: expect.objectContaining({
            status: 401,
            reason: expect.stringMatching(/^(invalid_token|key_endpoint_unreachable)$/),
          }),
        }),
      ]);
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(run.connector.calls).toHaveLength(0);
    } finally {
      await run.stop();
    }
  });
});
