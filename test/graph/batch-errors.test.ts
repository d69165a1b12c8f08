import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchAnswerError, createGraphGateway, GraphError } from '../../src/graph';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { recordingLogger } from './log';
import { pinnedClock } from '../support/clock';

let sandbox: Sandbox;
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'delegate-batch-errors-'));
  sandbox = await startSandbox({ dbPath: join(dir, 'tenant.db'), port: 0, clock: pinnedClock().now });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const [alexUser, meganUser] = SANDBOX_DIRECTORY.users;
const alex = { id: alexUser!.id, upn: alexUser!.userPrincipalName };

describe('failed answers inside a $batch', () => {
  it('become the same typed errors as single calls, with Graph code and request id', async () => {
    const gateway = createGraphGateway({
      baseUrl: sandbox.url,
      auth: { kind: 'sandbox' },
      timeoutMs: 5000,
      maxRetries: 0,
      logger: recordingLogger(),
    });
    const answers = await gateway
      .forUser(alex)
      .batch([
        { url: `/users/${alex.id}?$select=id` },
        { url: '/users/00000000-0000-0000-0000-000000000000' },
        { url: `/users/${meganUser!.id}/messages?$top=1` },
      ]);
    expect(batchAnswerError(answers[0]!, 'your profile')).toBeUndefined();

    const notFound = batchAnswerError(answers[1]!, 'the person');
    expect(notFound).toBeInstanceOf(GraphError);
    expect(notFound).toMatchObject({
      status: 404,
      code: 'graph_not_found',
      graphCode: expect.any(String),
      userMessage: 'The person was not found.',
      ambiguous: false,
    });
    expect(notFound?.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const forbidden = batchAnswerError(answers[2]!, "Megan's mailbox");
    expect(forbidden).toMatchObject({
      status: 403,
      code: 'graph_forbidden',
      userMessage: "You don't have access to Megan's mailbox.",
    });
  });

  it('reports throttling that outlived the retries, with its Retry-After', async () => {
    await fetch(`${new URL(sandbox.url).origin}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, retryAfterSeconds: 0, count: 5, pathContains: '$select=mail' }),
    });
    const gateway = createGraphGateway({
      baseUrl: sandbox.url,
      auth: { kind: 'sandbox' },
      timeoutMs: 5000,
      maxRetries: 1,
      logger: recordingLogger(),
    });
    const [answer] = await gateway.forUser(alex).batch([{ url: `/users/${alex.id}?$select=mail` }]);
    expect(batchAnswerError(answer!, 'your profile')).toMatchObject({
      status: 429,
      code: 'graph_throttled',
      retryAfterMs: 0,
      retryable: true,
    });
  });

  it('says so when Graph did not answer a request at all', () => {
    expect(batchAnswerError({ status: 0, headers: {}, body: undefined }, 'the calendar')).toMatchObject({
      status: 0,
      code: 'graph_unreachable',
    });
  });
});
