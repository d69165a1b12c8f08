import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogue } from '../../src/actions';
import { createGraphGateway, traceGraphRequests, type GraphRequestRecord } from '../../src/graph';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { recordingLogger } from './log';
import { startLossyProxy, type LossyProxy } from './proxy';
import { pinnedClock, TEST_NOW } from '../support/clock';

/** A request as the sandbox saw it, stamped when it answered. */
interface Served {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly at: number;
}

let sandbox: Sandbox;
let dir = '';
const served: Served[] = [];
const users = SANDBOX_DIRECTORY.users;
const alexUser = users[0]!;
const alex = { id: alexUser.id, upn: alexUser.userPrincipalName, name: alexUser.displayName };
const origin = () => new URL(sandbox.url).origin;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'delegate-graph-faults-'));
  const logger = {
    info: (obj: object) => {
      const o = obj as Partial<Served>;
      if (o.method && o.path && typeof o.status === 'number')
        served.push({ method: o.method, path: o.path, status: o.status, at: Date.now() });
    },
    warn: () => undefined,
  };
  sandbox = await startSandbox({ dbPath: join(dir, 'tenant.db'), port: 0, clock: pinnedClock().now, logger });
});
beforeEach(async () => {
  await fetch(`${origin()}/_sandbox/faults`, { method: 'DELETE' });
  served.length = 0;
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fault(rule: {
  status: 429;
  retryAfterSeconds: number;
  count: number;
  pathContains: string;
}): Promise<void> {
  const response = await fetch(`${origin()}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (!response.ok) throw new Error(`fault injection failed: ${response.status}`);
}

const gateway = (baseUrl = sandbox.url) =>
  createGraphGateway({
    baseUrl,
    auth: { kind: 'sandbox' },
    timeoutMs: 5000,
    maxRetries: 3,
    baseDelayMs: 20,
    logger: recordingLogger(),
  });

async function traced<T>(fn: () => Promise<T>): Promise<{ result: T; records: GraphRequestRecord[] }> {
  const records: GraphRequestRecord[] = [];
  const result = await traceGraphRequests(fn, (r) => records.push(r));
  return { result, records };
}

/** Twelve independent reads with distinct paths: six profiles, then six views of Alex's mailbox. */
const profiles = users.slice(0, 6).map((u) => `/users/${u.id}?$select=id,displayName`);
const mailbox = [
  '/messages?$top=1',
  '/mailFolders',
  '/mailFolders/inbox',
  '/mailFolders/inbox/messages?$top=1',
  '/mailFolders/sentitems',
  '/mailboxSettings',
].map((p) => `/users/${alex.id}${p}`);
const reads = [...profiles, ...mailbox];
/** The path the sandbox logs for a read. */
const servedPath = (read: string): string => `/v1.0${read.split('?')[0] ?? ''}`;

describe('a 429 storm against the sandbox', () => {
  it('completes every read with no retry issued before Retry-After elapsed', async () => {
    // Half of the reads (the profiles) are throttled on their first attempt, for one second.
    const throttled = profiles;
    for (const path of throttled) await fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: path });
    const port = gateway().forUser(alex);
    const { result, records } = await traced(() => Promise.all(reads.map((path) => port.get<{ id?: string }>(path))));

    expect(result.slice(0, 6).map((u) => u.id)).toEqual(users.slice(0, 6).map((u) => u.id));
    expect(records.filter((r) => r.status === 429)).toHaveLength(throttled.length);
    expect(records).toHaveLength(reads.length + throttled.length);
    // Client side: each retry started at least Retry-After after its 429 arrived.
    for (const retry of records.filter((r) => r.attempt > 1)) {
      const first = records.find((r) => r.clientRequestId === retry.clientRequestId && r.attempt === retry.attempt - 1);
      expect(first?.status).toBe(429);
      expect(retry.startedAt).toBeGreaterThanOrEqual(first!.startedAt + first!.durationMs + 1000);
    }
    // Server side: the sandbox saw each throttled path again only a second or more later.
    for (const path of throttled) {
      const seen = served.filter((s) => s.path === servedPath(path) && s.method === 'GET');
      expect(seen.map((s) => s.status)).toEqual([429, 200]);
      expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(1000);
    }
  });

  it('retries throttled sub-requests of a $batch only after their Retry-After', async () => {
    for (const path of profiles) await fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: path });
    const started = Date.now();
    const { result, records } = await traced(() =>
      gateway()
        .forUser(alex)
        .batch<{ id: string }>(reads.map((url) => ({ url }))),
    );
    expect(result.map((a) => a.status)).toEqual(reads.map(() => 200));
    expect(records.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
    expect(records[1]!.startedAt - (records[0]!.startedAt + records[0]!.durationMs)).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('batching against the sandbox', () => {
  it.each([1, 20, 21, 45])('issues ceil(n/20) $batch requests for %i independent reads', async (n) => {
    const urls = Array.from({ length: n }, (_, i) => reads[i % reads.length]!);
    const { result, records } = await traced(() =>
      gateway()
        .forUser(alex)
        .batch<{ id?: string; '@odata.context'?: string }>(urls.map((url) => ({ url }))),
    );
    expect(records.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
      Array(Math.ceil(n / 20)).fill('POST /v1.0/$batch 200'),
    );
    expect(served.filter((s) => s.path === '/v1.0/$batch')).toHaveLength(Math.ceil(n / 20));
    // Answers come back in request order: each profile answer is that person's.
    expect(result.map((a) => a.status)).toEqual(urls.map(() => 200));
    urls.forEach((url, i) => {
      if (url.includes('$select=id,displayName')) expect(result[i]!.body.id).toBe(url.split('/')[2]!.split('?')[0]);
    });
  });
});

describe('an ambiguous failure of a send', () => {
  let proxy: LossyProxy;
  beforeAll(async () => {
    proxy = await startLossyProxy(sandbox.url);
  });
  afterAll(() => proxy.close());

  const megan = users[1]!;
  const inboxCount = async (subject: string): Promise<number> => {
    const filter = encodeURIComponent(`subject eq '${subject}'`);
    const response = await fetch(`${sandbox.url}/users/${megan.id}/mailFolders/inbox/messages?$filter=${filter}`, {
      headers: { authorization: `Bearer sandbox:${megan.userPrincipalName}` },
    });
    return ((await response.json()) as { value: unknown[] }).value.length;
  };

  it.each(['drop', 504] as const)('never produces a second mail (answer lost: %s)', async (how) => {
    const subject = `Ambiguous ${how}`;
    const send = createCatalogue(gateway(proxy.baseUrl)).get('mail.send')!;
    const input = send.input.parse({ to: [megan.userPrincipalName], subject, body: 'Once.' });
    const ctx = { idempotencyKey: `ambiguous-${how}`, actor: alex, now: TEST_NOW };
    proxy.sabotage(/^POST \/v1\.0\/users\/[^/]+\/messages\/[^/]+\/send$/, how);

    const first = await traced(() =>
      send.run(input, { ...ctx, attempt: 1 }).then(
        () => 'sent',
        (e: unknown) => e,
      ),
    );
    expect(first.result).toMatchObject({ kind: 'graph', ambiguous: true });
    expect(first.records.filter((r) => r.path.endsWith('/send'))).toHaveLength(1);
    expect(await inboxCount(subject)).toBe(1);

    // The engine retries the step with the same key: it reconciles and finds the sent mail.
    const second = await traced(() => send.run(input, { ...ctx, attempt: 2 }));
    expect(second.records.filter((r) => r.path.endsWith('/send'))).toHaveLength(0);
    expect(await inboxCount(subject)).toBe(1);
    expect(proxy.forwarded.filter((line) => line.endsWith('/send'))).toHaveLength(1);
    proxy.forwarded.length = 0;
  });
});
