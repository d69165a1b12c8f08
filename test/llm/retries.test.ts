import { createLlmClient } from '../../src/llm/openai-client';
import type { LlmClientOptions } from '../../src/llm/options';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { recordingLogger, timed } from './helpers';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ask = { messages: [{ role: 'user' as const, content: 'plan it' }] };
function client(extra: Partial<LlmClientOptions> = {}) {
  return createLlmClient({
    kind: 'azure',
    endpoint: fake.azureEndpoint,
    deployment: 'd',
    apiVersion: '2024-10-21',
    auth: { apiKey: 'k' },
    maxRetries: 2,
    ...extra,
  } as LlmClientOptions);
}

describe('throttling and transient failures', () => {
  it('waits at least Retry-After after a 429, then succeeds', async () => {
    fake.failNext(429, { retryAfterSeconds: 1 });
    fake.enqueue('done');
    const logger = recordingLogger();

    const { ms, value } = await timed(() => client({ logger }).complete(ask));

    expect(value.content).toBe('done');
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    const [first, second] = fake.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(990);
    expect(ms).toBeGreaterThanOrEqual(990);
    // At least the 429 and the success; on a loaded machine a keep-alive connection dropped during
    // the wait has been retried once more without reaching the server (seen in a 7-day any-day run).
    const logged = logger.lines.find((line) => line.msg === 'llm completion')?.obj as { attempts?: number };
    expect(logged.attempts).toBeGreaterThanOrEqual(2);
    // One logical call for budgets, however many attempts it took.
    expect(value.usage.calls).toBe(1);
  });

  it('prefers Azure retry-after-ms to retry-after', async () => {
    fake.enqueue({ status: 429, retryAfterMs: 200, retryAfterSeconds: 20 }, 'done');
    const { ms } = await timed(() => client().complete(ask));
    const [first, second] = fake.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(5_000);
  });

  it('gives up after maxRetries when throttled for ever: llm_throttled, retryable', async () => {
    fake.failNext(429, { retryAfterSeconds: 0, count: Infinity });
    const failure = client({ maxRetries: 2 }).complete(ask);
    await expect(failure).rejects.toMatchObject({
      code: 'llm_throttled',
      status: 429,
      retryable: true,
      retryAfterMs: 0,
      requestId: 'req_fake_3',
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('caps maxRetries so that a misconfiguration cannot loop for long', async () => {
    fake.failNext(429, { retryAfterSeconds: 0, count: Infinity });
    await expect(client({ maxRetries: 1_000 }).complete(ask)).rejects.toMatchObject({ code: 'llm_throttled' });
    expect(fake.requests).toHaveLength(11);
  });

  it('does not wait for a Retry-After longer than allowed: fails at once with the wait', async () => {
    fake.failNext(429, { retryAfterSeconds: 120, count: Infinity });
    const { ms, value } = await timed(() =>
      client({ maxRetryAfterMs: 10_000 })
        .complete(ask)
        .catch((error: unknown) => error),
    );
    expect(value).toMatchObject({ code: 'llm_throttled', retryAfterMs: 120_000 });
    expect(fake.requests).toHaveLength(1);
    expect(ms).toBeLessThan(2_000);
  });

  it('retries 5xx and succeeds', async () => {
    fake.enqueue({ status: 500, retryAfterMs: 10 }, { status: 503, retryAfterMs: 10 }, 'recovered');
    await expect(client().complete(ask)).resolves.toMatchObject({ content: 'recovered' });
    expect(fake.requests.map((r) => r.status)).toEqual([500, 503, 200]);
  });

  it('reports llm_unavailable when 5xx outlives the retries', async () => {
    fake.failNext(500, { retryAfterMs: 10, count: Infinity });
    await expect(client({ maxRetries: 1 }).complete(ask)).rejects.toMatchObject({
      code: 'llm_unavailable',
      status: 500,
      retryable: true,
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry a 400; an Azure content-filter 400 is llm_content_filtered', async () => {
    fake.enqueue(
      { status: 400, error: { message: "Invalid schema for response_format 'plan'", param: 'response_format' } },
      {
        status: 400,
        error: {
          code: 'content_filter',
          message: 'The prompt was filtered.',
          innererror: { code: 'ResponsibleAIPolicyViolation' },
        },
      },
    );
    await expect(client().complete(ask)).rejects.toMatchObject({
      code: 'llm_bad_request',
      status: 400,
      retryable: false,
    });
    await expect(client().complete(ask)).rejects.toMatchObject({ code: 'llm_content_filtered', status: 400 });
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a missing deployment as llm_not_found', async () => {
    fake.enqueue({
      status: 404,
      error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' },
    });
    await expect(client().complete(ask)).rejects.toMatchObject({ code: 'llm_not_found', status: 404 });
  });
});
