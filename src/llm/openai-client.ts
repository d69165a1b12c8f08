import { randomUUID } from 'node:crypto';
import type { OpenAI } from 'openai';
import { toLlmError } from './classify';
import type { LlmError } from './errors';
import { silentLogger } from './logger';
import { llmSettings, type LlmClientOptions } from './options';
import type { ChatRequest, ChatResult, LlmClient } from './port';
import { toCompletionParams } from './request';
import { toChatResult } from './response';
import { azureSdk, openAiSdk } from './sdk';
import { CLIENT_REQUEST_ID_HEADER, observingFetch, type CallTrace } from './transport';

/** An {@link LlmClient} that also says what it talks to, for start-up logs and health output. */
export interface ConfiguredLlmClient extends LlmClient {
  readonly provider: 'azure' | 'openai';
  /** The deployment (Azure) or model name. */
  readonly model: string;
}

/**
 * A chat model client on the official `openai` package: `AzureOpenAI` for Azure OpenAI (key or
 * Entra ID), `OpenAI` for any OpenAI-compatible endpoint. Each `complete()` is one logical call:
 *
 * 1. build the Chat Completions body (structured output as `response_format: json_schema`);
 * 2. send it, the SDK retrying 408/409/429/5xx and connection failures up to `maxRetries`,
 *    waiting as Retry-After says (up to `maxRetryAfterMs`) or with exponential backoff;
 * 3. stop at `deadlineMs` overall, or when the caller's signal aborts;
 * 4. validate the answer's shape and return its raw content; anything else is an `LlmError`;
 * 5. log model, usage, duration, attempts and request ids; never prompts or answers.
 */
export function createLlmClient(options: LlmClientOptions): ConfiguredLlmClient {
  const settings = llmSettings(options);
  const logger = options.logger ?? silentLogger;
  const traces = new Map<string, CallTrace>();
  const fetch = observingFetch({ traces, maxRetryAfterMs: settings.maxRetryAfterMs, logger });
  const sdk: OpenAI =
    options.kind === 'azure' ? azureSdk(options, settings, fetch) : openAiSdk(options, settings, fetch);
  const model = options.kind === 'azure' ? options.deployment : options.model;
  const base = { provider: options.kind, ...(options.kind === 'azure' ? { deployment: options.deployment } : {}) };

  async function complete(request: ChatRequest): Promise<ChatResult> {
    const clientRequestId = randomUUID();
    const trace: CallTrace = { attempts: 0 };
    traces.set(clientRequestId, trace);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), settings.deadlineMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    const started = performance.now();
    const facts = () => ({
      ...base,
      clientRequestId,
      attempts: trace.attempts,
      durationMs: Math.round(performance.now() - started),
    });
    try {
      const params = toCompletionParams(request, model, settings.tokenLimitParam);
      const { data, response, request_id } = await sdk.chat.completions
        .create(params, { signal, headers: { [CLIENT_REQUEST_ID_HEADER]: clientRequestId } })
        .withResponse();
      const requestId = request_id ?? response.headers.get('apim-request-id') ?? undefined;
      const result = toChatResult(data, { fallbackModel: model, requestId, status: response.status });
      logger.info(
        {
          ...facts(),
          model: result.model,
          requestId,
          promptTokens: result.usage.promptTokens,
          completionTokens: result.usage.completionTokens,
          finishReason: result.finishReason,
          toolCalls: result.toolCalls?.length,
          structured: request.jsonSchema?.name,
        },
        'llm completion',
      );
      return result;
    } catch (error) {
      const failure: LlmError = toLlmError(error, {
        deadlineExceeded: deadline.signal.aborted && !request.signal?.aborted,
        attemptTimedOut: trace.lastFetchFailure === 'aborted' && !signal.aborted,
      });
      logger.warn(
        {
          ...facts(),
          model,
          code: failure.code,
          status: failure.status,
          requestId: failure.requestId,
          retryAfterMs: failure.retryAfterMs,
          // Side and category names only: the filter's verdict, never the text it judged.
          filteredSide: failure.contentFilter?.side,
          filteredCategories: failure.contentFilter?.categories,
        },
        'llm completion failed',
      );
      throw failure;
    } finally {
      clearTimeout(timer);
      traces.delete(clientRequestId);
    }
  }

  return { provider: options.kind, model, complete };
}
