import { Audit } from './audit';
import type { Budgets } from './budgets';
import { hasSideEffect, type ActionSpec, type Catalogue } from './catalogue';
import type { ErrorInfo, Task } from './model';
import { mutateTask, withStep } from './mutate';
import type {
  Clock,
  Governance,
  Ids,
  Logger,
  Notifier,
  TaskEvent,
  AuditLedger,
  TaskRecords,
  UsageLog,
  WorkQueue,
} from './ports';
import type { Safety } from './safety';
import { executeStep, type StepExecutionDeps } from './step-execution';
import { nextMove } from './step-runner';
import type { CheckpointTimers } from './checkpoint-timers';
import { enterCheckpoint } from './remember';
import { checkpointTimers } from './timers';

/** Settings and collaborators of a background worker. */
export interface WorkerOptions {
  readonly store: TaskRecords & WorkQueue & UsageLog & AuditLedger;
  readonly catalogue: Catalogue;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly logger: Logger;
  /** Unique per process; leases are held in its name. */
  readonly workerId: string;
  /** How long a claim holds without renewal; a dead worker's tasks are recovered after this. */
  readonly leaseMs: number;
  /** How often to look for runnable tasks when nobody kicks. */
  readonly pollMs: number;
  /** Tasks run at once by this worker. */
  readonly concurrency: number;
  /** Steps a task may run before it ends as `limit_reached`. */
  readonly maxSteps: number;
  /** Time from first start after which a task ends as `limit_reached`. */
  readonly maxDurationMs: number;
  /** Longest a single action may run. */
  readonly stepTimeoutMs: number;
  /** Daily model-token budgets, checked before compose steps. */
  readonly budgets?: Budgets;
  /** Boundaries for the deterministic guards run on resolved input; without it, guards are off. */
  readonly safety?: Safety;
  /** The organisation's policy; its kill switch pauses running tasks before their next step. */
  readonly governance?: Governance;
  /** Reminders, escalations and expiries of waiting checkpoints, fired on every pass. */
  readonly timers?: CheckpointTimers;
  /** Recurring work: schedules whose next occurrence is due are fired on every pass. */
  readonly schedules?: { fireDue(): Promise<number> };
  /**
   * Makes the plan of a claimed task whose plan is pending (the engine's `planPending`): the
   * planner runs here, outside the Teams turn, under the task's lease.
   */
  readonly planPending?: (task: Task, log: Logger) => Promise<Task | undefined>;
}

/**
 * Runs tasks outside any Teams turn. It claims a runnable task with a lease, advances it one
 * step at a time — persisting every transition before acting on it — and lets go at a
 * checkpoint, at the end, or when stopped. Waiting tasks hold no memory here.
 */
export class Worker {
  private readonly active = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private stopping = false;
  private unlisten: (() => void) | undefined;

  private readonly audit: Audit;
  private readonly stepDeps: StepExecutionDeps;

  constructor(private readonly options: WorkerOptions) {
    this.audit = new Audit(options.store, options.clock);
    this.stepDeps = {
      store: options.store,
      clock: options.clock,
      ids: options.ids,
      audit: this.audit,
      stepTimeoutMs: options.stepTimeoutMs,
      budgets: options.budgets,
      mutate: (taskId, change) => this.mutate(taskId, change),
    };
  }

  start(): void {
    this.stopping = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    // Work made runnable on any instance (an approval, an expiry) is picked up at once.
    this.unlisten = this.options.store.onRunnable(() => this.kick());
    this.kick();
  }

  /** Look for work now (e.g. right after an approval). */
  kick(): void {
    if (!this.stopping) setImmediate(() => void this.tick());
  }

  /** Stop claiming, let in-flight steps finish and record their results, then release leases. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.unlisten?.();
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  /** For tests and benchmarks: claim and run until nothing is runnable and nothing is in flight. */
  async drain(): Promise<void> {
    for (;;) {
      await this.tick();
      if (this.active.size === 0) {
        if (!this.ticking) return;
        await this.ticking;
        continue;
      }
      await Promise.allSettled([...this.active]);
    }
  }

