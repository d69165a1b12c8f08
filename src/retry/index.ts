/** Waiting and retrying, shared by the Graph gateway, file transfers, the LLM client and the engine. */
export { backoffDelay, retryDelay, type RetryDelays } from './backoff';
export { parseRetryAfter, retryAfterFromHeaders, type HeaderSource } from './retry-after';
export { sleep } from './sleep';
export { withTimeout } from './with-timeout';
