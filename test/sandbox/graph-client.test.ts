/**
 * The sandbox through the real @microsoft/microsoft-graph-client, as the bot uses it. Also pins
 * two client behaviours the gateway must work around against an http:// sandbox: its
 * AuthenticationHandler only adds the token for https Graph hosts, and `client.api(nextLink)`
 * only understands https absolute links.
 */
import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/sandbox';
import { admin, ALEX, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

/** Sets the sandbox token on every request, whatever the host. */
class SandboxAuth implements Middleware {
  private next?: Middleware;
  constructor(private readonly subject: string) {}
  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    options.headers = {
      ...(options.headers as Record<string, string> | undefined),
      Authorization: `Bearer sandbox:${this.subject}`,
    };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function client(subject = ALEX): Client {
  const auth = new SandboxAuth(subject);
  const retry = new RetryHandler(new RetryHandlerOptions(0, 2));
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  const url = new URL(sandbox.url);
  return Client.initWithMiddleware({ baseUrl: url.origin, defaultVersion: 'v1.0', middleware: auth });
}

describe('with @microsoft/microsoft-graph-client', () => {
  it('reads /me and a page of messages', async () => {
    const me = await client().api('/me').get();
    expect(me.displayName).toBe('Alex Wilber');
    const page = await client()
      .api('/me/mailFolders/inbox/messages')
      .top(5)
      .select('subject,from')
      .orderby('receivedDateTime desc')
      .get();
    expect(page.value).toHaveLength(5);
    expect(page['@odata.nextLink']).toMatch(
      new RegExp(`^${sandbox.url.replace(/[.]/g, '\\.')}/me/mailFolders/inbox/messages\\?`),
    );
    // Following the link works once it is made relative to the service root.
    const next = await client().api(page['@odata.nextLink'].slice(sandbox.url.length)).get();
    expect(next.value).toHaveLength(5);
    expect(next.value[0].id).not.toBe(page.value[0].id);
  });

  it('surfaces Graph errors as GraphError with status and code', async () => {
    const failure = client().api('/me/messages/missing').get();
    await expect(failure).rejects.toBeInstanceOf(GraphError);
    await expect(client().api('/me/messages/missing').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
    await expect(client('app').api('/me').get()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('retries a throttled request after Retry-After', async () => {
    await admin(sandbox, 'POST', '/_sandbox/faults', {
      status: 429,
      retryAfterSeconds: 0,
      count: 1,
      pathContains: '/joinedTeams',
    });
    const teams = await client().api('/me/joinedTeams').get();
    expect(teams.value[0].displayName).toBe('My Team');
  });

  it('sends and reads a JSON batch with BatchRequestContent', async () => {
    const origin = new URL(sandbox.url).origin;
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${origin}/v1.0/me?$select=mail`, { method: 'GET' }) },
      { id: '2', request: new Request(`${origin}/v1.0/me/events?$top=1`, { method: 'GET' }) },
    ]);
    const raw = await client()
      .api('/$batch')
      .post(await content.getContent());
    const responses = new BatchResponseContent(raw);
    expect(await responses.getResponseById('1').json()).toMatchObject({ mail: ALEX });
    expect(responses.getResponseById('2').status).toBe(200);
  });

  it('pins the client behaviour: an authProvider adds no token for http hosts', async () => {
    const url = new URL(sandbox.url);
    const plain = Client.init({
      baseUrl: url.origin,
      defaultVersion: 'v1.0',
      authProvider: (done) => done(null, `sandbox:${ALEX}`),
    });
    await expect(plain.api('/me').get()).rejects.toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });
});
