import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { download } from '../../src/actions/files/transfer';
import type { ActionContext } from '../../src/engine/catalogue';

/** A download URL that answers 503 with `retryAfter` first, then the bytes. */
async function flakyServer(
  retryAfter: string,
): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    // Not chained: restify (loaded by other test files in this worker) patches writeHead to return nothing.
    if (hits === 1) {
      res.writeHead(503, { 'retry-after': retryAfter });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('the bytes');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/download?token=secret`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The action's clock is pinned; Retry-After dates are read against it, not the machine's. */
const PINNED = new Date('2026-12-02T12:00:00Z');
const ctx = (signal?: AbortSignal): ActionContext => ({
  idempotencyKey: 'k',
  actor: { id: 'u', name: 'U' },
  attempt: 1,
  now: PINNED,
  ...(signal ? { signal } : {}),
});

describe('pre-authenticated transfers', () => {
  it('waits for a Retry-After given as an HTTP date, read against the pinned clock', async () => {
    const server = await flakyServer(new Date(PINNED.getTime() + 1_000).toUTCString());
    try {
      const started = Date.now();
      expect((await download(server.url, 1024, ctx())).toString()).toBe('the bytes');
      expect(server.hits()).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    } finally {
      await server.close();
    }
  });

  it('stops waiting as soon as the step is cancelled', async () => {
    const server = await flakyServer('8');
    try {
      const controller = new AbortController();
      const started = Date.now();
      const pending = download(server.url, 1024, ctx(controller.signal));
      setTimeout(() => controller.abort(new Error('step cancelled')), 100);
      await expect(pending).rejects.toMatchObject({ code: 'graph_unavailable' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('does not wait for a Retry-After past its cap: the answer stands', async () => {
    const server = await flakyServer('60');
    try {
      await expect(download(server.url, 1024, ctx())).rejects.toMatchObject({ code: 'graph_error', retryable: true });
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  });
});
