import { BackgroundApprover } from './background';
import { waitForIdleWorker, withServerStats, type HttpContext } from './http-context';
import type { LoadResult } from './http-client';
import { summarise, type Summary } from './stats';
import type { CardTarget, Chat } from './traffic';

/** What kept the worker busy during a busy phase, over all its rounds. */
export interface BusyWork {
  /** Approvals sent in the background, per second, while the foreground was measured. */
  readonly approvalsPerSecond: number;
  /** Tasks the worker brought to their checkpoint per second during the measured load. */
  readonly checkpointsPerSecond: number;
  /** Latency of the paced background approvals themselves (invokes too). */
  readonly approveLatency: Summary;
  readonly errors: number;
  readonly ranOutOfPlans: boolean;
}

/** Accumulates a busy phase's background over its rounds. */
export class BusyTally {
  private readonly samples: number[] = [];
  private errors = 0;
  private checkpoints = 0;
  private loadMs = 0;
  private exhausted = false;

  constructor(
    private readonly ctx: HttpContext,
    private readonly chat: Chat,
    private readonly stream: CardTarget[],
    private readonly perSecond: number,
  ) {}

  /**
   * One Delegate round with the worker busy: start the background stream, let the first tasks
   * reach the worker, measure `foreground`, stop the stream, then wait until the worker is idle
   * again so that the next baseline round does not compete with the backlog.
   */
  async round(foreground: () => Promise<LoadResult>): Promise<LoadResult> {
    const approver = new BackgroundApprover(this.ctx.delegateClient, this.chat, this.stream, this.perSecond);
    approver.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = this.ctx.connector.checkpoints;
    // CPU per request would count the background's work too, so only loop delay is kept.
    const result = await withServerStats(this.ctx.delegate, foreground, { cpu: false });
    this.checkpoints += this.ctx.connector.checkpoints - before;
    this.loadMs += result.wallMs;
    const run = await approver.stop();
    this.samples.push(...run.samples);
    this.errors += run.errors;
    this.exhausted ||= run.exhausted;
    await waitForIdleWorker(this.ctx, 120_000);
    return result;
  }

  summary(): BusyWork {
    const seconds = this.loadMs / 1000;
    return {
      approvalsPerSecond: this.perSecond,
      checkpointsPerSecond: seconds > 0 ? this.checkpoints / seconds : 0,
      approveLatency: summarise(this.samples),
      errors: this.errors,
      ranOutOfPlans: this.exhausted,
    };
  }
}
