/** One tool call the fake model makes; `arguments` is serialised as JSON unless already a string. */
export interface FakeToolCall {
  readonly id?: string;
  readonly name: string;
  readonly arguments: unknown;
}

/** Shared by every reply: wait before answering, extra response headers. */
export interface ReplyTiming {
  /** Wait this long before sending anything (a client timeout fires here). */
  readonly delayMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A 200 chat completion. Exactly one of `content`, `json`, `toolCalls` or `refusal` is usual. */
export interface CompletionReply extends ReplyTiming {
  readonly content?: string;
  /** Serialised with JSON.stringify as the message content. */
  readonly json?: unknown;
  readonly toolCalls?: readonly FakeToolCall[];
  readonly refusal?: string;
  /** Default `stop`, or `tool_calls` when there are tool calls. */
  readonly finishReason?: string;
  /** Token counts; each defaults to characters / 4. */
  readonly usage?: { readonly prompt_tokens?: number; readonly completion_tokens?: number };
  readonly model?: string;
  /** Send the headers at once but hold the body back this long (a stalled stream). */
  readonly bodyDelayMs?: number;
}

/** An error status with an OpenAI/Azure error body. */
export interface ErrorReply extends ReplyTiming {
  readonly status: number;
  readonly error?: {
    readonly message?: string;
    readonly type?: string;
    readonly code?: string;
    readonly param?: string;
    readonly innererror?: unknown;
  };
  /** Sent as `retry-after` (seconds). */
  readonly retryAfterSeconds?: number;
  /** Sent as `retry-after-ms` (Azure's header). */
  readonly retryAfterMs?: number;
}

/**
 * Azure OpenAI's content filter stopping the exchange (the Azure route only): a filtered prompt
 * is an HTTP 400 `content_filter` error; a filtered completion is a 200 whose choice ends with
 * `finish_reason: "content_filter"`. Named categories are marked filtered, all others safe.
 */
export interface ContentFilterReply extends ReplyTiming {
  readonly filtered: 'prompt' | 'completion';
  readonly categories: Readonly<
    Partial<Record<'hate' | 'self_harm' | 'sexual' | 'violence', 'low' | 'medium' | 'high'>>
  >;
  /** Detections marked detected and filtered: `jailbreak`, `indirect_attack` (prompt) or `protected_material_text` (completion). */
  readonly detected?: readonly string[];
  /** A filtered completion: the text produced before the cut (default none). */
  readonly content?: string;
}

/** Exactly these bytes, for malformed answers. */
export interface RawReply extends ReplyTiming {
  readonly raw: string;
  readonly status?: number;
  /** Default `application/json`. */
  readonly contentType?: string;
}

/** What the fake answers: a string is plain content. */
export type FakeReply = string | CompletionReply | ErrorReply | RawReply | ContentFilterReply;

/** Which route a request hit. */
export type FakeRoute = 'azure' | 'openai' | 'unknown';

/** A request as the fake saw it; credentials are redacted. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case names; `api-key` and `authorization` values redacted (the scheme is kept). */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly route: FakeRoute;
  readonly deployment?: string;
  readonly auth: 'api-key' | 'bearer' | 'none';
  /** `performance.now()` when the request arrived. */
  readonly receivedAt: number;
  /** The status the fake answered with (set before the reply is sent). */
  status: number;
}

/** The parsed Chat Completions body handed to a handler. */
export interface ChatBody {
  readonly model?: string;
  readonly messages?: ReadonlyArray<{ readonly role: string; readonly content: unknown }>;
  readonly [key: string]: unknown;
}

/** Computes the reply to a request that nothing queued answered. */
export type FakeHandler = (body: ChatBody, request: RecordedRequest) => FakeReply | Promise<FakeReply>;

/** Options of `startFakeOpenAI`. */
export interface FakeOpenAIOptions {
  /** Default 0 (ephemeral). */
  readonly port?: number;
  /** When set, only these values are accepted as `api-key` or Bearer token (else any non-empty value). */
  readonly validCredentials?: readonly string[];
  /** Model name reported in answers; default the request's `model`. */
  readonly model?: string;
  /**
   * Hidden reasoning tokens a reasoning model (o-series, gpt-5 except `-chat`) spends before its
   * answer; they count against `max_completion_tokens`, and an answer that no longer fits ends
   * with `finish_reason: "length"` and no content, as on the real service. Default 2500.
   */
  readonly reasoningTokens?: number;
}

/** A running fake. */
export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>`; the plain route is `${url}/v1`. */
  readonly url: string;
  /** Same origin, for `AzureOpenAI`'s endpoint. */
  readonly azureEndpoint: string;
  readonly requests: RecordedRequest[];
  /** Answer with `handler` whenever no queued reply or failure applies. */
  script(handler: FakeHandler): void;
  /** Answer the next requests with these replies, in order. */
  enqueue(...replies: FakeReply[]): void;
  /** Fail the next `count` requests (default 1; `Infinity` for all) with `status`, before any queued reply. */
  failNext(
    status: number,
    options?: { readonly retryAfterSeconds?: number; readonly retryAfterMs?: number; readonly count?: number },
  ): void;
  /** Forget requests, queues, failures and the handler; request ids start again at `req_fake_1`. */
  reset(): void;
  close(): Promise<void>;
}
