import { SpanKind } from '@opentelemetry/api';
import type { ChatRequest, ChatResult, LlmClient } from '../llm/port';
import { inSpan } from './spans';

/**
 * The model client with each completion as a span (`llm.complete`, a child of the turn or step
 * that asked): the model that answered, the service's request id, tokens and finish reason —
 * never the prompt or the answer.
 */
export function tracedLlm(client: LlmClient): LlmClient {
  return {
    complete: (request: ChatRequest): Promise<ChatResult> =>
      inSpan(
        'llm.complete',
        {
          kind: SpanKind.CLIENT,
          attributes: { 'gen_ai.operation.name': 'chat', 'llm.tools': request.tools?.length ?? 0 },
        },
        async (span) => {
          const result = await client.complete(request);
          span.setAttributes({
            'gen_ai.response.model': result.model,
            'gen_ai.usage.input_tokens': result.usage.promptTokens,
            'gen_ai.usage.output_tokens': result.usage.completionTokens,
            ...(result.requestId ? { 'llm.request_id': result.requestId } : {}),
            ...(result.finishReason ? { 'gen_ai.response.finish_reasons': [result.finishReason] } : {}),
          });
          return result;
        },
      ),
  };
}
