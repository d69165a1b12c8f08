import { composeActionItems, composeSummarise } from '../../../src/actions/compose';
import { stepError } from '../../../src/engine/step-runner';
import { SPOTLIGHT_INSTRUCTIONS } from '../../../src/llm/spotlight';
import { LlmError } from '../../../src/llm/errors';
import { createLlmClient } from '../../../src/llm/openai-client';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { ctx, expectInBlock, HOSTILE, MAILS } from './support';

interface SentBody {
  readonly messages: { readonly role: string; readonly content: string }[];
  readonly response_format?: {
    readonly type: string;
    readonly json_schema: { readonly name: string; readonly strict: boolean };
  };
}

describe('compose actions through the openai client', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  function client() {
    return createLlmClient({
      kind: 'openai',
      baseUrl: `${fake.url}/v1`,
      apiKey: 'test-key',
      model: 'gpt-test',
      maxRetries: 0,
    });
  }

  it('summarises over HTTP: one structured request, mail in blocks, usage from the service', async () => {
    fake.enqueue({
      json: { summary: 'Contoso wants to renew.', sourceIds: ['m1', 'nope'] },
      usage: { prompt_tokens: 812, completion_tokens: 41 },
    });
    const spec = composeSummarise(client());
    const items = [...MAILS, HOSTILE];
    const result = await spec.run(spec.input.parse({ items, instructions: 'Only the renewal' }), ctx());
    expect(result).toEqual({
      output: { summary: 'Contoso wants to renew.', sourceIds: ['m1'] },
      provenance: ['m1'],
      sources: [{ id: 'm1', title: 'Renewal terms — Dana Whitman' }],
      usage: { promptTokens: 812, completionTokens: 41, calls: 1 },
    });
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]?.body as SentBody;
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'compose_summary', strict: true },
    });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]?.content).toContain(SPOTLIGHT_INSTRUCTIONS);
    const user = body.messages[1]?.content ?? '';
    for (const m of items) expectInBlock(user, m);
    expect(user).toContain('Only the renewal');
    expect(user).not.toContain(HOSTILE.bodyPreview);
  });

  it('turns an unusable answer into compose_invalid after exactly one request', async () => {
    fake.enqueue({ json: { items: [{ text: 'Send terms' }] } });
    const spec = composeActionItems(client());
    await expect(spec.run(spec.input.parse({ items: MAILS }), ctx())).rejects.toMatchObject({
      kind: 'planner',
      code: 'compose_invalid',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('passes a service failure through as an LlmError', async () => {
    fake.enqueue({ status: 400, error: { message: 'bad', type: 'invalid_request_error' } });
    const spec = composeSummarise(client());
    const failure = spec.run(spec.input.parse({ items: MAILS }), ctx());
    await expect(failure).rejects.toBeInstanceOf(LlmError);
    await expect(failure).rejects.toMatchObject({ kind: 'planner', code: 'llm_bad_request' });
    expect(fake.requests).toHaveLength(1);
  });

  function azure() {
    return createLlmClient({
      kind: 'azure',
      endpoint: fake.azureEndpoint,
      deployment: 'gpt-4o-compose',
      apiVersion: '2024-10-21',
      auth: { apiKey: 'azure-key' },
      maxRetries: 0,
    });
  }

  /** What the step stores and its card shows when the run fails. */
  async function failedStep(run: Promise<unknown>) {
    const error = await run.then(
      () => {
        throw new Error('expected the step to fail');
      },
      (e: unknown) => e,
    );
    return stepError(error, 'corr-1');
  }

  it('reports mail that Azure content filtering blocked: the prompt side and its categories, no mail text', async () => {
    fake.enqueue({ filtered: 'prompt', categories: { sexual: 'medium' }, detected: ['indirect_attack'] });
    const spec = composeSummarise(azure());
    const items = [...MAILS, HOSTILE];
    const { info, retryable } = await failedStep(spec.run(spec.input.parse({ items }), ctx()));
    expect(info).toEqual({
      code: 'llm_content_filtered',
      message:
        "Azure OpenAI's content filter blocked what Delegate sent to the AI model (flagged: sexual content, instructions hidden in the content): your request, or the mail or files this step reads. Nothing was produced; rephrase the request or skip the step.",
      correlationId: 'corr-1',
    });
    expect(retryable).toBe(false);
    for (const m of items) expect(info.message).not.toContain(m.subject);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ route: 'azure', deployment: 'gpt-4o-compose' });
  });

  it('reports an answer Azure content filtering cut short as filtered, retryable, with none of the partial text', async () => {
    fake.enqueue({
      filtered: 'completion',
      categories: { violence: 'high', self_harm: 'low' },
      content: '{"items":[{"te',
    });
    const spec = composeActionItems(azure());
    const { info, retryable } = await failedStep(spec.run(spec.input.parse({ items: MAILS }), ctx()));
    expect(info).toEqual({
      code: 'llm_content_filtered',
      message:
        "Azure OpenAI's content filter stopped the AI model's answer (flagged: violence, self-harm). Nothing from it was used; you can try again.",
      correlationId: 'corr-1',
    });
    expect(retryable).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });

  it('uses an Azure answer that carries content-filter annotations with nothing filtered', async () => {
    fake.enqueue({ json: { summary: 'Contoso wants to renew.', sourceIds: ['m1'] } });
    const spec = composeSummarise(azure());
    const result = await spec.run(spec.input.parse({ items: MAILS }), ctx());
    expect(result.output).toEqual({ summary: 'Contoso wants to renew.', sourceIds: ['m1'] });
  });
});
