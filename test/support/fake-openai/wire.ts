import { choiceFilterResults, promptFilteredError, promptFilterResults } from './content-filter';
import type {
  ChatBody,
  CompletionReply,
  ContentFilterReply,
  ErrorReply,
  FakeReply,
  FakeRoute,
  RawReply,
} from './types';

/** What a reply is rendered for. */
export interface WireContext {
  readonly completionId: string;
  readonly model: string;
  /** Azure adds content-filter annotations to every answer; OpenAI does not. */
  readonly route: FakeRoute;
  /** Hidden reasoning spent before the answer (reasoning models only), counted in the completion limit. */
  readonly reasoningTokens?: number;
}

/** A reply ready to write. */
export interface WireReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly delayMs: number;
  readonly bodyDelayMs: number;
}

/** Rough token count, as the brief allows: four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptText(body: ChatBody): string {
  return (body.messages ?? [])
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? '')))
    .join('\n');
}

const ERROR_DEFAULTS: Readonly<Record<number, { message: string; type: string; code: string }>> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: 'invalid_request' },
  401: {
    message: 'Access denied due to invalid subscription key or wrong API endpoint.',
    type: 'invalid_request_error',
    code: '401',
  },
  403: { message: 'Forbidden.', type: 'invalid_request_error', code: '403' },
  404: { message: 'Resource not found.', type: 'invalid_request_error', code: '404' },
  429: { message: 'Rate limit is exceeded. Try again later.', type: 'rate_limit_exceeded', code: '429' },
  500: {
    message: 'The server had an error while processing your request.',
    type: 'server_error',
    code: 'server_error',
  },
  503: { message: 'The service is temporarily unavailable.', type: 'server_error', code: '503' },
};

/** An error in the OpenAI wire shape: `{ error: { message, type, param, code } }`. */
export function errorReply(reply: ErrorReply): Omit<WireReply, 'delayMs' | 'bodyDelayMs'> {
  const defaults = ERROR_DEFAULTS[reply.status] ?? {
    message: `HTTP ${reply.status}`,
    type: 'api_error',
    code: String(reply.status),
  };
  const error = { message: defaults.message, type: defaults.type, param: null, code: defaults.code, ...reply.error };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
  if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
  return { status: reply.status, headers, body: JSON.stringify({ error }) };
}

function completionReply(
  reply: CompletionReply,
  body: ChatBody,
  ids: WireContext,
  filter?: ContentFilterReply,
): string {
  const content = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? null);
  const toolCalls = reply.toolCalls?.map((call, index) => ({
    id: call.id ?? `call_${index + 1}`,
    type: 'function',
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
  const answered =
    (content ?? '') + (toolCalls ?? []).map((call) => call.function.name + call.function.arguments).join('');
  const promptTokens = reply.usage?.prompt_tokens ?? estimateTokens(promptText(body));
  const reasoning = ids.reasoningTokens ?? 0;
  const answerTokens = reply.usage?.completion_tokens ?? estimateTokens(answered);
  const limit = typeof body.max_completion_tokens === 'number' ? body.max_completion_tokens : undefined;
  // The reasoning used the budget up: the real service answers 200, no content, finish "length".
  const cut = reasoning > 0 && limit !== undefined && reasoning + answerTokens > limit;
  const completionTokens = cut ? (limit ?? 0) : reasoning + answerTokens;
  const message = {
    role: 'assistant',
    content: cut ? '' : toolCalls && content === null ? null : content,
    refusal: reply.refusal ?? null,
    ...(toolCalls ? { tool_calls: toolCalls } : {}),
  };
  const azure = ids.route === 'azure';
  return JSON.stringify({
    id: ids.completionId,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: reply.model ?? ids.model,
    ...(azure ? { prompt_filter_results: promptFilterResults() } : {}),
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: cut ? 'length' : (reply.finishReason ?? (toolCalls ? 'tool_calls' : 'stop')),
        ...(azure ? { content_filter_results: choiceFilterResults(filter) } : {}),
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      ...(reasoning > 0 ? { completion_tokens_details: { reasoning_tokens: cut ? (limit ?? 0) : reasoning } } : {}),
    },
    system_fingerprint: 'fp_fake',
  });
}

function isError(reply: Exclude<FakeReply, string>): reply is ErrorReply {
  return 'status' in reply && !('raw' in reply);
}

function isRaw(reply: Exclude<FakeReply, string>): reply is RawReply {
  return 'raw' in reply;
}

function isFilter(reply: Exclude<FakeReply, string>): reply is ContentFilterReply {
  return 'filtered' in reply;
}

/** Render any scripted reply to status, headers and body text. */
export function toWire(reply: FakeReply, body: ChatBody, ids: WireContext): WireReply {
  const value: Exclude<FakeReply, string> = typeof reply === 'string' ? { content: reply } : reply;
  const timing = { delayMs: value.delayMs ?? 0, bodyDelayMs: 0 };
  if (isFilter(value)) {
    if (ids.route !== 'azure') throw new Error('content-filter replies exist only on the Azure route');
    if (value.filtered === 'prompt') {
      const wire = errorReply({ status: 400 });
      return {
        ...timing,
        ...wire,
        headers: { ...wire.headers, ...value.headers },
        body: JSON.stringify({ error: promptFilteredError(value) }),
      };
    }
    return {
      ...timing,
      status: 200,
      headers: { 'content-type': 'application/json', ...value.headers },
      body: completionReply({ content: value.content ?? '', finishReason: 'content_filter' }, body, ids, value),
    };
  }
  if (isRaw(value)) {
    return {
      ...timing,
      status: value.status ?? 200,
      headers: { 'content-type': value.contentType ?? 'application/json', ...value.headers },
      body: value.raw,
    };
  }
  if (isError(value)) {
    const wire = errorReply(value);
    return { ...timing, ...wire, headers: { ...wire.headers, ...value.headers } };
  }
  return {
    ...timing,
    bodyDelayMs: value.bodyDelayMs ?? 0,
    status: 200,
    headers: { 'content-type': 'application/json', ...value.headers },
    body: completionReply(value, body, ids),
  };
}
