import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ validCredentials: ['good-key'] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

const chat = { model: 'm', messages: [{ role: 'user', content: 'abcdefgh' }] };
const AZURE = '/openai/deployments/dep-1/chat/completions?api-version=2024-10-21';

describe('the fake OpenAI server (raw HTTP)', () => {
  it('answers in the Chat Completions wire format with request-id headers', async () => {
    fake.enqueue({ json: { ok: true } });
    const { status, headers, json } = await post(AZURE, chat, { 'api-key': 'good-key' });
    expect(status).toBe(200);
    expect(headers.get('x-request-id')).toBe('req_fake_1');
    expect(headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(json).toMatchObject({
      id: 'chatcmpl-fake-1',
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: '{"ok":true}' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    });
    expect(typeof json.created).toBe('number');
  });

  it('requires api-key or Bearer on the Azure route, and redacts both in the record', async () => {
    expect((await post(AZURE, chat)).status).toBe(401);
    expect((await post(AZURE, chat, { 'api-key': 'bad-key' })).status).toBe(401);
    expect((await post(AZURE, chat, { authorization: 'Bearer good-key' })).status).toBe(200);
    expect(fake.requests.map((r) => [r.auth, r.status, r.headers['api-key'], r.headers.authorization])).toEqual([
      ['none', 401, undefined, undefined],
      ['api-key', 401, '[redacted]', undefined],
      ['bearer', 200, undefined, 'Bearer [redacted]'],
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain('good-key');
  });

  it('takes failures first, then the queue, then the handler, then "ok"', async () => {
    fake.script((body) => `handled ${String(body.model)}`);
    fake.enqueue('queued');
    fake.failNext(429, { retryAfterSeconds: 3 });
    const first = await post('/v1/chat/completions', chat);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.json).toMatchObject({ error: { type: 'rate_limit_exceeded', code: '429' } });
    const contents = [];
    for (let i = 0; i < 2; i += 1) contents.push((await post('/v1/chat/completions', chat)).json);
    expect(contents.map((c) => (c.choices as Array<{ message: { content: string } }>)[0]?.message.content)).toEqual([
      'queued',
      'handled m',
    ]);
    fake.reset();
    expect(
      ((await post('/v1/chat/completions', chat)).json.choices as Array<{ message: { content: string } }>)[0]?.message
        .content,
    ).toBe('ok');
  });

  it('renders tool calls', async () => {
    fake.enqueue({ toolCalls: [{ name: 'f', arguments: { a: 1 } }] });
    const { json } = await post('/v1/chat/completions', chat);
    expect(json.choices).toEqual([
      {
        index: 0,
        logprobs: null,
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
      },
    ]);
  });

  it('answers unknown routes with 404, bad JSON with 400, a missing api-version with 404', async () => {
    expect((await post('/v1/embeddings', chat)).status).toBe(404);
    expect((await post('/v1/chat/completions', '{not json')).status).toBe(400);
    expect((await post('/openai/deployments/dep-1/chat/completions', chat, { 'api-key': 'good-key' })).status).toBe(
      404,
    );
    expect(fake.requests.map((r) => r.route)).toEqual(['unknown', 'openai', 'azure']);
    expect(fake.requests[1]?.body).toBe('{not json');
  });
});
