import { LlmError } from '../../src/llm/errors';
import { createLlmClient } from '../../src/llm/openai-client';
import type { ModelProfile } from '../../src/llm/profile';
import { familyOfName } from '../../src/llm/profile';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { recordingLogger } from './helpers';

const SCHEMA = {
  type: 'object',
  properties: { title: { type: 'string' } },
  required: ['title'],
  additionalProperties: false,
};

/** The planner's request: temperature 0 and a 2000-token answer budget. */
const PLAN_REQUEST = {
  messages: [{ role: 'user' as const, content: 'Plan a review' }],
  jsonSchema: { name: 'plan', schema: SCHEMA },
  temperature: 0,
  maxTokens: 2000,
};

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function azure(deployment: string, profile?: ModelProfile, apiVersion = '2025-04-01-preview') {
  const logger = recordingLogger();
  const client = createLlmClient({
    kind: 'azure',
    endpoint: fake.azureEndpoint,
    deployment,
    apiVersion,
    auth: { apiKey: 'k' },
    maxRetries: 0,
    logger,
    ...(profile ? { profile } : {}),
  });
  return { client, logger };
}

function bodyOf(index: number): Record<string, unknown> {
  return fake.requests[index]?.body as Record<string, unknown>;
}

describe('model families', () => {
  it('names: o-series and gpt-5 are reasoning models, gpt-5-chat and gpt-4o chat models, others unknown', () => {
    expect(familyOfName('o4-mini')).toBe('reasoning');
    expect(familyOfName('o3-mini-2025-01-31')).toBe('reasoning');
    expect(familyOfName('gpt-5-mini-2025-08-07')).toBe('reasoning');
    expect(familyOfName('contoso-gpt-5.2')).toBe('reasoning');
    expect(familyOfName('gpt-5-chat')).toBe('chat');
    expect(familyOfName('gpt-4o-2024-08-06')).toBe('chat');
    expect(familyOfName('llama3.1:8b')).toBe('chat');
    expect(familyOfName('planner-prod')).toBeUndefined();
    expect(familyOfName('photo')).toBeUndefined();
  });

  it('a reasoning deployment gets no temperature, a reasoning effort and room to reason, and answers in full', async () => {
    fake.enqueue({ json: { title: 'Weekly review' } });
    const { client } = azure('gpt-5-mini');

    const result = await client.complete(PLAN_REQUEST);

    expect(result.content).toBe('{"title":"Weekly review"}');
    const body = bodyOf(0);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
    expect(body.reasoning_effort).toBe('low');
    // 2000 for the answer + 8000 for reasoning: the fake's 2,500 reasoning tokens no longer cut it off.
    expect(body.max_completion_tokens).toBe(10_000);
    expect(client.family()).toBe('reasoning');
  });

  it('without room to reason the same call is cut off, as the real service does', async () => {
    fake.enqueue({ json: { title: 'Weekly review' } });
    const { client } = azure('gpt-5-mini', { family: 'reasoning', reasoningTokens: 0 });

    await expect(client.complete(PLAN_REQUEST)).rejects.toMatchObject({ code: 'llm_truncated' });
  });

  it('a configured effort and budget are sent', async () => {
    fake.enqueue({ json: { title: 'x' } });
    const { client } = azure('contoso-o3', { family: 'reasoning', reasoningEffort: 'medium', reasoningTokens: 4000 });

    await client.complete(PLAN_REQUEST);

    expect(bodyOf(0)).toMatchObject({ reasoning_effort: 'medium', max_completion_tokens: 6000 });
  });

  it('a chat deployment gets temperature 0 and no reasoning effort', async () => {
    fake.enqueue({ json: { title: 'Weekly review' } });
    const { client } = azure('gpt-4o');

    await client.complete(PLAN_REQUEST);

    const body = bodyOf(0);
    expect(body.temperature).toBe(0);
    expect(body).not.toHaveProperty('reasoning_effort');
    expect(body.max_completion_tokens).toBe(2000);
  });

  it('a configured temperature overrides the caller on chat models; none sends none', async () => {
    fake.enqueue({ json: { title: 'a' } }, { json: { title: 'b' } });
    await azure('gpt-4o', { family: 'chat', temperature: 0.3 }).client.complete(PLAN_REQUEST);
    await azure('gpt-4o', { family: 'chat', temperature: null }).client.complete(PLAN_REQUEST);

    expect(bodyOf(0).temperature).toBe(0.3);
    expect(bodyOf(1)).not.toHaveProperty('temperature');
  });

  it('a 400 for an unsupported parameter is logged with the service message and a hint', async () => {
    const { client, logger } = azure('gpt-5-mini', { family: 'chat' });

    const error = await client.complete(PLAN_REQUEST).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'llm_bad_request', status: 400, service: { param: 'temperature' } });
    expect((error as LlmError).userMessage).toMatch(/administrator needs to check the model settings/);
    const line = logger.lines.find((l) => l.msg === 'llm completion failed');
    expect(line?.obj).toMatchObject({
      serviceMessage: expect.stringContaining('Only the default (1) value is supported'),
      serviceParam: 'temperature',
      serviceCode: 'unsupported_value',
      hint: expect.stringContaining('LLM_MODEL_FAMILY=reasoning'),
    });
  });

  it('an api-version that predates reasoning models is reported with a hint naming the setting', async () => {
    const { client, logger } = azure('o4-mini', undefined, '2024-10-21');

    await expect(client.complete(PLAN_REQUEST)).rejects.toMatchObject({ code: 'llm_bad_request' });

    const line = logger.lines.find((l) => l.msg === 'llm completion failed');
    expect(line?.obj).toMatchObject({
      serviceMessage: 'Model o4-mini is enabled only for api versions 2024-12-01-preview and later',
      hint: expect.stringContaining('AZURE_OPENAI_API_VERSION'),
    });
  });

  it('on auto, a deployment whose name says nothing is detected from the refusal, once', async () => {
    const served = await startFakeOpenAI({ model: 'gpt-5-mini-2025-08-07' });
    try {
      const client = createLlmClient({
        kind: 'azure',
        endpoint: served.azureEndpoint,
        deployment: 'planner-prod',
        apiVersion: '2025-04-01-preview',
        auth: { apiKey: 'k' },
        maxRetries: 0,
      });
      served.enqueue({ json: { title: 'a' } }, { json: { title: 'b' } });

      await client.complete(PLAN_REQUEST);
      await client.complete(PLAN_REQUEST);

      const bodies = served.requests.map((r) => r.body as Record<string, unknown>);
      expect(served.requests.map((r) => r.status)).toEqual([400, 200, 200]);
      expect(bodies[0]?.temperature).toBe(0);
      expect(bodies[1]).not.toHaveProperty('temperature');
      expect(bodies[2]).toMatchObject({ reasoning_effort: 'low' });
      expect(client.family()).toBe('reasoning');
    } finally {
      await served.close();
    }
  });

  it('an OpenAI-compatible server that only knows max_tokens gets max_tokens', async () => {
    fake.enqueue({ json: { title: 'x' } });
    const client = createLlmClient({
      kind: 'openai',
      baseUrl: `${fake.url}/v1`,
      model: 'llama3.1:8b',
      tokenLimitParam: 'max_tokens',
      maxRetries: 0,
    });

    await client.complete(PLAN_REQUEST);

    expect(bodyOf(0)).toMatchObject({ max_tokens: 2000, temperature: 0 });
    expect(bodyOf(0)).not.toHaveProperty('max_completion_tokens');
  });
});
