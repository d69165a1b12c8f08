import { DelegateError } from '../../../src/engine/errors';
import { createLlmClient } from '../../../src/llm/openai-client';
import { ANSWER_SCHEMA_NAME, LlmPlanner } from '../../../src/planning/llm';
import { planAnswerSchema } from '../../../src/planning/llm/strict-schema';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { playgroundDirectory } from '../playground';
import { catalogue, RecordingLogger, requestFor, sendTo, stepsOf, SUMMARY_TO_MEGAN } from './harness';

/** The planner on the real `openai` SDK, over HTTP, against the fake OpenAI-compatible server. */
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ validCredentials: ['azure-key', 'openai-key'] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function azurePlanner(): LlmPlanner {
  const llm = createLlmClient({
    kind: 'azure',
    endpoint: fake.azureEndpoint,
    deployment: 'gpt-4o-plan',
    apiVersion: '2024-10-21',
    auth: { apiKey: 'azure-key' },
    maxRetries: 0,
  });
  return new LlmPlanner({ llm, catalogue, directory: playgroundDirectory(), logger: new RecordingLogger() });
}

const OUTCOME = 'Email Megan Bowen a summary of my unread mail from Contoso';

describe('LlmPlanner through the openai client', () => {
  it('plans with one structured-output call to Azure OpenAI', async () => {
    fake.enqueue({ json: SUMMARY_TO_MEGAN, usage: { prompt_tokens: 2100, completion_tokens: 180 } });
    const result = await azurePlanner().plan(requestFor(OUTCOME));
    expect(stepsOf(result).map((s) => s.action)).toEqual(['mail.search', 'text.summarise', 'mail.send']);
    expect(result.usage).toEqual({ promptTokens: 2100, completionTokens: 180, calls: 1 });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ route: 'azure', deployment: 'gpt-4o-plan' });
    expect(request?.body).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: { name: ANSWER_SCHEMA_NAME, schema: planAnswerSchema(catalogue), strict: true },
      },
      temperature: 0,
      max_completion_tokens: 2000,
    });
    const messages = (request?.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[0]?.content).toContain('### mail.send: Send an email');
    expect(messages[1]?.content).toBe(`Request: ${OUTCOME}`);
  });

  it('repairs over a second HTTP call and sums the usage', async () => {
    fake.enqueue(
      { json: sendTo(['Megan']), usage: { prompt_tokens: 2000, completion_tokens: 60 } },
      { json: sendTo(['meganb@example.com']), usage: { prompt_tokens: 2150, completion_tokens: 62 } },
    );
    const result = await azurePlanner().plan(requestFor('Email Megan Bowen to say hello'));
    expect(stepsOf(result)[0]?.input.to).toEqual(['meganb@example.com']);
    expect(result.usage).toEqual({ promptTokens: 4150, completionTokens: 122, calls: 2 });
    expect(fake.requests).toHaveLength(2);
    const repair = (fake.requests[1]?.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[3]?.content).toContain('s1: to.0: Invalid email address');
  });

  it('works with any OpenAI-compatible endpoint', async () => {
    fake.enqueue({
      json: { kind: 'question', question: 'Which mail should I summarise?', options: ['Unread', 'This week'] },
    });
    const llm = createLlmClient({
      kind: 'openai',
      baseUrl: `${fake.url}/v1`,
      apiKey: 'openai-key',
      model: 'gpt-4o-mini',
      maxRetries: 0,
    });
    const planner = new LlmPlanner({ llm, catalogue, directory: playgroundDirectory(), logger: new RecordingLogger() });
    expect(await planner.plan(requestFor('Summarise my mail'))).toMatchObject({
      kind: 'question',
      options: ['Unread', 'This week'],
      usage: { calls: 1 },
    });
    expect(fake.requests[0]).toMatchObject({ route: 'openai', path: '/v1/chat/completions' });
  });

  it('answers a prompt stopped by Azure content filtering with the side and categories, never the text', async () => {
    fake.enqueue({ filtered: 'prompt', categories: { violence: 'high' }, detected: ['jailbreak'] });
    const failure = azurePlanner().plan(requestFor(OUTCOME));
    await expect(failure).rejects.toMatchObject({
      kind: 'planner',
      code: 'llm_content_filtered',
      status: 400,
      retryable: false,
      contentFilter: { side: 'prompt', categories: ['violence', 'jailbreak'] },
      userMessage:
        "Azure OpenAI's content filter blocked what Delegate sent to the AI model (flagged: violence, a jailbreak attempt): your request, or the mail or files this step reads. Nothing was produced; rephrase the request or skip the step.",
    });
    const error = (await failure.catch((e: unknown) => e)) as DelegateError;
    expect(error.userMessage).not.toContain('Megan');
    expect(error.userMessage).not.toContain('content management policy');
    expect(fake.requests).toHaveLength(1); // a filtered prompt is not retried, nor "repaired"
  });

  it('answers a plan cut short by Azure content filtering as a filtered answer the person may retry', async () => {
    fake.enqueue({ filtered: 'completion', categories: { hate: 'medium' }, content: '{"kind":"pl' });
    const failure = azurePlanner().plan(requestFor(OUTCOME));
    await expect(failure).rejects.toMatchObject({
      kind: 'planner',
      code: 'llm_content_filtered',
      status: 200,
      retryable: true,
      contentFilter: { side: 'completion', categories: ['hate'] },
      userMessage:
        "Azure OpenAI's content filter stopped the AI model's answer (flagged: hate). Nothing from it was used; you can try again.",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('lets a model failure reach the engine as a planner error', async () => {
    fake.failNext(401);
    const failure = azurePlanner().plan(requestFor(OUTCOME));
    await expect(failure).rejects.toBeInstanceOf(DelegateError);
    await expect(failure).rejects.toMatchObject({ kind: 'planner', code: 'llm_auth' });
    expect(fake.requests).toHaveLength(1);
  });
});
