import type { ChatCompletion } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { completionFilterVerdict } from './content-filter';
import { LlmError } from './errors';
import type { ChatResult, ToolCall } from './port';

/**
 * The parts of a Chat Completions answer we rely on. The SDK does not validate bodies, and
 * OpenAI-compatible servers vary, so anything outside this shape is `llm_bad_response`.
 */
const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string(),
                type: z.string(),
                function: z.object({ name: z.string(), arguments: z.string() }).optional(),
              }),
            )
            .nullish(),
        }),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

/** What the caller knows about the call that produced `body`. */
export interface ResponseContext {
  readonly fallbackModel: string;
  readonly requestId: string | undefined;
  readonly status: number;
}

/**
 * Turn a parsed response body into a {@link ChatResult}, or throw an `LlmError` naming why it
 * cannot be used. The error's cause lists only schema paths, never the body's text.
 */
export function toChatResult(body: unknown, context: ResponseContext): ChatResult {
  const parsed = completionSchema.safeParse(body);
  const failure = { status: context.status, requestId: context.requestId };
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new LlmError(
      { code: 'llm_bad_response', ...failure },
      { cause: new Error(`unexpected completion shape at ${paths.join(', ')}`) },
    );
  }
  const completion = parsed.data;
  const choice = completion.choices[0];
  if (!choice) throw new LlmError({ code: 'llm_bad_response', ...failure });
  const finishReason = choice.finish_reason ?? undefined;
  const filter = completionFilterVerdict(body as ChatCompletion);
  if (filter) throw new LlmError({ code: 'llm_content_filtered', ...failure, contentFilter: filter });
  if (choice.message.refusal) throw new LlmError({ code: 'llm_refused', ...failure });
  if (finishReason === 'length') throw new LlmError({ code: 'llm_truncated', ...failure });

  const toolCalls: ToolCall[] = (choice.message.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' && call.function
      ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }]
      : [],
  );
  const content = choice.message.content ?? '';
  if (content === '' && toolCalls.length === 0) {
    throw new LlmError(
      { code: 'llm_bad_response', ...failure },
      { cause: new Error('completion has neither content nor tool calls') },
    );
  }
  return {
    content,
    usage: {
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
      calls: 1,
    },
    model: completion.model || context.fallbackModel,
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    ...(finishReason === undefined ? {} : { finishReason }),
  };
}
