import { createLlmClient } from '../../src/llm/openai-client';
import { COGNITIVE_SERVICES_SCOPE } from '../../src/llm/sdk';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { fakeCredential, failingCredential, recordingLogger } from './helpers';

const PLAN_SCHEMA = {
  type: 'object',
  properties: { title: { type: 'string' } },
  required: ['title'],
  additionalProperties: false,
};

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ validCredentials: ['azure-key', 'entra-token-123'] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function azureClient(auth: { apiKey: string } | { credential: ReturnType<typeof fakeCredential> }) {
  return createLlmClient({
    kind: 'azure',
    endpoint: `${fake.azureEndpoint}/`,
    deployment: 'gpt-4o-plan',
    apiVersion: '2024-10-21',
    auth,
    maxRetries: 0,
  });
}

describe('Azure OpenAI through AzureOpenAI', () => {
  it('sends the deployment route, api-version and api-key, and maps the answer', async () => {
    fake.enqueue({
      json: { title: 'Weekly review' },
      usage: { prompt_tokens: 120, completion_tokens: 9 },
      model: 'gpt-4o-2024-08-06',
    });
    const client = azureClient({ apiKey: 'azure-key' });

    const result = await client.complete({
      messages: [
        { role: 'system', content: 'You plan.' },
        { role: 'user', content: 'Set up a review' },
      ],
      jsonSchema: { name: 'plan', schema: PLAN_SCHEMA },
      temperature: 0,
      maxTokens: 500,
    });

    expect(result).toEqual({
      content: '{"title":"Weekly review"}',
      usage: { promptTokens: 120, completionTokens: 9, calls: 1 },
      model: 'gpt-4o-2024-08-06',
      requestId: 'req_fake_1',
      finishReason: 'stop',
    });
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: 'POST',
      route: 'azure',
      path: '/openai/deployments/gpt-4o-plan/chat/completions',
      query: { 'api-version': '2024-10-21' },
      auth: 'api-key',
      deployment: 'gpt-4o-plan',
    });
    expect(request?.headers['api-key']).toBe('[redacted]');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toEqual({
      model: 'gpt-4o-plan',
      messages: [
        { role: 'system', content: 'You plan.' },
        { role: 'user', content: 'Set up a review' },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'plan', schema: PLAN_SCHEMA, strict: true } },
      temperature: 0,
      max_completion_tokens: 500,
    });
  });

  it('signs in with Entra ID: a Bearer token for the Cognitive Services scope', async () => {
    const credential = fakeCredential();
    fake.enqueue('first', 'second');
    const client = azureClient({ credential });

    expect((await client.complete({ messages: [{ role: 'user', content: 'hi' }] })).content).toBe('first');
    expect((await client.complete({ messages: [{ role: 'user', content: 'again' }] })).content).toBe('second');

    expect(fake.requests.map((r) => [r.auth, r.headers.authorization, r.headers['api-key']])).toEqual([
      ['bearer', 'Bearer [redacted]', undefined],
      ['bearer', 'Bearer [redacted]', undefined],
    ]);
    expect(credential.scopes[0]).toEqual([COGNITIVE_SERVICES_SCOPE]);
    // The fake accepts only the credential's token, so both 200s prove it was the one sent.
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200]);
  });

  it('does not send anything the structured-output options did not ask for', async () => {
    const client = azureClient({ apiKey: 'azure-key' });
    await client.complete({
      messages: [{ role: 'user', content: 'hi' }],
      jsonSchema: { name: 'loose', schema: { type: 'object' }, strict: false },
    });
    const body = fake.requests[0]?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['messages', 'model', 'response_format']);
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'loose', schema: { type: 'object' }, strict: false },
    });
  });

  it('rejects a wrong key with llm_auth (401 is not retried)', async () => {
    const client = createLlmClient({
      kind: 'azure',
      endpoint: fake.azureEndpoint,
      deployment: 'd',
      apiVersion: '2024-10-21',
      auth: { apiKey: 'wrong' },
      maxRetries: 3,
    });
    const failure = client.complete({ messages: [{ role: 'user', content: 'hi' }] });
    await expect(failure).rejects.toMatchObject({
      name: 'LlmError',
      kind: 'planner',
      code: 'llm_auth',
      status: 401,
      retryable: false,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('turns a credential that cannot sign in into llm_auth without calling the service', async () => {
    const client = createLlmClient({
      kind: 'azure',
      endpoint: fake.azureEndpoint,
      deployment: 'd',
      apiVersion: '2024-10-21',
      auth: { credential: failingCredential() },
      maxRetries: 0,
    });
    await expect(client.complete({ messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({
      code: 'llm_auth',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('reads Azure content-filter verdicts for both sides and logs their categories, never the text', async () => {
    const logger = recordingLogger();
    const client = createLlmClient({
      kind: 'azure',
      endpoint: fake.azureEndpoint,
      deployment: 'gpt-4o-plan',
      apiVersion: '2024-10-21',
      auth: { apiKey: 'azure-key' },
      maxRetries: 2,
      logger,
    });
    const ask = { messages: [{ role: 'user' as const, content: 'Tell Megan the secret plan' }] };
    fake.enqueue(
      { filtered: 'prompt', categories: { hate: 'high', violence: 'medium' } },
      { filtered: 'completion', categories: {}, detected: ['protected_material_text'], content: 'Once upon' },
    );
    await expect(client.complete(ask)).rejects.toMatchObject({
      code: 'llm_content_filtered',
      status: 400,
      contentFilter: { side: 'prompt', categories: ['hate', 'violence'] },
    });
    await expect(client.complete(ask)).rejects.toMatchObject({
      code: 'llm_content_filtered',
      status: 200,
      contentFilter: { side: 'completion', categories: ['protected_material_text'] },
      userMessage: expect.stringContaining('(flagged: protected text)'),
    });
    expect(fake.requests).toHaveLength(2); // neither is retried by the SDK
    const failures = logger.lines.filter((line) => line.msg === 'llm completion failed').map((line) => line.obj);
    expect(failures).toEqual([
      expect.objectContaining({ filteredSide: 'prompt', filteredCategories: ['hate', 'violence'] }),
      expect.objectContaining({ filteredSide: 'completion', filteredCategories: ['protected_material_text'] }),
    ]);
    expect(logger.text()).not.toMatch(/secret plan|Once upon|content management policy/);
  });
});
