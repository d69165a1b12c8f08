import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatRequest } from './port';
import type { ModelFamily, ReasoningEffort } from './profile';

/** Which body field carries the answer-length limit: newer models reject the legacy `max_tokens`. */
export type TokenLimitParam = 'max_completion_tokens' | 'max_tokens';

/** How a body is shaped for the model family in use (see profile.ts). */
export interface BodyShape {
  readonly family: ModelFamily;
  readonly tokenLimitParam: TokenLimitParam;
  readonly reasoningEffort: ReasoningEffort;
  /** Added to the caller's answer budget on reasoning models. */
  readonly reasoningTokens: number;
  /** Chat models: overrides the caller's temperature; `null` = never send one. */
  readonly temperature?: number | null;
}

/**
 * The Chat Completions body for one request. `model` is the deployment on Azure (the SDK also
 * routes by it) and the model name elsewhere. Reasoning models get no `temperature` (they reject
 * any but the default), a `reasoning_effort`, and room for their reasoning in the token limit;
 * chat models get the caller's (or the configured) temperature. Optional knobs are sent only when set.
 */
export function toCompletionParams(
  request: ChatRequest,
  model: string,
  shape: BodyShape,
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
  if (shape.family === 'reasoning') {
    params.reasoning_effort = shape.reasoningEffort;
    if (request.maxTokens !== undefined) params[shape.tokenLimitParam] = request.maxTokens + shape.reasoningTokens;
    return params;
  }
  const temperature = shape.temperature === undefined ? request.temperature : shape.temperature;
  if (temperature !== undefined && temperature !== null) params.temperature = temperature;
  if (request.maxTokens !== undefined) params[shape.tokenLimitParam] = request.maxTokens;
  return params;
}
