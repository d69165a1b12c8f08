/** Why something failed, so that users see the right explanation and logs the right detail. */
export type ErrorCause = 'user_input' | 'planner' | 'graph' | 'conflict' | 'system';

/**
 * A failure with a stable code and a message that is safe to show to people. Internal detail
 * (stack, upstream bodies) goes to logs through `cause`, never to cards.
 */
export class DelegateError extends Error {
  constructor(
    readonly kind: ErrorCause,
    readonly code: string,
    /** Friendly text for cards. */
    readonly userMessage: string,
    options?: { cause?: unknown; retryable?: boolean },
  ) {
    super(`${code}: ${userMessage}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DelegateError';
    this.retryable = options?.retryable ?? false;
  }
  readonly retryable: boolean;
}

/** A compare-and-set or uniqueness conflict in the store. */
export class ConflictError extends DelegateError {
  constructor(what: string) {
    super('conflict', 'conflict', `Someone else changed ${what} at the same time. Please try again.`);
  }
}

/** Wrap anything thrown into a DelegateError without leaking its message to users. */
export function toDelegateError(error: unknown): DelegateError {
  if (error instanceof DelegateError) return error;
  return new DelegateError('system', 'internal_error', 'Something went wrong on our side.', { cause: error });
}
