import type { ChatRequest, ChatResult, LlmClient } from '../../../src/llm/port';

/** A scripted reply: the model's text (objects are sent as JSON) and what it cost. */
export interface Reply {
  readonly content: string | object;
  readonly promptTokens?: number;
  readonly completionTokens?: number;
}

/**
 * An in-memory chat model that answers from a script, in order, and records every request.
 * Running out of script fails the test loudly: an extra model call is a bug.
 */
export class ScriptedLlm implements LlmClient {
  readonly requests: ChatRequest[] = [];
  private readonly script: Reply[];

  constructor(replies: readonly (Reply | object | string)[]) {
    this.script = replies.map((reply) =>
      typeof reply === 'object' && reply !== null && 'content' in reply ? (reply as Reply) : { content: reply },
    );
  }

  async complete(request: ChatRequest): Promise<ChatResult> {
    this.requests.push(request);
    const next = this.script.shift();
    if (!next) throw new Error(`unexpected model call #${this.requests.length}`);
    return {
      content: typeof next.content === 'string' ? next.content : JSON.stringify(next.content),
      usage: { promptTokens: next.promptTokens ?? 100, completionTokens: next.completionTokens ?? 20, calls: 1 },
      model: 'scripted',
      requestId: `req-${this.requests.length}`,
    };
  }

  /** The system prompt of call `n` (1-based). */
  system(n = 1): string {
    return this.message(n, 0);
  }

  /** The text of message `index` of call `n`. */
  message(n: number, index: number): string {
    const message = this.requests[n - 1]?.messages[index];
    if (!message) throw new Error(`call ${n} has no message ${index}`);
    return message.content;
  }

  /** The last message of call `n` (the user's request, or the repair note). */
  last(n: number): string {
    const messages = this.requests[n - 1]?.messages ?? [];
    return this.message(n, messages.length - 1);
  }
}
