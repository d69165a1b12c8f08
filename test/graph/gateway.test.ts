import { createGraphGateway } from '../../src/graph/gateway';
import { GraphError } from '../../src/graph/errors';
import type { GraphGatewayOptions } from '../../src/graph/types';
import { graphError, json, reset, stall, startFakeServer, type FakeServer } from './fake-server';
import { recordingLogger } from './log';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

const alex = { id: 'alex-id', upn: 'alexw@example.com' };

function gateway(overrides: Partial<GraphGatewayOptions> = {}) {
  return createGraphGateway({
    baseUrl: server.baseUrl,
    auth: { kind: 'sandbox' },
    timeoutMs: 2000,
    maxRetries: 3,
    baseDelayMs: 40,
    logger: recordingLogger(),
    ...overrides,
  });
}

async function graphErrorOf(promise: Promise<unknown>): Promise<GraphError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('retries', () => {
  it('waits at least Retry-After after a 429, then succeeds', async () => {
    server.script(graphError(429, 'TooManyRequests', { 'Retry-After': '1' }), json(200, { ok: 1 }));
    const result = await gateway().forUser(alex).get<{ ok: number }>('/users/alex-id/messages');
    expect(result).toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(second!.headers['retry-attempt']).toBe('1');
  });

  it('backs off exponentially when there is no Retry-After', async () => {
    server.script(graphError(503, 'ServiceUnavailable'), graphError(503, 'ServiceUnavailable'), json(200, { ok: 2 }));
    const result = await gateway({ baseDelayMs: 100 }).forUser(alex).get('/users/alex-id/events');
    expect(result).toEqual({ ok: 2 });
    const [a, b, c] = server.requests;
    // Jitter keeps each wait within [0.5, 1] of 100 ms, then of 200 ms.
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(45);
    expect(c!.at - b!.at).toBeGreaterThanOrEqual(95);
  });

  it('stops after maxRetries and surfaces a typed throttling error', async () => {
    server.script(graphError(429, 'TooManyRequests', { 'Retry-After': '0', 'request-id': 'rid-429' }));
    const error = await graphErrorOf(gateway({ maxRetries: 2 }).forUser(alex).get('/users/alex-id/messages'));
    expect(server.requests).toHaveLength(3);
    expect(error).toMatchObject({
      kind: 'graph',
      code: 'graph_throttled',
      status: 429,
      retryable: true,
      ambiguous: false,
    });
    expect(error.userMessage).toMatch(/Microsoft 365 is busy/);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    server.script(graphError(429, 'TooManyRequests', { 'Retry-After': '120' }));
    const started = Date.now();
    const error = await graphErrorOf(gateway({ maxRetryAfterMs: 5000 }).forUser(alex).get('/users/alex-id/messages'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('retries a GET whose connection was reset', async () => {
    server.script(reset, json(200, { ok: 3 }));
    await expect(gateway().forUser(alex).get('/users/alex-id/messages')).resolves.toEqual({ ok: 3 });
    expect(server.requests).toHaveLength(2);
  });
});

describe('non-idempotent writes', () => {
  it('does not replay a POST after a 504 and marks the failure ambiguous', async () => {
    server.script(graphError(504, 'GatewayTimeout'), json(201, { id: 'never' }));
    const error = await graphErrorOf(gateway().forUser(alex).post('/users/alex-id/messages', { subject: 'x' }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 504, ambiguous: true, retryable: true, code: 'graph_unavailable' });
  });

  it('does not replay a POST whose connection was reset', async () => {
    server.script(reset, json(201, { id: 'never' }));
    const error = await graphErrorOf(gateway().forUser(alex).post('/users/alex-id/messages', { subject: 'x' }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 0, ambiguous: true, code: 'graph_unreachable' });
  });

  it('does not replay a POST after a 503 without Retry-After', async () => {
    server.script(graphError(503, 'ServiceUnavailable'), json(201, { id: 'never' }));
    const error = await graphErrorOf(gateway().forUser(alex).post('/users/alex-id/messages', {}));
    expect(server.requests).toHaveLength(1);
    expect(error.ambiguous).toBe(true);
  });

  it('retries a POST after a 429 or a 503 with Retry-After (nothing was processed)', async () => {
    server.script(
      graphError(429, 'TooManyRequests', { 'Retry-After': '0' }),
      graphError(503, 'ServiceUnavailable', { 'Retry-After': '0' }),
      json(201, { id: 'm1' }),
    );
    await expect(gateway().forUser(alex).post('/users/alex-id/messages', { a: 1 })).resolves.toEqual({ id: 'm1' });
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  it('retries a POST declared idempotent after a 504', async () => {
    server.script(graphError(504, 'GatewayTimeout'), json(200, { ok: 4 }));
    const port = gateway().forUser(alex);
    await expect(port.post('/users/alex-id/findMeetingTimes', {}, { idempotent: true })).resolves.toEqual({ ok: 4 });
    expect(server.requests).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('turns a stalled GET into a typed timeout error', async () => {
    server.script(stall);
    const error = await graphErrorOf(gateway({ timeoutMs: 150 }).forUser(alex).get('/users/alex-id/messages'));
    expect(error).toMatchObject({ code: 'graph_timeout', status: 0, ambiguous: false, retryable: true });
    expect(server.requests).toHaveLength(1);
  });

  it('marks a timed-out POST ambiguous and does not replay it', async () => {
    server.script(stall);
    const error = await graphErrorOf(gateway({ timeoutMs: 150 }).forUser(alex).post('/users/alex-id/sendMail', {}));
    expect(error).toMatchObject({ code: 'graph_timeout', ambiguous: true });
    expect(server.requests).toHaveLength(1);
  });

  it('stops waiting when the caller aborts', async () => {
    server.script(graphError(429, 'TooManyRequests', { 'Retry-After': '5' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await graphErrorOf(
      gateway().forUser(alex).get('/users/alex-id/messages', undefined, { signal: controller.signal }),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('graph_cancelled');
  });
});

describe('errors', () => {
  it('captures request-id and Graph error code, and keeps the body out of the message', async () => {
    server.script(graphError(404, 'ErrorItemNotFound', { 'request-id': 'rid-404' }));
    const error = await graphErrorOf(gateway().forUser(alex).get('/users/alex-id/messages/m9'));
    expect(error).toMatchObject({
      status: 404,
      graphCode: 'ErrorItemNotFound',
      requestId: 'rid-404',
      code: 'graph_not_found',
    });
    expect(error.userMessage).toBe('The message was not found.');
    expect(error.message).not.toMatch(/secret body text/);
    expect(error.clientRequestId).toBe(server.requests[0]!.headers['client-request-id']);
  });

  it('names the target of a 403', async () => {
    server.script(graphError(403, 'ErrorAccessDenied'));
    const error = await graphErrorOf(gateway().forUser(alex).get('/users/megan-id/messages'));
    expect(error).toMatchObject({ code: 'graph_forbidden', retryable: false });
    expect(error.userMessage).toBe("You don't have access to the mailbox.");
  });

  it('falls back to the client-request-id when Graph sent no request-id', async () => {
    server.script(stall);
    const error = await graphErrorOf(gateway({ timeoutMs: 100 }).forUser(alex).get('/me'));
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('authentication', () => {
  it('sends the sandbox bearer for a user and for the app', async () => {
    server.script(json(200, {}));
    const gw = gateway();
    await gw.forUser(alex).get('/me');
    await gw.forApp().get('/users');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer sandbox:alexw@example.com',
      'Bearer sandbox:app',
    ]);
  });

  it('never sends a real token to a host that is not Microsoft Graph', async () => {
    server.script(json(200, {}));
    const getToken = jest.fn(async () => ({ token: 'real-secret', expiresOnTimestamp: Date.now() + 3600_000 }));
    const gw = gateway({ auth: { kind: 'credential', credential: { getToken } } });
    await gw.forApp().get('/users');
    expect(getToken).not.toHaveBeenCalled();
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('sends a client-request-id with every attempt', async () => {
    server.script(graphError(429, 'TooManyRequests', { 'Retry-After': '0' }), json(200, {}));
    await gateway().forUser(alex).get('/me');
    const ids = server.requests.map((r) => r.headers['client-request-id']);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });
});

describe('queries and paging', () => {
  it('URL-encodes query values', async () => {
    server.script(json(200, { value: [] }));
    await gateway().forUser(alex).get('/users', { $filter: "startswith(displayName,'O''Neil & co')", $top: 5 });
    const url = new URL(server.requests[0]!.url, 'http://x');
    expect(url.pathname).toBe('/v1.0/users');
    expect(url.searchParams.get('$filter')).toBe("startswith(displayName,'O''Neil & co')");
    expect(url.searchParams.get('$top')).toBe('5');
  });

  it('follows nextLink but no further than maxPages', async () => {
    let page = 0;
    server.script((req, res) => {
      page += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: [page], '@odata.nextLink': `${server.baseUrl}/users?$skiptoken=p${page}` }));
    });
    const items = await gateway().forUser(alex).getAll<number>('/users', { maxPages: 3 });
    expect(items).toEqual([1, 2, 3]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1.0/users',
      '/v1.0/users?$skiptoken=p1',
      '/v1.0/users?$skiptoken=p2',
    ]);
  });

  it('does not follow a nextLink to another host', async () => {
    server.script(json(200, { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=x' }));
    const logger = recordingLogger();
    await expect(gateway({ logger }).forUser(alex).getAll('/users', { maxPages: 5 })).resolves.toEqual([1]);
    expect(server.requests).toHaveLength(1);
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
  });
});

describe('batch', () => {
  it('sends ceil(n/20) batches and returns answers in request order', async () => {
    server.script((req, res) => {
      const { requests } = JSON.parse(req.body) as { requests: Array<{ id: string; url: string }> };
      const responses = requests.map((r) => ({ id: r.id, status: 200, headers: {}, body: { url: r.url } })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ responses }));
    });
    const requests = Array.from({ length: 45 }, (_, i) => ({ url: `/users/u${i}` }));
    const answers = await gateway().forUser(alex).batch<{ url: string }>(requests);
    expect(server.requests.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/v1.0/$batch'],
      ['POST', '/v1.0/$batch'],
      ['POST', '/v1.0/$batch'],
    ]);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { requests: unknown[] }).requests.length)).toEqual([
      20, 20, 5,
    ]);
    expect(answers.map((a) => a.body.url)).toEqual(requests.map((r) => r.url));
  });

  it('sends throttled sub-requests again after their Retry-After', async () => {
    let round = 0;
    server.script((req, res) => {
      round += 1;
      const { requests } = JSON.parse(req.body) as { requests: Array<{ id: string }> };
      const responses = requests.map((r) =>
        round === 1 && r.id === '1'
          ? { id: r.id, status: 429, headers: { 'Retry-After': '0' }, body: {} }
          : { id: r.id, status: 200, headers: {}, body: { round } },
      );
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ responses }));
    });
    const answers = await gateway()
      .forUser(alex)
      .batch<{ round: number }>([{ url: '/a' }, { url: '/b' }, { url: '/c' }]);
    expect(answers.map((a) => [a.status, a.body.round])).toEqual([
      [200, 1],
      [200, 2],
      [200, 1],
    ]);
    expect((JSON.parse(server.requests[1]!.body) as { requests: unknown[] }).requests).toHaveLength(1);
  });
});
