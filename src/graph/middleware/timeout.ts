import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf } from '../call-state';

/**
 * Gives each HTTP attempt its own AbortController: it fires after `timeoutMs` or when the
 * caller's signal aborts. The response body is read inside the window (and handed on as a
 * buffered Response), so a server that stalls mid-body is also cut off. How the attempt ended
 * is recorded on the call state; the SDK would otherwise rewrap the error and lose its type.
 */
export class TimeoutMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const state = callStateOf(context);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('Graph request timed out'));
    }, this.timeoutMs);
    const cancel = (): void => controller.abort(state.signal?.reason);
    if (state.signal?.aborted) cancel();
    else state.signal?.addEventListener('abort', cancel, { once: true });
    context.options = { ...context.options, signal: controller.signal };
    try {
      await this.next?.execute(context);
      if (context.response) context.response = await buffered(context.response);
    } catch (error) {
      state.failure = timedOut ? 'timeout' : state.signal?.aborted ? 'aborted' : 'network';
      throw error;
    } finally {
      clearTimeout(timer);
      state.signal?.removeEventListener('abort', cancel);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

async function buffered(response: Response): Promise<Response> {
  const empty = response.status === 204 || response.status === 205 || response.status === 304;
  const body = empty ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
