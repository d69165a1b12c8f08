import { createLlmClient } from '../../src/llm/openai-client';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ validCredentials: ['sk-local'] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('an OpenAI-compatible endpoint through OpenAI', () => {
  it('posts to /v1/chat/completions with the model and a Bearer key', async () => {
    fake.enqueue('Hello from the local model');
    const client = createLlmClient({
      kind: 'openai',
      baseUrl: `${fake.url}/v1`,
      apiKey: 'sk-local',
      model: 'llama3.1:8b',
      maxRetries: 0,
    });
    expect(client).toMatchObject({ provider: 'openai', model: 'llama3.1:8b' });

    const result = await client.complete({ messages: [{ role: 'user', content: 'Say hello' }], maxTokens: 64 });

    expect(result.content).toBe('Hello from the local model');
    expect(result.model).toBe('llama3.1:8b');
    const [request] = fake.requests;
    expect(request).toMatchObject({
      route: 'openai',
      path: '/v1/chat/completions',
      auth: 'bearer',
      status: 200,
      query: {},
    });
    expect(request?.body).toEqual({
      model: 'llama3.1:8b',
      messages: [{ role: 'user', content: 'Say hello' }],
      max_completion_tokens: 64,
    });
  });

  it('sends no Authorization header at all when no key is configured', async () => {
    const client = createLlmClient({ kind: 'openai', baseUrl: `${fake.url}/v1`, model: 'local', maxRetries: 0 });
    await client.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.requests[0]).toMatchObject({ auth: 'none', status: 200 });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('can send max_tokens for servers that only know the legacy field', async () => {
    const client = createLlmClient({
      kind: 'openai',
      baseUrl: `${fake.url}/v1`,
      model: 'local',
      tokenLimitParam: 'max_tokens',
    });
    await client.complete({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 });
    expect(fake.requests[0]?.body).toMatchObject({ max_tokens: 10 });
    expect(fake.requests[0]?.body).not.toHaveProperty('max_completion_tokens');
  });

  it('estimates usage from the text when the server scripts none', async () => {
    fake.script((body) => ({ content: `echo: ${String(body.messages?.[0]?.content)}` }));
    const client = createLlmClient({ kind: 'openai', baseUrl: `${fake.url}/v1`, model: 'local' });
    const result = await client.complete({ messages: [{ role: 'user', content: 'x'.repeat(400) }] });
    expect(result.usage).toEqual({ promptTokens: 100, completionTokens: Math.ceil((6 + 400) / 4), calls: 1 });
  });

  it('passes tools and returns the tool calls the model made', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_a', name: 'lookup_person', arguments: { name: 'Megan' } }] });
    const client = createLlmClient({ kind: 'openai', baseUrl: `${fake.url}/v1`, model: 'local' });
    const parameters = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };

    const result = await client.complete({
      messages: [{ role: 'user', content: 'Who is Megan?' }],
      tools: [{ name: 'lookup_person', description: 'Find a person', parameters }],
    });

    expect(result).toMatchObject({
      content: '',
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_a', name: 'lookup_person', arguments: '{"name":"Megan"}' }],
    });
    expect(fake.requests[0]?.body).toMatchObject({
      tools: [{ type: 'function', function: { name: 'lookup_person', description: 'Find a person', parameters } }],
    });
  });

  it('ignores OPENAI_* and AZURE_OPENAI_* variables in the environment', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      OPENAI_ORG_ID: 'org-from-env',
      OPENAI_PROJECT_ID: 'proj-from-env',
      OPENAI_LOG: 'debug',
      AZURE_OPENAI_API_KEY: 'key-from-env',
    });
    const logged = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      const plain = createLlmClient({ kind: 'openai', baseUrl: `${fake.url}/v1`, model: 'local', maxRetries: 0 });
      await plain.complete({ messages: [{ role: 'user', content: 'hi' }] });
      const credential = { getToken: async () => ({ token: 'sk-local', expiresOnTimestamp: Date.now() + 60_000 }) };
      const azure = createLlmClient({
        kind: 'azure',
        endpoint: fake.azureEndpoint,
        deployment: 'd',
        apiVersion: '2024-10-21',
        auth: { credential },
        maxRetries: 0,
      });
      await azure.complete({ messages: [{ role: 'user', content: 'hi' }] });
    } finally {
      process.env = saved;
      logged.mockRestore();
    }
    expect(fake.requests.map((r) => [r.route, r.auth, r.status])).toEqual([
      ['openai', 'none', 200],
      ['azure', 'bearer', 200],
    ]);
    for (const request of fake.requests) {
      expect(request.headers['openai-organization']).toBeUndefined();
      expect(request.headers['openai-project']).toBeUndefined();
    }
    expect(logged).not.toHaveBeenCalled();
  });
});
