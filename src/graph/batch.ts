import { parseRetryAfter, sleep } from '../retry';
import type { BatchRequest, BatchResponse } from './types';

/** Graph's limit of requests in one `$batch`. */
export const BATCH_LIMIT = 20;

interface BatchAnswer {
  readonly responses?: ReadonlyArray<{
    readonly id: string;
    readonly status: number;
    readonly headers?: Record<string, string>;
    readonly body?: unknown;
  }>;
}

interface BatchDeps {
  readonly maxRetries: number;
  readonly signal: AbortSignal | undefined;
  /** POST one `$batch` body. */
  readonly send: (body: unknown) => Promise<BatchAnswer | undefined>;
}

const TRANSIENT = new Set([429, 503, 504]);

/**
 * Run reads as JSON batches of at most 20 and return the answers in request order (Graph may
 * answer in any order). Sub-requests that were throttled are sent again, in a smaller batch,
 * after the longest Retry-After among them, at most `maxRetries` times. A request Graph did
 * not answer at all comes back with status 0.
 */
export async function runBatch<T>(requests: readonly BatchRequest[], deps: BatchDeps): Promise<BatchResponse<T>[]> {
  const results: BatchResponse<T>[] = [];
  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    results.push(...(await runChunk<T>(requests.slice(start, start + BATCH_LIMIT), deps)));
  }
  return results;
}

async function runChunk<T>(chunk: readonly BatchRequest[], deps: BatchDeps): Promise<BatchResponse<T>[]> {
  const answers: BatchResponse<T>[] = chunk.map(() => ({ status: 0, headers: {}, body: undefined as T }));
  let pending = chunk.map((_, index) => index);
  for (let round = 0; pending.length > 0; round += 1) {
    const answer = await deps.send({
      requests: pending.map((index) => {
        const request = chunk[index] as BatchRequest;
        return {
          id: String(index),
          method: 'GET',
          url: request.url,
          ...(request.headers ? { headers: request.headers } : {}),
        };
      }),
    });
    for (const response of answer?.responses ?? []) {
      const index = Number(response.id);
      if (!pending.includes(index)) continue;
      answers[index] = { status: response.status, headers: response.headers ?? {}, body: response.body as T };
    }
    const again = pending.filter((index) => TRANSIENT.has(answers[index]?.status ?? 0));
    if (again.length === 0 || round >= deps.maxRetries) break;
    const waitMs = Math.max(...again.map((index) => retryAfterOf(answers[index]) ?? 1000 * 2 ** round));
    await sleep(waitMs, deps.signal);
    pending = again;
  }
  return answers;
}

function retryAfterOf(response: BatchResponse<unknown> | undefined): number | undefined {
  const headers = response?.headers ?? {};
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'retry-after');
  return key === undefined ? undefined : parseRetryAfter(headers[key]);
}
