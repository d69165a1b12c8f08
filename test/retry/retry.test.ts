import { backoffDelay, parseRetryAfter, retryAfterFromHeaders, retryDelay, sleep, withTimeout } from '../../src/retry';

/** A pinned clock: Wednesday 2 December 2026, 12:00:00 UTC. */
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

describe('Retry-After', () => {
  it('reads delta-seconds and an HTTP date against a pinned clock', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 12:00:07 GMT', NOW)).toBe(7_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 11:59:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('later', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it("prefers Azure's retry-after-ms, and falls back to retry-after when it is not a number", () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(retryAfterFromHeaders(headers({ 'retry-after-ms': '150', 'retry-after': '9' }), NOW)).toBe(150);
    expect(retryAfterFromHeaders(headers({ 'retry-after-ms': 'x', 'Retry-After': '2' }), NOW)).toBe(2_000);
    expect(retryAfterFromHeaders(headers({ 'retry-after': 'Wed, 02 Dec 2026 12:01:00 GMT' }), NOW)).toBe(60_000);
    expect(retryAfterFromHeaders(headers({}), NOW)).toBeUndefined();
  });
});

describe('delays', () => {
  const delays = { baseDelayMs: 100, maxBackoffMs: 1_000, maxRetryAfterMs: 5_000, random: () => 1 };

  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((retry) => backoffDelay(retry, 100, 1_000, () => 1))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(backoffDelay(3, 100, 1_000, () => 0)).toBe(200);
  });

  it("waits at least the server's Retry-After, and not at all past its cap", () => {
    expect(retryDelay(1, 2_000, delays)).toBe(2_050);
    expect(retryDelay(1, 2_000, { ...delays, random: () => 0 })).toBe(2_000);
    expect(retryDelay(1, 5_001, delays)).toBeUndefined();
    expect(retryDelay(6, undefined, delays)).toBe(1_000);
  });
});

describe('sleep and withTimeout', () => {
  it('sleep ends early with the reason when the signal aborts while it waits', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 20);
    await expect(sleeping).rejects.toThrow('cancelled by the user');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('withTimeout gives the result in time, and rejects at the deadline even when the work ignores its signal', async () => {
    expect(await withTimeout(1_000, () => Promise.resolve(42), { onTimeout: () => new Error('late') })).toBe(42);
    let seen: AbortSignal | undefined;
    const late = withTimeout(
      30,
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
      { onTimeout: () => new Error('too slow') },
    );
    await expect(late).rejects.toThrow('too slow');
    expect(seen?.aborted).toBe(true);
  });

  it("withTimeout passes the caller's abort on to the work and rejects with its reason", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const running = withTimeout(
      10_000,
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
      { onTimeout: () => new Error('too slow'), signal: controller.signal },
    );
    controller.abort(new Error('stop'));
    await expect(running).rejects.toThrow('stop');
    expect(seen?.aborted).toBe(true);
  });
});
