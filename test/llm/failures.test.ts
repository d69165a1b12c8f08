import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LlmError } from '../../src/llm/errors';
import { createLlmClient } from '../../src/llm/openai-client';
import type { OpenAiCompatibleLlmOptions } from '../../src/llm/options';
import { DelegateError } from '../../src/engine/errors';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../support/fake-openai';
import { timed } from './helpers';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ validCredentials: ['sk-good'] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ask = { messages: [{ role: 'user' as const, content: 'plan it' }] };
function client(extra: Partial<OpenAiCompatibleLlmOptions> = {}) {
  return createLlmClient({ kind: 'openai', baseUrl: `${fake.url}/v1`, model: 'local', maxRetries: 0, ...extra });
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe('time limits and cancellation', () => {
  it('times out a slow answer as llm_timeout', async () => {
    fake.enqueue({ content: 'late', delayMs: 3_000 });
    const { ms, value } = await timed(() => failureOf(client({ timeoutMs: 200, deadlineMs: 10_000 }).complete(ask)));
    expect(value).toMatchObject({ code: 'llm_timeout', kind: 'planner', retryable: true });
    expect(value).toBeInstanceOf(DelegateError);
    expect(ms).toBeLessThan(2_000);
  });

  it('retries a timed-out attempt, boundedly', async () => {
    fake.script(() => ({ content: 'late', delayMs: 3_000 }));
    await expect(client({ timeoutMs: 150, maxRetries: 1, deadlineMs: 10_000 }).complete(ask)).rejects.toMatchObject({
      code: 'llm_timeout',
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('ends a call whose body stalls at the overall deadline', async () => {
    fake.enqueue({ content: 'stuck', bodyDelayMs: 3_000 });
    const { ms, value } = await timed(() => failureOf(client({ timeoutMs: 1_000, deadlineMs: 300 }).complete(ask)));
    expect(value.code).toBe('llm_timeout');
    expect(ms).toBeLessThan(2_000);
  });

  it("stops at once when the caller's signal aborts: llm_cancelled", async () => {
    fake.enqueue({ content: 'late', delayMs: 3_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { ms, value } = await timed(() => failureOf(client().complete({ ...ask, signal: controller.signal })));
    expect(value).toMatchObject({ code: 'llm_cancelled', retryable: false });
    expect(ms).toBeLessThan(2_000);
  });

  it('does not call at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client().complete({ ...ask, signal: controller.signal })).rejects.toMatchObject({
      code: 'llm_cancelled',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('reports an unreachable server as llm_unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createLlmClient({
      kind: 'openai',
      baseUrl: `http://127.0.0.1:${port}/v1`,
      model: 'm',
      maxRetries: 0,
    });
    await expect(offline.complete(ask)).rejects.toMatchObject({ code: 'llm_unavailable', retryable: true });
  });
});

describe('answers that cannot be used', () => {
  const cases: Array<[string, FakeReply, string]> = [
    ['a body that is not JSON', { raw: 'this is not json {' }, 'llm_bad_response'],
    [
      'an HTML error page with 200',
      { raw: '<html>proxy says hello</html>', contentType: 'text/html' },
      'llm_bad_response',
    ],
    [
      'JSON without choices',
      { raw: '{"id":"x","object":"chat.completion","usage":{"prompt_tokens":1,"completion_tokens":1}}' },
      'llm_bad_response',
    ],
    ['an empty choices array', { raw: '{"id":"x","choices":[]}' }, 'llm_bad_response'],
    ['empty content and no tool calls', { content: '' }, 'llm_bad_response'],
    ['an answer cut off at the token limit', { content: '{"title":"half', finishReason: 'length' }, 'llm_truncated'],
    [
      'an answer stopped by the content filter',
      { content: '', finishReason: 'content_filter' },
      'llm_content_filtered',
    ],
    ['a structured-output refusal', { refusal: "I can't help with that." }, 'llm_refused'],
  ];

  it.each(cases)('%s', async (_name, reply, code) => {
    fake.enqueue(reply);
    const error = await failureOf(client().complete(ask));
    expect(error.code).toBe(code);
    expect(error.kind).toBe('planner');
    // Neither the user-facing message nor the logged cause repeats what the server sent.
    const everything = `${error.message} ${error.userMessage} ${String((error.cause as Error | undefined)?.message)}`;
    for (const fragment of ['not json', 'proxy says', 'half', "can't help"]) expect(everything).not.toContain(fragment);
  });

  it('does not retry an unusable answer inside the call', async () => {
    fake.enqueue({ raw: 'garbage' });
    await expect(client({ maxRetries: 2 }).complete(ask)).rejects.toMatchObject({ code: 'llm_bad_response' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a rejected key on the plain route as llm_auth', async () => {
    await expect(client({ apiKey: 'sk-bad' }).complete(ask)).rejects.toMatchObject({ code: 'llm_auth', status: 401 });
    await expect(client({ apiKey: 'sk-good' }).complete(ask)).resolves.toMatchObject({ content: 'ok' });
  });
});
