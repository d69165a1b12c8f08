import { createGraphGateway, traceGraphRequests, type GraphRequestRecord } from '../../src/graph';
import { graphError, json, reset, startFakeServer, type FakeServer } from './fake-server';
import { recordingLogger } from './log';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

const alex = { id: 'alex-id', upn: 'alexw@example.com' };
const gateway = () =>
  createGraphGateway({
    baseUrl: server.baseUrl,
    auth: { kind: 'sandbox' },
    timeoutMs: 2000,
    maxRetries: 3,
    baseDelayMs: 20,
    logger: recordingLogger(),
  });

/** Run `fn` traced and return what it reported. */
async function traced(fn: () => Promise<unknown>): Promise<GraphRequestRecord[]> {
  const records: GraphRequestRecord[] = [];
  await traceGraphRequests(fn, (r) => records.push(r)).catch(() => undefined);
  return records;
}

describe('traceGraphRequests', () => {
  it('reports every attempt, retries included, with ids and no query string', async () => {
    server.script(
      graphError(429, 'TooManyRequests', { 'Retry-After': '0', 'request-id': 'rid-1' }),
      json(200, {}, { 'request-id': 'rid-2' }),
    );
    const records = await traced(() =>
      gateway().forUser(alex).get('/users/alex-id/messages', { $search: '"Contoso secret"' }),
    );
    expect(records.map((r) => [r.method, r.path, r.status, r.attempt, r.requestId])).toEqual([
      ['GET', '/v1.0/users/alex-id/messages', 429, 1, 'rid-1'],
      ['GET', '/v1.0/users/alex-id/messages', 200, 2, 'rid-2'],
    ]);
    expect(records[0]!.clientRequestId).toBe(server.requests[0]!.headers['client-request-id']);
    expect(records[1]!.clientRequestId).toBe(records[0]!.clientRequestId);
    expect(JSON.stringify(records)).not.toMatch(/Contoso|search/);
    for (const r of records) expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(records[1]!.startedAt).toBeGreaterThanOrEqual(records[0]!.startedAt);
  });

  it('reports each $batch POST once', async () => {
    server.script((req, res) => {
      const { requests } = JSON.parse(req.body) as { requests: Array<{ id: string }> };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ responses: requests.map((r) => ({ id: r.id, status: 200, body: {} })) }));
    });
    const records = await traced(() =>
      gateway()
        .forUser(alex)
        .batch(Array.from({ length: 45 }, (_, i) => ({ url: `/users/u${i}` }))),
    );
    expect(records.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(Array(3).fill('POST /v1.0/$batch 200'));
  });

  it('reports an attempt that got no response with status 0', async () => {
    server.script(reset);
    const records = await traced(() => gateway().forUser(alex).post('/users/alex-id/sendMail', {}));
    expect(records).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1.0/users/alex-id/sendMail',
        status: 0,
        attempt: 1,
        requestId: undefined,
      }),
    ]);
  });

  it('keeps concurrent scopes apart, reports to enclosing scopes, and nothing outside', async () => {
    server.script(json(200, {}));
    const port = gateway().forUser(alex);
    const outer: string[] = [];
    const inner: string[] = [];
    const other: string[] = [];
    await Promise.all([
      traceGraphRequests(
        async () => {
          await port.get('/a');
          await traceGraphRequests(
            () => port.get('/b'),
            (r) => inner.push(r.path),
          );
        },
        (r) => outer.push(r.path),
      ),
      traceGraphRequests(
        () => port.get('/c'),
        (r) => other.push(r.path),
      ),
      port.get('/untraced'),
    ]);
    expect(outer).toEqual(['/v1.0/a', '/v1.0/b']);
    expect(inner).toEqual(['/v1.0/b']);
    expect(other).toEqual(['/v1.0/c']);
  });

  it('never fails a call because a listener threw', async () => {
    server.script(json(200, { ok: 1 }));
    const result = traceGraphRequests(
      () => gateway().forUser(alex).get('/me'),
      () => {
        throw new Error('listener broke');
      },
    );
    await expect(result).resolves.toEqual({ ok: 1 });
  });

  it('returns what fn returns and rejects with what fn rejects', async () => {
    await expect(
      traceGraphRequests(
        async () => 7,
        () => undefined,
      ),
    ).resolves.toBe(7);
    await expect(
      traceGraphRequests(
        () => Promise.reject(new Error('boom')),
        () => undefined,
      ),
    ).rejects.toThrow('boom');
  });
});
