import type { JsonClient } from './http-client';
import { msSince } from './stats';
import { expectCardAnswer, type CardTarget, type Chat } from './traffic';

/** What a background approver did while it ran. */
export interface BackgroundRun {
  /** Latencies of the approvals it sent (paced, while the measured load ran). */
  readonly samples: number[];
  readonly errors: number;
  readonly ranMs: number;
  /** True when it ran out of fresh plans before it was stopped. */
  readonly exhausted: boolean;
}

/**
 * Keeps Delegate's worker busy: approves fresh plans at a steady rate, each of which the worker
 * then runs in the background (mail search through the sandbox, summary, checkpoint, cards).
 */
export class BackgroundApprover {
  private stopped = false;
  private done?: Promise<BackgroundRun>;

  constructor(
    private readonly client: JsonClient,
    private readonly chat: Chat,
    private readonly plans: CardTarget[],
    private readonly perSecond: number,
  ) {}

  start(): void {
    this.done = this.run();
  }

  async stop(): Promise<BackgroundRun> {
    this.stopped = true;
    if (!this.done) throw new Error('not started');
    return this.done;
  }

  private async run(): Promise<BackgroundRun> {
    const samples: number[] = [];
    let errors = 0;
    const start = process.hrtime.bigint();
    const interval = 1000 / this.perSecond;
    const inFlight = new Set<Promise<void>>();
    for (let sent = 0; !this.stopped; sent++) {
      const plan = this.plans.shift();
      if (!plan) break;
      // Paced by the clock, not by replies: the rate holds even when replies slow down.
      const p: Promise<void> = this.client.post('/api/messages', this.chat.invoke('approve', plan)).then(
        (reply) => {
          try {
            expectCardAnswer(reply);
            samples.push(reply.ms);
          } catch {
            errors++;
          }
        },
        () => void errors++,
      );
      const tracked: Promise<void> = p.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      const due = (sent + 1) * interval - msSince(start);
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    }
    const exhausted = !this.stopped;
    await Promise.all([...inFlight]);
    return { samples, errors, ranMs: msSince(start), exhausted };
  }
}
