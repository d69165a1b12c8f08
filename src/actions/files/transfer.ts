import { DelegateError } from '../../engine/errors';
import type { ActionContext } from '../../engine/catalogue';
import { retryAfterFromHeaders, retryDelay, sleep, type RetryDelays } from '../../retry';

/** Time allowed for one transfer request to a pre-authenticated URL. */
const TIMEOUT_MS = 30_000;
const ATTEMPTS = 3;
/** Backoff between attempts; a Retry-After longer than 10 s is not waited for (the response stands). */
const DELAYS: RetryDelays = { baseDelayMs: 200, maxBackoffMs: 2_000, maxRetryAfterMs: 10_000 };

/**
 * Pre-authenticated OneDrive URLs (`@microsoft.graph.downloadUrl`, an upload session's
 * `uploadUrl`) must be called *without* the Graph token, so they bypass the gateway. These
 * helpers add what the gateway would: a timeout, a bounded retry of transient failures, and
 * the ledger's request record (path only: the query holds the URL's credential).
 */
async function send(url: string, init: RequestInit, ctx: ActionContext): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(ctx.signal ? [ctx.signal] : [])];
    let response: Response | undefined;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (ctx.signal?.aborted || attempt >= ATTEMPTS) throw transferFailed(error);
    }
    ctx.onRequest?.({
      method: init.method ?? 'GET',
      path: new URL(url).pathname,
      status: response?.status ?? 0,
      durationMs: Date.now() - started,
    });
    if (response && !(response.status === 429 || response.status >= 500)) return response;
    const wait = retryDelay(attempt, response && retryAfterFromHeaders(response.headers, ctx.now.getTime()), DELAYS);
    if (attempt >= ATTEMPTS || wait === undefined) return response ?? Promise.reject(transferFailed(undefined));
    await response?.body?.cancel();
    await sleep(wait, ctx.signal).catch((error: unknown) => Promise.reject(transferFailed(error)));
  }
}

const transferFailed = (cause: unknown): DelegateError =>
  new DelegateError('graph', 'graph_unavailable', 'OneDrive did not answer in time. Please try again.', {
    cause,
    retryable: true,
  });

/** Download a file's bytes, refusing anything larger than `maxBytes`. */
export async function download(url: string, maxBytes: number, ctx: ActionContext): Promise<Buffer> {
  const response = await send(url, { method: 'GET' }, ctx);
  if (!response.ok)
    throw new DelegateError('graph', 'graph_error', "OneDrive could not give the file's content.", {
      retryable: response.status >= 500,
    });
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > maxBytes) throw tooLarge(maxBytes);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  return bytes;
}

export const tooLarge = (maxBytes: number): DelegateError =>
  new DelegateError(
    'user_input',
    'file_too_large',
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, too large to read here.`,
  );

/** Fragments are multiples of 320 KiB, as OneDrive asks; 10 of them make 3.2 MiB per request. */
export const FRAGMENT = 320 * 1024 * 10;

/**
 * Send `bytes` to an upload session in order; when a fragment's answer is lost, ask the session
 * what it still expects and carry on from there. Returns the finished item's JSON.
 */
export async function uploadFragments<T>(uploadUrl: string, bytes: Buffer, ctx: ActionContext): Promise<T> {
  let start = 0;
  for (let guard = 0; guard < Math.ceil(bytes.length / FRAGMENT) + ATTEMPTS; guard++) {
    const end = Math.min(bytes.length, start + FRAGMENT) - 1;
    const response = await send(
      uploadUrl,
      {
        method: 'PUT',
        headers: {
          'content-range': `bytes ${start}-${end}/${bytes.length}`,
          'content-length': String(end - start + 1),
        },
        body: bytes.subarray(start, end + 1),
      },
      ctx,
    );
    if (response.status === 200 || response.status === 201) return (await response.json()) as T;
    if (response.status === 202 || response.status === 416) {
      const status = response.status === 202 ? response : await send(uploadUrl, { method: 'GET' }, ctx);
      const body = (await status.json()) as { nextExpectedRanges?: string[] };
      start = Number(/^(\d+)-/.exec(body.nextExpectedRanges?.[0] ?? '')?.[1] ?? end + 1);
      continue;
    }
    const code = ((await response.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code;
    if (response.status === 409 || code === 'nameAlreadyExists') throw nameTaken();
    throw new DelegateError('graph', 'graph_error', 'OneDrive did not accept the upload.', {
      retryable: response.status >= 500,
    });
  }
  throw new DelegateError('graph', 'graph_error', 'OneDrive did not finish the upload.');
}

export const nameTaken = (): DelegateError =>
  new DelegateError(
    'conflict',
    'name_already_exists',
    'A file with that name already exists there. Choose another name or allow replacing or renaming.',
  );
