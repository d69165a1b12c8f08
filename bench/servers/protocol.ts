/** Parent → server process: a question or an order, answered by the same id. */
export interface ChildRequest {
  readonly id: number;
  /**
   * `running`: tasks currently running; `cpu`: CPU time used so far (ms); `loopDelayP99` /
   * `loopDelayMax`: event-loop delay (ms) since `loopDelayReset`; `stop`: shut down cleanly.
   */
  readonly cmd: 'running' | 'cpu' | 'loopDelayReset' | 'loopDelayP99' | 'loopDelayMax' | 'stop';
}

/** Server process → parent. */
export type ChildReply =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'result'; readonly id: number; readonly value: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
