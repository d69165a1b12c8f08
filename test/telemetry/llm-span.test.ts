import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ActionContext } from '../../src/engine/catalogue';
import type { ChatRequest, LlmClient } from '../../src/llm/port';
import { tracedLlm } from '../../src/telemetry/llm';
import { inStepSpan } from '../../src/telemetry/step';

const PROMPT = 'Summarise: the Contoso renewal price is 42,000';

describe('Telemetry: a model call is a child span of the step that made it', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  const model: LlmClient = {
    complete: async () => ({
      content: 'A summary of the renewal.',
      usage: { promptTokens: 120, completionTokens: 30, calls: 1 },
      model: 'gpt-test',
      requestId: 'req-123',
      finishReason: 'stop',
    }),
  };
  const ctx: ActionContext = {
    idempotencyKey: 'k1',
    actor: { id: 'u1', name: 'Alex' },
    attempt: 2,
    now: new Date('2026-11-24T10:00:00Z'),
    step: { taskId: 'T1', stepId: 's2' },
  };

  it('records model, request id and tokens, never the prompt or the answer; a failed step has its code', async () => {
    const llm = tracedLlm(model);
    const request: ChatRequest = { messages: [{ role: 'user', content: PROMPT }] };
    await inStepSpan('text.summarise', ctx, () => llm.complete(request));
    await expect(
      inStepSpan('text.summarise', ctx, async () => {
        await llm.complete(request);
        throw new Error(`could not summarise ${PROMPT}`);
      }),
    ).rejects.toThrow();

    const spans = exporter.getFinishedSpans();
    const steps = spans.filter((s) => s.name === 'delegate.step');
    const calls = spans.filter((s) => s.name === 'llm.complete');
    expect(steps).toHaveLength(2);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.parentSpanContext?.spanId).toBe(steps[0]?.spanContext().spanId);
    expect(calls[0]?.attributes).toMatchObject({
      'gen_ai.response.model': 'gpt-test',
      'llm.request_id': 'req-123',
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.output_tokens': 30,
    });
    expect(steps[0]?.attributes).toMatchObject({
      'delegate.task.id': 'T1',
      'delegate.step.id': 's2',
      'delegate.step.attempt': 2,
      'delegate.outcome': 'ok',
    });
    expect(steps[1]?.attributes['delegate.outcome']).toBe('internal_error');
    expect(JSON.stringify(spans.map((s) => [s.attributes, s.events, s.status]))).not.toContain('42,000');
  });
});
