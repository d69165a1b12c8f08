/**
 * The language-model port: one method, plain data in and out. The planner and compose steps
 * depend on this, never on the `openai` SDK. Failures reject with an `LlmError`.
 */

/** One chat message. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** JSON-schema structured output: the model must answer with JSON fitting `schema`. */
export interface JsonSchemaFormat {
  /** Schema name sent to the model (letters, digits, `_` and `-`). */
  readonly name: string;
  readonly schema: Record<string, unknown>;
  /** Ask the service to enforce the schema exactly (OpenAI `strict`). Default true. */
  readonly strict?: boolean;
}

/** A function the model may ask to call (optional; structured output is the main path). */
export interface ToolSpec {
  readonly name: string;
  readonly description?: string;
  /** JSON schema of the arguments object. */
  readonly parameters: Record<string, unknown>;
  readonly strict?: boolean;
}

/** A call the model asked for; `arguments` is the raw JSON text (the caller parses and validates). */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** One chat completion request. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  /** JSON-schema structured output. */
  readonly jsonSchema?: JsonSchemaFormat;
  /** Functions the model may call instead of answering. */
  readonly tools?: readonly ToolSpec[];
  readonly temperature?: number;
  /** Upper bound on the answer's tokens. */
  readonly maxTokens?: number;
  /** Cancels the call, including any wait between retries. */
  readonly signal?: AbortSignal;
}

/** What one completion cost. */
export interface ChatUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** Completions billed: 1 per `complete()`, so usages can be summed into a per-task budget. */
  readonly calls: number;
}

/** The model's answer and what it cost. */
export interface ChatResult {
  /** The raw answer text (JSON text under `jsonSchema`); empty when the model only called tools. */
  readonly content: string;
  readonly usage: ChatUsage;
  /** The model that answered, as the service reports it (else the configured model or deployment). */
  readonly model: string;
  /** The service's request id (`x-request-id`, else `apim-request-id`), for support. */
  readonly requestId?: string;
  /** Present when the model asked to call tools. */
  readonly toolCalls?: readonly ToolCall[];
  /** Why the model stopped, e.g. `stop` or `tool_calls`. */
  readonly finishReason?: string;
}

/** A chat model. */
export interface LlmClient {
  complete(request: ChatRequest): Promise<ChatResult>;
}
