import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphGateway, GraphError, traceGraphRequests, type GraphRequestRecord } from '../../src/graph';
import { SANDBOX_DIRECTORY, startSandbox, type Sandbox } from '../../src/sandbox';
import { recordingLogger } from './log';
import { startLossyProxy, type LossyProxy } from './proxy';
import { pinnedClock } from '../support/clock';

let sandbox: Sandbox;
let proxy: LossyProxy;
let dir = '';
const alexUser = SANDBOX_DIRECTORY.users[0]!;
const alex = { id: alexUser.id, upn: alexUser.userPrincipalName };
const origin = () => new URL(sandbox.url).origin;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'delegate-graph-put-'));
  sandbox = await startSandbox({ dbPath: join(dir, 'tenant.db'), port: 0, clock: pinnedClock().now });
  proxy = await startLossyProxy(sandbox.url);
});
beforeEach(async () => {
  await fetch(`${origin()}/_sandbox/faults`, { method: 'DELETE' });
  proxy.forwarded.length = 0;
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const port = (baseUrl = sandbox.url) =>
  createGraphGateway({
    baseUrl,
    auth: { kind: 'sandbox' },
    timeoutMs: 5000,
    maxRetries: 3,
    baseDelayMs: 20,
    logger: recordingLogger(),
  }).forUser(alex);

interface Item {
  id: string;
  name: string;
  size: number;
  '@microsoft.graph.downloadUrl': string;
}

const content = (path: string, conflict: string): string =>
  `/users/${alex.id}/drive/root:/${path}:/content?@microsoft.graph.conflictBehavior=${conflict}`;
const download = async (item: Item): Promise<Buffer> =>
  Buffer.from(await (await fetch(item['@microsoft.graph.downloadUrl'])).arrayBuffer());

describe('GraphPort.put against the sandbox', () => {
  it('sends binary bytes exactly, even from a view into a larger buffer', async () => {
    const backing = new Uint8Array(600);
    for (let i = 0; i < backing.length; i++) backing[i] = (i * 7) % 256;
    const view = backing.subarray(50, 562);
    const item = await port().put<Item>(content('PutTests/bytes.bin', 'fail'), view, { idempotent: false });
    expect(item).toMatchObject({ name: 'bytes.bin', size: 512 });
    expect((await download(item)).equals(Buffer.from(view))).toBe(true);
  });

  it('completes a throttled PUT after Retry-After, through the traced middleware', async () => {
    await fetch(`${origin()}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: 'Throttled.txt:/content' }),
    });
    const records: GraphRequestRecord[] = [];
    const started = Date.now();
    const item = await traceGraphRequests(
      () => port().put<Item>(content('Throttled.txt', 'fail'), Buffer.from('hello'), { contentType: 'text/plain' }),
      (r) => records.push(r),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(records.map((r) => `${r.method} ${r.status} ${r.attempt}`)).toEqual(['PUT 429 1', 'PUT 201 2']);
    expect((await download(item)).toString()).toBe('hello');
  });

  it('maps a refused PUT to a typed GraphError (409 nameAlreadyExists)', async () => {
    await port().put<Item>(content('Taken.txt', 'fail'), Buffer.from('one'));
    const error = await port()
      .put<Item>(content('Taken.txt', 'fail'), Buffer.from('two'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 409, graphCode: 'nameAlreadyExists', ambiguous: false });
  });

  it('does not replay a non-idempotent PUT after a lost answer: ambiguous, one write', async () => {
    proxy.sabotage(/^PUT .*Lost\.txt:\/content$/, 504);
    await expect(port(proxy.baseUrl).put<Item>(content('Lost.txt', 'rename'), Buffer.from('x'))).rejects.toMatchObject({
      status: 504,
      ambiguous: true,
    });
    expect(proxy.forwarded.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
    const children = await port().get<{ value: Item[] }>(`/users/${alex.id}/drive/root/children`);
    expect(children.value.filter((i) => i.name.startsWith('Lost')).map((i) => i.name)).toEqual(['Lost.txt']);
  });

  it('replays an idempotent PUT (replace) after a lost answer, converging on one file', async () => {
    proxy.sabotage(/^PUT .*Again\.txt:\/content$/, 504);
    const item = await port(proxy.baseUrl).put<Item>(content('Again.txt', 'replace'), Buffer.from('same'), {
      idempotent: true,
    });
    expect(proxy.forwarded.filter((l) => l.startsWith('PUT'))).toHaveLength(2);
    const children = await port().get<{ value: Item[] }>(`/users/${alex.id}/drive/root/children`);
    expect(children.value.filter((i) => i.name.startsWith('Again')).map((i) => i.id)).toEqual([item.id]);
  });
});
