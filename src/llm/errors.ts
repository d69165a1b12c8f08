import { DelegateError } from '../engine/errors';
import { contentFilterMessage, type ContentFilterVerdict } from './content-filter';

/** Why a model call failed. Stable: logs, metrics and callers branch on these. */
export type LlmErrorCode =
  | 'llm_timeout'
  | 'llm_throttled'
  | 'llm_unavailable'
  | 'llm_auth'
  | 'llm_not_found'
  | 'llm_bad_request'
  | 'llm_content_filtered'
  | 'llm_bad_response'
  | 'llm_truncated'
  | 'llm_refused'
  | 'llm_cancelled';

/** What is known about a failed call; never a prompt, an answer or a credential. */
export interface LlmFailure {
  readonly code: LlmErrorCode;
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** The service's request id, for support. */
  readonly requestId?: string;
  /** What the service asked us to wait before trying again, when it said. */
  readonly retryAfterMs?: number;
  /** For `llm_content_filtered` from Azure OpenAI: which side was stopped and the categories it named. */
  readonly contentFilter?: ContentFilterVerdict;
  /**
   * For a request the service refused (`llm_bad_request`, `llm_not_found`): its own message and
   * the parameter it named, for the operator's log. They describe Delegate's request, not a prompt.
   */
  readonly service?: { readonly message?: string; readonly param?: string; readonly code?: string };
}

const MESSAGES: Readonly<Record<LlmErrorCode, { readonly message: string; readonly retryable: boolean }>> = {
  llm_timeout: { message: 'The AI model took too long to answer. Please try again.', retryable: true },
  llm_throttled: { message: 'The AI model is busy right now. Please try again shortly.', retryable: true },
  llm_unavailable: { message: 'The AI model is unavailable right now. Please try again later.', retryable: true },
  llm_auth: {
    message: "Delegate couldn't sign in to the AI model service. An administrator needs to check its configuration.",
    retryable: false,
  },
  llm_not_found: {
    message: 'The configured AI model was not found. An administrator needs to check its configuration.',
    retryable: false,
  },
  llm_bad_request: {
    message:
      "The AI model service rejected Delegate's request. An administrator needs to check the model settings (the log names the setting).",
    retryable: false,
  },
  llm_content_filtered: { message: "The AI model service's content filter blocked this request.", retryable: false },
  llm_bad_response: { message: "The AI model gave an answer Delegate couldn't use.", retryable: true },
  llm_truncated: { message: "The AI model's answer was cut short.", retryable: false },
  llm_refused: { message: 'The AI model declined to answer this request.', retryable: false },
  llm_cancelled: { message: 'The request to the AI model was cancelled.', retryable: false },
};

/**
 * A model call failed. A planner-kind `DelegateError`: `userMessage` is safe for cards; the
 * upstream error (if any) is kept as `cause` for logs and carries no prompt or answer from us.
 */
export class LlmError extends DelegateError {
  override readonly code: LlmErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly contentFilter: ContentFilterVerdict | undefined;
  readonly service: LlmFailure['service'];

  constructor(failure: LlmFailure, options?: { cause?: unknown }) {
    const { message, retryable } = MESSAGES[failure.code];
    const filter = failure.code === 'llm_content_filtered' ? failure.contentFilter : undefined;
    // The same prompt is filtered again; a filtered answer may come out differently next time.
    super('planner', failure.code, filter ? contentFilterMessage(filter) : message, {
      cause: options?.cause,
      retryable: filter ? filter.side === 'completion' : retryable,
    });
    this.name = 'LlmError';
    this.code = failure.code;
    this.status = failure.status;
    this.requestId = failure.requestId;
    this.retryAfterMs = failure.retryAfterMs;
    this.contentFilter = filter;
    this.service = failure.service;
  }
}
