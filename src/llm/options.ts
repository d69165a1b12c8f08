import type { TokenCredential } from '@azure/identity';
import type { LlmLogger } from './logger';
import { DEFAULT_REASONING_EFFORT, DEFAULT_REASONING_TOKENS, type ModelProfile, type ReasoningEffort } from './profile';
import type { TokenLimitParam } from './request';

/** Options shared by every kind of endpoint. */
export interface CommonLlmOptions {
  /** Time allowed for one HTTP attempt to return its headers. Default 60 s. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, on 408/409/429/5xx and connection failures, with backoff honouring Retry-After. Default 2, at most 10. */
  readonly maxRetries?: number;
  /** A Retry-After longer than this is not waited for: the call fails with `llm_throttled` and `retryAfterMs`. Default 30 s, at most 60 s. */
  readonly maxRetryAfterMs?: number;
  /** Time allowed for the whole call, retries and waits included. Default: enough for every attempt and the longest allowed wait between them. */
  readonly deadlineMs?: number;
  /** Where to log model, usage, duration and request ids (never prompts or answers). */
  readonly logger?: LlmLogger;
  /** Body field for `maxTokens`. Default `max_completion_tokens`; some OpenAI-compatible servers only know `max_tokens`. */
  readonly tokenLimitParam?: TokenLimitParam;
  /** The model family and its knobs. Default: family from the model or deployment name, else chat. */
  readonly profile?: ModelProfile;
}

/** How to sign in to Azure OpenAI: an API key, or Microsoft Entra ID through a token credential. */
export type AzureLlmAuth = { readonly apiKey: string } | { readonly credential: TokenCredential };

/** Azure OpenAI (or Azure AI Foundry) through the `openai` package's `AzureOpenAI` client. */
export interface AzureLlmOptions extends CommonLlmOptions {
  readonly kind: 'azure';
  /** Resource endpoint, e.g. `https://contoso.openai.azure.com` (no `/openai` suffix). */
  readonly endpoint: string;
  readonly deployment: string;
  /** e.g. `2025-04-01-preview` (reasoning models need `2024-12-01-preview` or later). */
  readonly apiVersion: string;
  readonly auth: AzureLlmAuth;
}

/** Any OpenAI-compatible Chat Completions endpoint (OpenAI itself, or a local model server). */
export interface OpenAiCompatibleLlmOptions extends CommonLlmOptions {
  readonly kind: 'openai';
  /** Base URL including the version path, e.g. `http://127.0.0.1:11434/v1`. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer`; when absent no Authorization header is sent at all. */
  readonly apiKey?: string;
  readonly model: string;
}

/** Options of `createLlmClient`. */
export type LlmClientOptions = AzureLlmOptions | OpenAiCompatibleLlmOptions;

/** The options with every default applied. */
export interface LlmSettings {
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly deadlineMs: number;
  readonly tokenLimitParam: TokenLimitParam;
  readonly profile: Required<Omit<ModelProfile, 'temperature'>> & Pick<ModelProfile, 'temperature'>;
}

const MAX_RETRIES = 10;
/** The SDK ignores a Retry-After over 60 s (and backs off briefly instead), so we never allow more. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Apply defaults and bounds; retries and waits are always bounded. */
export function llmSettings(options: CommonLlmOptions): LlmSettings {
  const timeoutMs = positive(options.timeoutMs, 60_000);
  const maxRetries = Math.min(Math.max(0, Math.floor(options.maxRetries ?? 2)), MAX_RETRIES);
  const maxRetryAfterMs = Math.min(Math.max(0, options.maxRetryAfterMs ?? 30_000), MAX_RETRY_AFTER_MS);
  // Backoff without Retry-After tops out at 8 s in the SDK; a wait is never longer than this.
  const longestWait = Math.max(maxRetryAfterMs, 8_000);
  const deadlineMs = positive(options.deadlineMs, timeoutMs * (maxRetries + 1) + longestWait * maxRetries);
  return {
    timeoutMs,
    maxRetries,
    maxRetryAfterMs,
    deadlineMs,
    tokenLimitParam: options.tokenLimitParam ?? 'max_completion_tokens',
    profile: {
      family: options.profile?.family ?? 'auto',
      reasoningEffort: options.profile?.reasoningEffort ?? (DEFAULT_REASONING_EFFORT satisfies ReasoningEffort),
      reasoningTokens: Math.max(0, Math.floor(options.profile?.reasoningTokens ?? DEFAULT_REASONING_TOKENS)),
      ...(options.profile?.temperature === undefined ? {} : { temperature: options.profile.temperature }),
    },
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
