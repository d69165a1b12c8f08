import { randomUUID } from 'node:crypto';
import type { OpenAI } from 'openai';
import { toLlmError } from './classify';
import { LlmError } from './errors';
import { hintFor } from './hints';
import { silentLogger } from './logger';
import { resolveFamily, type ModelFamily } from './profile';
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
  /** The family whose request shape is sent now: configured, or detected from the model's name. */
  family(): ModelFamily;
}

/**
 * A chat model client on the official `openai` package: `AzureOpenAI` for Azure OpenAI (key or
 * Entra ID), `OpenAI` for any OpenAI-compatible endpoint. Each `complete()` is one logical call:
 *
 * 1. build the Chat Completions body for the model's family (structured output as
 *    `response_format: json_schema`; reasoning models get no temperature, a reasoning effort
 *    and room for their reasoning in the token limit);
 * 2. send it, the SDK retrying 408/409/429/5xx and connection failures up to `maxRetries`,
 *    waiting as Retry-After says (up to `maxRetryAfterMs`) or with exponential backoff;
 * 3. stop at `deadlineMs` overall, or when the caller's signal aborts;
 * 4. validate the answer's shape and return its raw content; anything else is an `LlmError`;
 * 5. log model, usage, duration, attempts and request ids; never prompts or answers. A refused
 *    request is logged with the service's own message and a hint naming the setting to change.
 *
 * With the family on `auto`, the configured name decides until the service reports the model it
 * runs (Azure deployments may be called anything); from then on the reported name decides.
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
  let reported: string | undefined;
  /** Learnt from the service refusing the other family's knobs (auto only). */
  let learnt: ModelFamily | undefined;
  const family = (): ModelFamily => learnt ?? resolveFamily(settings.profile.family, [reported, model]);

  /**
   * On `auto`, a refusal that names the other family's knob (`temperature` from a reasoning
   * model, `reasoning_effort` from a chat model) says which family this is: remember it and
   * send the call once more, shaped for that family.
   */
  async function complete(request: ChatRequest): Promise<ChatResult> {
    try {
      return await completeOnce(request);
    } catch (error) {
      const other = settings.profile.family === 'auto' && learnt === undefined ? familyRefused(error) : undefined;
      if (!other) throw error;
      learnt = other;
      logger.info({ ...base, model, family: other }, 'llm model family detected from the service');
      return completeOnce(request);
    }
  }

  function familyRefused(error: unknown): ModelFamily | undefined {
    const param = error instanceof LlmError && error.code === 'llm_bad_request' ? error.service?.param : undefined;
    if (param === 'temperature' && family() === 'chat') return 'reasoning';
    if (param === 'reasoning_effort' && family() === 'reasoning') return 'chat';
    return undefined;
  }

  async function completeOnce(request: ChatRequest): Promise<ChatResult> {
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
      const shape = {
        ...settings.profile,
        family: family(),
        tokenLimitParam: settings.tokenLimitParam,
      };
      const params = toCompletionParams(request, model, shape);
      const { data, response, request_id } = await sdk.chat.completions
        .create(params, { signal, headers: { [CLIENT_REQUEST_ID_HEADER]: clientRequestId } })
        .withResponse();
      const requestId = request_id ?? response.headers.get('apim-request-id') ?? undefined;
      const result = toChatResult(data, { fallbackModel: model, requestId, status: response.status });
      if (result.model !== model) reported = result.model;
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
          family: family(),
          serviceMessage: failure.service?.message,
          serviceParam: failure.service?.param,
          serviceCode: failure.service?.code,
          hint: failure.service
            ? hintFor({ status: failure.status ?? 0, ...failure.service }, hintContext())
            : undefined,
        },
        'llm completion failed',
      );
      throw failure;
    } finally {
      clearTimeout(timer);
      traces.delete(clientRequestId);
    }
  }

  function hintContext() {
    return {
      provider: options.kind,
      family: family(),
      ...(options.kind === 'azure' ? { apiVersion: options.apiVersion } : {}),
    };
  }

  return { provider: options.kind, model, family, complete };
}
