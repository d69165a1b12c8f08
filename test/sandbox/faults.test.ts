import type { Sandbox } from '../../src/sandbox';
import { admin, call, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  await admin(sandbox, 'DELETE', '/_sandbox/faults');
});

describe('fault injection', () => {
  it('throttles the next matching requests with 429, a Graph error body and Retry-After', async () => {
    expect(
      await admin(sandbox, 'POST', '/_sandbox/faults', {
        status: 429,
        retryAfterSeconds: 3,
        count: 2,
        pathContains: '/messages',
      }),
    ).toBe(201);
    const untouched = await call(sandbox, 'GET', '/me');
    expect(untouched.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await call(sandbox, 'GET', '/me/messages?$top=1');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(res.json.error.code).toBe('TooManyRequests');
      expect(res.json.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    }
    expect((await call(sandbox, 'GET', '/me/messages?$top=1')).status).toBe(200);
  });

  it('injects 503 into batch items too, and DELETE clears faults', async () => {
    await admin(sandbox, 'POST', '/_sandbox/faults', { status: 503, count: 5, pathContains: 'joinedTeams' });
    const batch = await call(sandbox, 'POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/me/joinedTeams' },
          { id: '2', method: 'GET', url: '/me' },
        ],
      },
    });
    expect(batch.status).toBe(200);
    expect(batch.json.responses[0]).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    expect(batch.json.responses[1].status).toBe(200);
    expect(await admin(sandbox, 'DELETE', '/_sandbox/faults')).toBe(204);
    expect((await call(sandbox, 'GET', '/me/joinedTeams')).status).toBe(200);
  });

  it('adds latency', async () => {
    await admin(sandbox, 'POST', '/_sandbox/faults', { latencyMs: 150, count: 1 });
    const started = Date.now();
    expect((await call(sandbox, 'GET', '/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('validates fault rules', async () => {
    expect(await admin(sandbox, 'POST', '/_sandbox/faults', { status: 500, count: 1 })).toBe(400);
    expect(await admin(sandbox, 'POST', '/_sandbox/faults', { status: 429, count: 0 })).toBe(400);
    expect(await admin(sandbox, 'GET', '/_sandbox/nothing')).toBe(404);
  });
});
