import { llmSettings } from '../../src/llm/options';
import { retryAfterFromHeaders as retryAfterMs } from '../../src/retry';

describe('retryAfterMs', () => {
  const at = Date.parse('2025-01-01T00:00:00Z');
  it.each<[Record<string, string>, number | undefined]>([
    [{}, undefined],
    [{ 'retry-after': '2' }, 2_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '150', 'retry-after': '9' }, 150],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }, 5_000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after-ms': 'x', 'retry-after': '1' }, 1_000],
  ])('%j → %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), at)).toBe(expected);
  });
});

describe('llmSettings', () => {
  it('applies defaults with a deadline that covers every attempt and wait', () => {
    expect(llmSettings({})).toEqual({
      timeoutMs: 60_000,
      maxRetries: 2,
      maxRetryAfterMs: 30_000,
      deadlineMs: 60_000 * 3 + 30_000 * 2,
      tokenLimitParam: 'max_completion_tokens',
      profile: { family: 'auto', reasoningEffort: 'low', reasoningTokens: 8000 },
    });
  });

  it('bounds retries and waits whatever it is given', () => {
    const settings = llmSettings({ maxRetries: 99, maxRetryAfterMs: 600_000, timeoutMs: -5, deadlineMs: Number.NaN });
    expect(settings.maxRetries).toBe(10);
    expect(settings.maxRetryAfterMs).toBe(60_000);
    expect(settings.timeoutMs).toBe(60_000);
    expect(Number.isFinite(settings.deadlineMs)).toBe(true);
  });
});
