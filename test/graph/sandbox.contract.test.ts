import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphDirectory } from '../../src/graph/directory';
import { GraphError } from '../../src/graph/errors';
import { traceGraphRequests, type GraphRequestRecord } from '../../src/graph';
import { createGraphGateway } from '../../src/graph/gateway';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { recordingLogger } from './log';
import { pinnedClock } from '../support/clock';

let sandbox: Sandbox;
let directory: GraphDirectory;
let dir = '';
const alexUser = SANDBOX_DIRECTORY.users[0]!;
const alex = { id: alexUser.id, upn: alexUser.userPrincipalName, name: alexUser.displayName };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'delegate-directory-'));
  sandbox = await startSandbox({ dbPath: join(dir, 'tenant.db'), port: 0, clock: pinnedClock().now });
  const gateway = createGraphGateway({
    baseUrl: sandbox.url,
    auth: { kind: 'sandbox' },
    timeoutMs: 5000,
    maxRetries: 2,
    logger: recordingLogger(),
  });
  directory = new GraphDirectory(gateway);
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GraphDirectory against the sandbox', () => {
  it('finds people by the start of a name or by exact mail', async () => {
    expect((await directory.findPeople('meg', alex)).map((p) => p.mail)).toEqual(['meganb@example.com']);
    expect((await directory.findPeople('Bowen', alex)).map((p) => p.displayName)).toEqual(['Megan Bowen']);
    const byMail = await directory.findPeople('adelev@example.com', alex);
    expect(byMail).toEqual([
      {
        id: SANDBOX_DIRECTORY.users[2]!.id,
        displayName: 'Adele Vance',
        mail: 'adelev@example.com',
        userPrincipalName: 'adelev@example.com',
      },
    ]);
  });

  it('treats quotes in a query as text', async () => {
    await expect(directory.findPeople("O'Neil", alex)).resolves.toEqual([]);
    await expect(directory.findPeople('   ', alex)).resolves.toEqual([]);
  });

  it('asks Graph once, in a $batch, for people looked up together, each answered as if alone', async () => {
    const calls: GraphRequestRecord[] = [];
    const [megan, adele, nobody, quoted] = await traceGraphRequests(
      () =>
        Promise.all([
          directory.findPeople('Megan', alex),
          directory.findPeople('adelev@example.com', alex),
          directory.findPeople('Zebedee', alex),
          directory.findPeople("O'Neil", alex),
        ]),
      (call) => calls.push(call),
    );
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1.0/$batch']);
    expect(megan!.map((p) => p.displayName)).toEqual(['Megan Bowen']);
    expect(adele!.map((p) => p.mail)).toEqual(['adelev@example.com']);
    expect(nobody).toEqual([]);
    expect(quoted).toEqual([]);
    // One at a time: plain calls, no batch.
    calls.length = 0;
    await traceGraphRequests(
      async () => {
        await directory.findPeople('Megan', alex);
        await directory.findPeople('Adele', alex);
      },
      (call) => calls.push(call),
    );
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1.0/users', 'GET /v1.0/users']);
  });

  it('keeps different requesters apart: one batch (or call) each', async () => {
    const megan = SANDBOX_DIRECTORY.users[1]!;
    const calls: GraphRequestRecord[] = [];
    await traceGraphRequests(
      () =>
        Promise.all([
          directory.findPeople('Adele', alex),
          directory.findPeople('Adele', { id: megan.id, upn: megan.userPrincipalName, name: megan.displayName }),
        ]),
      (call) => calls.push(call),
    );
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1.0/users', 'GET /v1.0/users']);
  });

  it("finds channels in the actor's teams by name, ignoring case", async () => {
    const general = await directory.findChannels('general', alex);
    expect(general).toEqual([
      {
        teamId: SANDBOX_DIRECTORY.team.id,
        teamName: 'My Team',
        channelId: SANDBOX_DIRECTORY.team.channels[0]!.id,
        channelName: 'General',
      },
    ]);
    expect((await directory.findChannels('', alex)).map((c) => c.channelName).sort()).toEqual([
      'Announcements',
      'General',
    ]);
  });

  it('fails with a typed error for an unknown actor', async () => {
    await expect(
      directory.findChannels('general', { id: 'nobody', name: 'Nobody', upn: 'nobody@example.com' }),
    ).rejects.toBeInstanceOf(GraphError);
  });
});

describe('the gateway against the sandbox', () => {
  it('batches reads and answers in request order', async () => {
    const gateway = createGraphGateway({
      baseUrl: sandbox.url,
      auth: { kind: 'sandbox' },
      timeoutMs: 5000,
      maxRetries: 2,
      logger: recordingLogger(),
    });
    const [megan, adele] = [SANDBOX_DIRECTORY.users[1]!, SANDBOX_DIRECTORY.users[2]!];
    const answers = await gateway
      .forUser(alex)
      .batch<{ displayName?: string }>([
        { url: `/users/${megan.id}` },
        { url: `/users/${adele.id}` },
        { url: '/users/00000000-0000-0000-0000-000000000000' },
      ]);
    expect(answers.map((a) => [a.status, a.body.displayName])).toEqual([
      [200, 'Megan Bowen'],
      [200, 'Adele Vance'],
      [404, undefined],
    ]);
  });

  it('is refused without a known identity', async () => {
    const gateway = createGraphGateway({
      baseUrl: sandbox.url,
      auth: { kind: 'sandbox' },
      timeoutMs: 5000,
      maxRetries: 0,
      logger: recordingLogger(),
    });
    await expect(gateway.forUser({ id: 'x', upn: 'stranger@example.com' }).get('/me')).rejects.toMatchObject({
      code: 'graph_unauthorized',
      status: 401,
    });
  });
});
