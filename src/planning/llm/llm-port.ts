/**
 * The model client the LLM planner talks to. These shapes mirror `src/llm` (being built in
 * parallel); once that module lands this file only re-exports its types.
 */

/** One chat message. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** One chat completion request. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  /** Ask for JSON fitting this schema (OpenAI structured output). */
  readonly jsonSchema?: { readonly name: string; readonly schema: Record<string, unknown>; readonly strict?: boolean };
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly signal?: AbortSignal;
}

/** The model's answer and what it cost. */
export interface ChatResult {
  readonly content: string;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number; readonly calls: number };
  readonly model: string;
  readonly requestId?: string;
}

/** A chat model. Failures reject with an `LlmError` (a planner DelegateError). */
export interface LlmClient {
  complete(request: ChatRequest): Promise<ChatResult>;
}
