import type { DelegateError } from '../../engine/errors';
import { shortReference } from '../../present/human';

/** A friendly error card: what went wrong in plain words, and a reference for support. */
export interface ErrorView {
  readonly heading: string;
  readonly message: string;
  readonly correlationId: string;
}

export function errorView(error: DelegateError, correlationId: string): ErrorView {
  const heading = error.kind === 'user_input' ? "That didn't work" : 'Something went wrong';
  return {
    heading,
    message: error.userMessage,
    correlationId: error.kind === 'user_input' ? '' : shortReference(correlationId),
  };
}
