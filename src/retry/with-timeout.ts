/**
 * Run `work` with a signal that aborts after `ms` or when `signal` (the caller's) aborts. On
 * the timeout the promise rejects with `onTimeout()` at once, whether or not `work` listens to
 * its signal; on the caller's abort it rejects with the caller's reason. The timer is always
 * cleared.
 */
export async function withTimeout<T>(
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
  options: { readonly onTimeout: () => Error; readonly signal?: AbortSignal },
): Promise<T> {
  const controller = new AbortController();
  const { signal } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = options.onTimeout();
      controller.abort(error);
      reject(error);
    }, ms);
    onAbort = () => {
      controller.abort(signal?.reason);
      reject(signal?.reason ?? new Error('aborted'));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(controller.signal), stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
