import { Writable } from 'node:stream';
import pino from 'pino';
import { createLlmClient } from '../../src/llm/openai-client';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

const PROMPT = 'Summarise the CONFIDENTIAL-MERGER-PLAN mail from Contoso';
const ANSWER = 'SECRET-ANSWER-TEXT about the merger';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** A real pino logger at debug level, collecting its JSON lines. */
function pinoLines(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'debug', serializers: { err: pino.stdSerializers.err } }, sink);
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function client(logger: pino.Logger) {
  return createLlmClient({
    kind: 'azure',
    endpoint: fake.azureEndpoint,
    deployment: 'gpt-4o-plan',
    apiVersion: '2024-10-21',
    auth: { apiKey: 'AZURE-KEY-VALUE' },
    maxRetries: 1,
    logger,
  });
}

describe('what the client logs', () => {
  it('logs model, usage, duration and request ids at info, and never the prompt or the answer', async () => {
    fake.enqueue(
      { status: 429, retryAfterMs: 10 },
      { content: ANSWER, usage: { prompt_tokens: 42, completion_tokens: 7 }, model: 'gpt-4o-2024-08-06' },
    );
    const { logger, lines, text } = pinoLines();

    await client(logger).complete({
      messages: [{ role: 'user', content: PROMPT }],
      jsonSchema: { name: 'plan', schema: { type: 'object' } },
    });

    const info = lines().filter((line) => line.level === 30);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      msg: 'llm completion',
      provider: 'azure',
      deployment: 'gpt-4o-plan',
      model: 'gpt-4o-2024-08-06',
      promptTokens: 42,
      completionTokens: 7,
      attempts: 2,
      requestId: 'req_fake_2',
      structured: 'plan',
    });
    expect(typeof info[0]?.durationMs).toBe('number');
    expect(typeof info[0]?.clientRequestId).toBe('string');
    expect(lines().some((line) => line.msg === 'llm attempt failed' && line.status === 429)).toBe(true);
    for (const secret of ['CONFIDENTIAL-MERGER-PLAN', 'SECRET-ANSWER-TEXT', 'AZURE-KEY-VALUE'])
      expect(text()).not.toContain(secret);
  });

  it('keeps prompt text out of failure logs and out of the error, even when the service echoes it', async () => {
    fake.enqueue({ status: 400, error: { message: `Bad request near "${PROMPT}"` } });
    const { logger, text } = pinoLines();

    const error = await client(logger)
      .complete({ messages: [{ role: 'user', content: PROMPT }] })
      .catch((caught: unknown) => caught);
    logger.error({ err: error }, 'planning failed'); // what a caller would do

    expect(error).toMatchObject({ code: 'llm_bad_request' });
    expect(text()).toContain('llm completion failed');
    expect(text()).toContain('llm_bad_request');
    expect(text()).not.toContain('CONFIDENTIAL-MERGER-PLAN');
    expect(text()).not.toContain('AZURE-KEY-VALUE');
  });

  it('sends the client request id to the service so logs on both sides join up', async () => {
    const { logger, lines } = pinoLines();
    await client(logger).complete({ messages: [{ role: 'user', content: 'hi' }] });
    const sent = fake.requests[0]?.headers['x-ms-client-request-id'];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().find((line) => line.msg === 'llm completion')?.clientRequestId).toBe(sent);
  });
});