  private tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = this.claimWhileFree().finally(() => {
      this.ticking = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    return this.ticking;
  }

  private async claimWhileFree(): Promise<void> {
    try {
      if (!this.stopping) await this.options.timers?.fireDue();
      if (!this.stopping) await this.options.schedules?.fireDue();
      if (!this.stopping) await this.retellOrphans();
      while (!this.stopping && this.active.size < this.options.concurrency) {
        const task = await this.claimOne();
        if (!task) return;
        this.launch(task);
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'worker could not claim work');
    }
  }

  /**
   * A worker that died between storing a transition (a checkpoint, the end) and telling people
   * left its lease behind: tell them now, then let go. Bounded per pass.
   */
  private async retellOrphans(): Promise<void> {
    const { store, workerId, clock, leaseMs, logger } = this.options;
    for (let n = 0; n < ORPHANS_PER_PASS && !this.stopping; n += 1) {
      const task = await store.claimOrphaned(workerId, clock.now(), leaseMs);
      if (!task) return;
      const log = logger.child({ taskId: task.id });
      const event = RETOLD[task.status];
      log.warn({ status: task.status }, 'recovered a task its worker left behind');
      try {
        if (event) await this.notify(task, event, log);
      } finally {
        await store.releaseLease(task.id, workerId).catch((err: unknown) => log.warn({ err }, 'lease release failed'));
      }
    }
  }

  private claimOne(): Promise<Task | undefined> {
    const { store, workerId, clock, leaseMs } = this.options;
    return store.claimRunnable(workerId, clock.now(), leaseMs);
  }

  private launch(task: Task): void {
    const run: Promise<void> = this.runClaimed(task).finally(() => {
      this.active.delete(run);
      this.kick();
    });
    this.active.add(run);
  }

  private async runClaimed(claimed: Task): Promise<void> {
    const { store, workerId, clock, leaseMs, logger } = this.options;
    const log = logger.child({ taskId: claimed.id });
    const renew = setInterval(
      () => {
        store
          .renewLease(claimed.id, workerId, clock.now(), leaseMs)
          .catch((err: unknown) => log.warn({ err }, 'lease renewal failed'));
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    try {
      let task: Task | undefined = claimed;
      while (task && !this.stopping) task = await this.advance(task, log);
    } catch (error) {
      log.error({ err: error }, 'task run interrupted; it will be recovered when the lease expires');
    } finally {
      clearInterval(renew);
      await store.releaseLease(claimed.id, workerId).catch((err: unknown) => log.warn({ err }, 'lease release failed'));
    }
  }

  /** One move of the state machine. Returns the task to continue with, or undefined to let go. */
  private async advance(task: Task, log: Logger): Promise<Task | undefined> {
    if (task.planPending) return this.makePlan(task, log);
    if (task.status !== 'running') return undefined;
    const { catalogue, clock, maxSteps, maxDurationMs } = this.options;
    const started = Date.parse(task.startedAt ?? task.createdAt);
    if (task.stepsRun >= maxSteps || clock.now().getTime() - started > maxDurationMs) {
      return this.finish(task, 'limit_reached', {
        code: task.stepsRun >= maxSteps ? 'max_steps' : 'max_duration',
        message:
          task.stepsRun >= maxSteps
            ? `The task reached its limit of ${maxSteps} steps.`
            : 'The task ran longer than it is allowed to.',
      });
    }
    if (this.options.governance?.killSwitch()) {
      const { task: paused, changed } = await this.mutate(task.id, (t) =>
        t.status === 'running'
          ? { ...t, status: 'paused', pausedFrom: 'running', pausedAt: clock.now().toISOString() }
          : undefined,
      );
      if (changed) {
        await this.audit.record(task.id, 'policy_decision', 'system', { rule: 'kill-switch', effect: 'paused' });
        log.warn({}, 'kill switch on: task paused before its next step');
        await this.notify(paused, 'paused', log);
      }
      return undefined;
    }
    const move = nextMove(task, catalogue, this.options.safety, this.options.governance);
    switch (move.kind) {
      case 'complete':
        return this.finish(task, changedNothing(task) ? 'nothing_done' : 'completed');
      case 'invalid':
        return this.fail(task, move.step.id, move.error);
      case 'checkpoint': {
        // Persist the checkpoint first; only then show it.
        const now = clock.now();
        const expiry = this.options.governance?.expiry(move.risk, (move.flags ?? []).length > 0);
        const { task: next, changed } = await this.mutate(task.id, (t) =>
          t.status === 'running' && stepStatus(t, move.step.id) === 'pending'
            ? enterCheckpoint(
                t,
                move.step.id,
                move.input,
                move.flags,
                expiry ? checkpointTimers(now, expiry, move.risk) : undefined,
                catalogue,
                { policy: move.policy, risk: move.risk },
              )
            : undefined,
        );
        if (!changed) return next.version === task.version ? undefined : next;
        if (next.status === 'running') {
          const step = next.plan.steps.find((s) => s.id === move.step.id);
          await this.audit.record(task.id, 'decision', step?.approvedBy[0] ?? 'system', {
            verb: 'approve',
            stepId: move.step.id,
            planVersion: next.plan.version,
            remembered: true,
          });
          log.info({ stepId: move.step.id }, 'checkpoint approved by a remembered decision');
          return next;
        }
        log.info({ stepId: move.step.id, action: move.step.action }, 'checkpoint reached');
        await this.notify(next, 'checkpoint', log);
        return undefined;
      }
      case 'run': {
        const spec = catalogue.get(move.step.action) as ActionSpec;
        return this.runStep(task, move.step.id, spec, move.input, log);
      }
    }
  }

  private async runStep(
    task: Task,
    stepId: string,
    spec: ActionSpec,
    input: Record<string, unknown>,
    log: Logger,
  ): Promise<Task | undefined> {
    const outcome = await executeStep(this.stepDeps, task, stepId, spec, input, log);
    switch (outcome.kind) {
      case 'not_runnable':
        return outcome.task.version === task.version ? undefined : outcome.task;
      case 'failed':
        return this.fail(outcome.task, stepId, outcome.error);
      case 'succeeded':
        await this.notify(outcome.task, 'progress', log);
        return outcome.task;
    }
  }

  private async fail(task: Task, stepId: string, error: ErrorInfo): Promise<undefined> {
    await this.audit.record(task.id, 'error', 'system', {
      stepId,
      code: error.code,
      correlationId: error.correlationId,
    });
    const { task: next, changed } = await this.mutate(task.id, (t) => {
      if (t.status !== 'running' && t.status !== 'cancelled') return undefined;
      const failed = withStep(t, stepId, (s) => ({
        ...s,
        status: 'failed',
        error,
        finishedAt: this.options.clock.now().toISOString(),
      }));
      return t.status === 'running' ? { ...failed, status: 'failed', error } : failed;
    });
    if (changed && next.status === 'failed')
      await this.notify(next, 'failed', this.options.logger.child({ taskId: task.id }));
    return undefined;
  }

  private async finish(
    task: Task,
    status: 'completed' | 'nothing_done' | 'limit_reached',
    error?: ErrorInfo,
  ): Promise<undefined> {
    const { task: next, changed } = await this.mutate(task.id, (t) =>
      t.status === 'running' ? { ...t, status, error } : undefined,
    );
    if (changed) await this.notify(next, status, this.options.logger.child({ taskId: task.id }));
    return undefined;
  }

  private async mutate(
    taskId: string,
    change: (task: Task) => Task | undefined,
  ): Promise<{ task: Task; changed: boolean }> {
    let before: Task | undefined;
    const { task, changed } = await mutateTask(this.options.store, this.options.clock, taskId, (t) => {
      before = t;
      return { task: change(t), result: undefined };
    });
    if (changed && before) await this.audit.status(before, task, 'system');
    return { task, changed };
  }

  /** Plan a task taken in without a plan, then update its card in place with the plan, the question or the refusal. */
  private async makePlan(task: Task, log: Logger): Promise<Task | undefined> {
    const planned = this.options.planPending ? await this.options.planPending(task, log) : undefined;
    if (!planned) return undefined;
    log.info({ status: planned.status, steps: planned.plan.steps.length }, 'planned outside the turn');
    await this.notify(planned, planned.status === 'cancelled' ? 'cancelled' : 'planned', log);
    // A plan that only reads runs at once, under the lease already held.
    return planned.status === 'running' ? planned : undefined;
  }

  private async notify(task: Task, event: TaskEvent, log: Logger): Promise<void> {
    try {
      await this.options.notifier.notify(task, event);
    } catch (error) {
      log.warn({ err: error, event }, 'could not show task update');
    }
  }
}

/** Orphaned leases handled per pass. */
const ORPHANS_PER_PASS = 20;

/** What people are told again about a task whose worker died right after its last transition. */
const RETOLD: Partial<Record<Task['status'], TaskEvent>> = {
  awaiting_checkpoint: 'checkpoint',
  completed: 'completed',
  nothing_done: 'nothing_done',
  failed: 'failed',
  cancelled: 'cancelled',
  rejected: 'rejected',
  paused: 'paused',
  limit_reached: 'limit_reached',
};

/** A plan with consequential steps, none of which ran (each was skipped or rejected), changed nothing. */
function changedNothing(task: Task): boolean {
  const consequential = task.plan.steps.filter((s) => hasSideEffect(s.risk));
  return consequential.length > 0 && consequential.every((s) => s.status === 'skipped' || s.status === 'rejected');
}

function stepStatus(task: Task, stepId: string): string | undefined {
  return task.plan.steps.find((s) => s.id === stepId)?.status;
}
