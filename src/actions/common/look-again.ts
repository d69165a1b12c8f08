import { sleep } from '../../retry/sleep';

/**
 * How long to wait before each further look for what an earlier attempt made. Graph's lists and
 * searches show a new item (a sent copy, a post) only some seconds after it was made; a retry
 * that looked once could miss it and do the work twice. About 7 s in all, only on a retry that
 * found nothing.
 */
export const LOOK_AGAIN_WAITS_MS: readonly number[] = [1_000, 2_000, 4_000];

/**
 * Look for an earlier attempt's item; when none is seen, wait and look again (bounded by
 * `waits`) before concluding there is none. Aborts with the signal.
 */
export async function lookAgain<T>(
  look: () => Promise<T | undefined>,
  signal?: AbortSignal,
  waits: readonly number[] = LOOK_AGAIN_WAITS_MS,
): Promise<T | undefined> {
  const first = await look();
  if (first !== undefined) return first;
  for (const ms of waits) {
    await sleep(ms, signal);
    const found = await look();
    if (found !== undefined) return found;
  }
  return undefined;
}
