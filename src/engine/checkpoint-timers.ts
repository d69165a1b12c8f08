import type { Audit } from './audit';
import type { Step, Task } from './model';
import { mutateTask, withStep } from './mutate';
import type { Clock, Ids, Logger, Notifier, TaskEvent, DecisionLog, TaskRecords, WorkQueue } from './ports';
import { dueTimer, type DueTimer } from './timers';

/** What firing checkpoint timers needs. */
export interface CheckpointTimerDeps {
  readonly store: TaskRecords & WorkQueue & DecisionLog;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly audit: Audit;
  readonly notifier: Notifier;
  readonly logger: Logger;
  /** Expand `group:<id>` principals into user ids (backup approvers); without it, groups are dropped. */
  readonly expandPrincipals?: (principals: readonly string[]) => Promise<string[]>;
  /** Called when an expiry approved a (read/compose) step, so a worker picks the task up. */
  readonly onRunnable?: (taskId: string) => void;
}

/** Timers fired per pass, so one pass never holds the worker for long. */
const BATCH = 50;

/**
 * Fires the reminders, escalations and expiries of waiting checkpoints. Deadlines live on the
 * step (fixed when it began waiting) and the store indexes the next one, so timers survive
 * restarts. Each fires exactly once: the change is a compare-and-set on the task that only
 * applies while that timer is still due, so two instances (or a crash and a restart) cannot
 * fire it twice; people are told after the change is stored.
 */
export class CheckpointTimers {
  constructor(private readonly deps: CheckpointTimerDeps) {}

  /** Fire everything due now; returns how many timers fired. */
  async fireDue(): Promise<number> {
    const now = this.deps.clock.now();
    const tasks = await this.deps.store.listDueTimers(now, BATCH);
    let fired = 0;
    for (const task of tasks) {
      try {
        if (await this.fire(task, now)) fired += 1;
      } catch (error) {
        this.deps.logger.error({ err: error, taskId: task.id }, 'checkpoint timer failed; it will be retried');
      }
    }
    return fired;
  }

  private async fire(task: Task, now: Date): Promise<boolean> {
    const due = dueTimer(task, now);
    if (!due) return false;
    const backups = due.kind === 'escalate' ? await this.expand(due.timers.escalateTo) : [];
    const outcome = await mutateTask(this.deps.store, this.deps.clock, task.id, (current) => {
      const still = dueTimer(current, now);
      if (!still || still.kind !== due.kind || still.step.id !== due.step.id)
        return { task: undefined, result: undefined };
      return { task: apply(current, still, backups, now), result: undefined };
    });
    if (!outcome.changed) return false;
    await this.record(task, outcome.task, due, backups, now);
    return true;
  }

  private async record(before: Task, after: Task, due: DueTimer, backups: readonly string[], now: Date): Promise<void> {
    const { audit, store, logger } = this.deps;
    const stepId = due.step.id;
    if (due.kind === 'expire') {
      const verb = due.timers.onExpiry;
      await store.appendDecision({
        id: `expire:${after.id}:${stepId}:${due.timers.since}`,
        taskId: after.id,
        stepId,
        planVersion: after.plan.version,
        actor: 'system',
        verb: 'expire',
        reason: `No decision by ${due.timers.expireAt}: ${verb}`,
        at: now.toISOString(),
      });
      await audit.record(after.id, 'policy_decision', 'system', {
        rule: 'expiry',
        effect: verb,
        stepId,
        expireAt: due.timers.expireAt,
      });
      await audit.status(before, after, 'system');
      if (after.status === 'running') this.deps.onRunnable?.(after.id);
    } else {
      await audit.record(
        after.id,
        'policy_decision',
        'system',
        due.kind === 'remind'
          ? { rule: 'expiry', effect: 'reminded', stepId }
          : { rule: 'expiry', effect: 'escalated', stepId, approvers: [...backups] },
      );
    }
    logger.info({ taskId: after.id, stepId, timer: due.kind }, 'checkpoint timer fired');
    const event: TaskEvent =
      due.kind === 'remind'
        ? 'reminder'
        : due.kind === 'escalate'
          ? 'escalated'
          : after.status === 'cancelled'
            ? 'cancelled'
            : after.status === 'rejected'
              ? 'rejected'
              : 'progress';
    await this.deps.notifier
      .notify(after, event)
      .catch((err: unknown) => logger.warn({ err, taskId: after.id }, 'could not show the timer'));
  }

  private async expand(principals: readonly string[]): Promise<string[]> {
    const users = principals.filter((p) => !p.startsWith('group:'));
    const groups = principals.filter((p) => p.startsWith('group:'));
    if (groups.length === 0) return users;
    if (!this.deps.expandPrincipals) {
      this.deps.logger.warn({ groups }, 'cannot expand group approvers: no directory');
      return users;
    }
    try {
      return [...new Set([...users, ...(await this.deps.expandPrincipals(groups))])];
    } catch (error) {
      // Escalate to the people we can name rather than retry forever (and hold up other timers).
      this.deps.logger.warn(
        { err: error, groups },
        'could not expand backup approver groups; escalating to the listed people only',
      );
      return users;
    }
  }
}

/** The task after a due timer: pure. */
function apply(task: Task, due: DueTimer, backups: readonly string[], now: Date): Task {
  const at = now.toISOString();
  const timers = due.timers;
  switch (due.kind) {
    case 'remind':
      return withStep(task, due.step.id, (s) => ({ ...s, checkpoint: { ...timers, remindedAt: at } }));
    case 'escalate':
      return {
        ...withStep(task, due.step.id, (s) => ({
          ...s,
          checkpoint: { ...timers, remindedAt: timers.remindedAt ?? at, escalatedAt: at },
        })),
        approvers: [...new Set([...task.approvers, ...backups])],
      };
    case 'expire':
      return expire(task, due.step, timers.onExpiry);
  }
}

function expire(task: Task, step: Step, outcome: 'reject' | 'cancel' | 'approve'): Task {
  const error = { code: 'checkpoint_expired', message: 'Nobody decided on this step in time, so it was not done.' };
  switch (outcome) {
    case 'approve':
      return { ...withStep(task, step.id, (s) => ({ ...s, status: 'approved' })), status: 'running' };
    case 'cancel':
      return { ...withStep(task, step.id, (s) => ({ ...s, status: 'rejected', error })), status: 'cancelled', error };
    case 'reject':
      return { ...withStep(task, step.id, (s) => ({ ...s, status: 'rejected', error })), status: 'rejected', error };
  }
}
