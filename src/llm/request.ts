import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatRequest } from './port';

/** Which body field carries the answer-length limit: newer models reject the legacy `max_tokens`. */
export type TokenLimitParam = 'max_completion_tokens' | 'max_tokens';

/**
 * The Chat Completions body for one request. `model` is the deployment on Azure (the SDK also
 * routes by it) and the model name elsewhere. Optional knobs are sent only when set, because
 * some models reject any `temperature` at all.
 */
export function toCompletionParams(
  request: ChatRequest,
  model: string,
  tokenLimitParam: TokenLimitParam,
): ChatCompletionCreateParamsNonStreaming {
  const params: ChatCompletionCreateParamsNonStreaming = {
    model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
  };
  if (request.jsonSchema) {
    const { name, schema, strict } = request.jsonSchema;
    params.response_format = { type: 'json_schema', json_schema: { name, schema, strict: strict ?? true } };
  }
  if (request.tools && request.tools.length > 0) {
    params.tools = request.tools.map((tool) => ({
      type: 'function' as const,
      function: {
        name: tool.name,
        parameters: tool.parameters,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        ...(tool.strict === undefined ? {} : { strict: tool.strict }),
      },
    }));
  }
  if (request.temperature !== undefined) params.temperature = request.temperature;
  if (request.maxTokens !== undefined) params[tokenLimitParam] = request.maxTokens;
  return params;
}
