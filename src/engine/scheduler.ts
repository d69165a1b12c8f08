import type { Catalogue } from './catalogue';
import type { Engine } from './engine';
import { toDelegateError } from './errors';
import { FINAL_STATUSES, type Task } from './model';
import { mutateTask } from './mutate';
import { mutateSchedule } from './mutate-schedule';
import type { AuditLedger, Clock, Ids, Logger, Notifier, ScheduleStore, TaskRecords } from './ports';
import { nextOccurrence, occurrencesBetween } from './recurrence';
import type { Schedule, ScheduleRun } from './schedule-model';
import type { SchedulePolicy } from './schedule-policy';
import { startOnStandingApproval } from './standing-approval';

/** What a schedule tells its conversation besides its runs' cards. */
export type ScheduleNotice = 'auto_paused' | 'owner_gone' | 'run_failed_to_start';

/** Posts a schedule's notices where it lives (proactively). Failures to notify never fail a run. */
export interface ScheduleNotifier {
  notice(schedule: Schedule, notice: ScheduleNotice, text: string): Promise<void>;
}

/** What firing schedules needs. */
export interface SchedulerDeps {
  readonly store: ScheduleStore & TaskRecords & AuditLedger;
  readonly engine: Pick<Engine, 'startTask'>;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly logger: Logger;
  /** Shows each run's task card in the schedule's conversation. */
  readonly notifier: Notifier;
  readonly notices?: ScheduleNotifier;
  /** The `schedules` policy section, read at every run. */
  readonly policy: () => SchedulePolicy;
  /** Whether the directory still has the owner's account enabled (undefined: cannot tell, carry on). */
  readonly accountEnabled?: (userId: string) => Promise<boolean | undefined>;
  /** Unique per process; occurrence claims are held in its name. */
  readonly workerId: string;
  /** How long a claim holds before another instance may take over an unfinished firing. */
  readonly leaseMs: number;
  /** A task became runnable: wake the worker. */
  readonly onRunnable?: (taskId: string) => void;
}

/** Schedules looked at per pass. */
const BATCH = 25;
/** A run that starts more than this after its occurrence was missed (Delegate was down): its card says so. */
export const LATE_AFTER_MS = 10 * 60_000;
/** Run results that count as a failed run. */
const FAILED = new Set(['failed', 'limit_reached', 'not_started']);

/**
 * Fires schedules: each due occurrence becomes one ordinary task, exactly once across restarts and
 * instances. An occurrence is claimed in the store by (schedule id, occurrence instant) with a
 * lease and a task id fixed by the first claim; the task is created with that id, so an instance
 * that dies mid-firing leaves a claim another takes over and finishes without a second task.
 * Occurrences missed while Delegate was down follow the schedule's catch-up rule (the latest once,
 * late and saying so; or none). Each run is planned afresh, so "last week" is the run's last week.
 */
export class Scheduler {
  constructor(private readonly deps: SchedulerDeps) {}

  /** Fire everything due now; returns how many runs started. */
  async fireDue(): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.store.listDueSchedules(now, BATCH);
    let fired = 0;
    for (const schedule of due) {
      try {
        if (await this.fire(schedule, now)) fired += 1;
      } catch (error) {
        this.deps.logger.error({ err: error, scheduleId: schedule.id }, 'schedule firing failed; it will be retried');
      }
    }
    return fired;
  }

  /** `schedule run <id>`: one run now, outside the rule, on the same standing approval. */
  async runNow(schedule: Schedule, actor: string): Promise<Task | undefined> {
    const now = this.deps.clock.now();
    await this.record(schedule, actor, { event: 'run_now', revision: schedule.revision });
    const run = await this.runOccurrence(schedule, now, now, { manual: true });
    if (run.run) await this.settle(schedule.id, run.run, now, { manual: true });
    return run.task;
  }

  private async fire(schedule: Schedule, now: Date): Promise<boolean> {
    const policy = this.deps.policy();
    const checked = await this.checkHealth(schedule, now, policy);
    if (!checked) return false;
    const after = new Date(checked.settledThrough ?? checked.approval?.at ?? checked.createdAt);
    const missed = occurrencesBetween(checked.recurrence, after, now);
    const latest = missed.at(-1);
    if (!latest) {
      // Nothing due after all (the rule moved on): just set the next run.
      await this.settle(checked.id, undefined, now, {});
      return false;
    }
    const skipped = missed.slice(0, -1);
    const late = now.getTime() - latest.getTime() > LATE_AFTER_MS;
    if (skipped.length > 0 || (late && checked.catchUp === 'skip')) {
      const dropped = late && checked.catchUp === 'skip' ? missed : skipped;
      await this.record(checked, 'system', {
        event: 'skipped',
        occurrences: dropped.slice(-20).map((d) => d.toISOString()),
        count: dropped.length,
        rule: `catchUp: ${checked.catchUp} (occurrences missed while Delegate was not running)`,
      });
      if (checked.catchUp === 'skip' && late) {
        await this.settle(checked.id, undefined, now, { through: latest });
        return false;
      }
    }
    const run = await this.runOccurrence(checked, latest, now, {
      caughtUp: late,
      skipped: skipped.length,
    });
    // Fired already (an instance died before moving the schedule on): just move it on. Held by
    // another claimer: leave it; if that claimer dies, its lease expires and a later pass takes over.
    if (!run.run) {
      if (run.done) await this.settle(checked.id, undefined, now, { through: latest });
      return false;
    }
    await this.settle(checked.id, run.run, now, { through: latest });
    return run.task !== undefined;
  }

  /**
   * Before firing: take the last run's result into account, pause after too many failures in a
   * row, pause when the owner's account is gone. Returns the schedule to fire, or undefined.
   */
  private async checkHealth(schedule: Schedule, now: Date, policy: SchedulePolicy): Promise<Schedule | undefined> {
    let current = schedule;
    const last = current.lastRun;
    if (last && last.result === undefined) {
      const task = await this.deps.store.getTask(last.taskId);
      const result =
        task && (FINAL_STATUSES.includes(task.status) || task.status === 'failed') ? task.status : undefined;
      if (result) {
        const updated = await mutateSchedule(this.deps.store, this.deps.clock, current.id, (s) =>
          s.lastRun?.taskId !== last.taskId || s.lastRun.result !== undefined
            ? { schedule: undefined, result: undefined }
            : {
                schedule: {
                  ...s,
                  lastRun: { ...s.lastRun, result },
                  consecutiveFailures: FAILED.has(result) ? s.consecutiveFailures + 1 : 0,
                },
                result: undefined,
              },
        );
        current = updated.schedule;
      }
    }
    if (current.consecutiveFailures >= policy.failuresBeforePause) {
      await this.autoPause(
        current,
        'auto_paused',
        `${current.consecutiveFailures} runs in a row failed`,
        `schedules.failuresBeforePause: ${policy.failuresBeforePause}`,
      );
      return undefined;
    }
    const enabled = await this.deps.accountEnabled?.(current.owner.id).catch(() => undefined);
    if (enabled === false) {
      await this.autoPause(
        current,
        'owner_gone',
        "its owner's account is disabled or no longer in the directory",
        'directory: owner account disabled or deleted',
      );
      return undefined;
    }
    return current.status === 'active' ? current : undefined;
  }

  private async autoPause(schedule: Schedule, notice: 'auto_paused' | 'owner_gone', why: string, rule: string) {
    const { schedule: paused, changed } = await mutateSchedule(this.deps.store, this.deps.clock, schedule.id, (s) =>
      s.status !== 'active'
        ? { schedule: undefined, result: undefined }
        : { schedule: { ...s, status: 'paused', nextRunAt: undefined, pausedReason: why }, result: undefined },
    );
    if (!changed) return;
    await this.record(paused, 'system', { event: 'auto_paused', reason: notice, rule });
    const text =
      `Schedule ${paused.id} ("${paused.title}") is paused: ${why}.` +
      (notice === 'auto_paused' ? ` Say \`schedule resume ${paused.id}\` once the problem is fixed.` : '');
    await this.deps.notices
      ?.notice(paused, notice, text)
      .catch((err: unknown) => this.deps.logger.warn({ err, scheduleId: paused.id }, 'could not post schedule notice'));
  }

  /**
   * Claim one occurrence and start its task. Returns the run when this instance fired it (or
   * finished a dead instance's firing), nothing when another instance holds or finished it.
   */
  private async runOccurrence(
    schedule: Schedule,
    occurrence: Date,
    now: Date,
    how: { caughtUp?: boolean; skipped?: number; manual?: boolean },
  ): Promise<{ run?: ScheduleRun; task?: Task; done?: boolean }> {
    const { store, ids, workerId, leaseMs } = this.deps;
    const at = occurrence.toISOString();
    const claim = await store.claimOccurrence({
      scheduleId: schedule.id,
      occurrence: at,
      taskId: ids.taskId(),
      owner: workerId,
      now,
      leaseMs,
    });
    if (!claim.claimed) return { done: claim.done };
    const policy = this.deps.policy();
    let task: Task | undefined;
    let result: string | undefined;
    try {
      const started = await this.deps.engine.startTask({
        taskId: claim.taskId,
        outcome: schedule.request,
        requester: schedule.owner,
        scope: schedule.scope,
        conversation: schedule.conversation,
        timeZone: schedule.recurrence.timeZone,
        approvers: schedule.approvers,
        schedule: {
          id: schedule.id,
          revision: schedule.revision,
          occurrence: at,
          ...(how.caughtUp ? { caughtUp: true } : {}),
          ...(how.skipped ? { skipped: how.skipped } : {}),
          ...(how.manual ? { manual: true } : {}),
        },
      });
      if (started.kind === 'planned') task = await this.standing(started.task, schedule, policy, now);
      else result = 'not_started';
    } catch (error) {
      const e = toDelegateError(error);
      this.deps.logger.warn({ err: error, scheduleId: schedule.id, code: e.code }, 'scheduled run did not start');
      result = 'not_started';
    }
    await store.finishOccurrence(schedule.id, at, workerId);
    const run: ScheduleRun = {
      occurrence: at,
      taskId: claim.taskId,
      firedAt: now.toISOString(),
      ...(how.caughtUp ? { caughtUp: true } : {}),
      ...(how.manual ? { manual: true } : {}),
      ...(result ? { result } : {}),
    };
    await this.record(schedule, 'system', {
      event: result ? 'run_failed' : 'fired',
      occurrence: at,
      runTaskId: claim.taskId,
      ...(how.caughtUp ? { caughtUp: true, rule: `catchUp: ${schedule.catchUp}` } : {}),
      ...(how.manual ? { manual: true } : {}),
      ...(task?.schedule?.standing ? { standing: true } : {}),
    });
    if (task) {
      await this.deps.notifier
        .notify(task, task.status === 'running' ? 'progress' : 'planned')
        .catch((err: unknown) => this.deps.logger.warn({ err, taskId: task?.id }, 'could not show scheduled run'));
      if (task.status === 'running') this.deps.onRunnable?.(task.id);
    } else {
      await this.deps.notices
        ?.notice(
          schedule,
          'run_failed_to_start',
          `The ${at} run of schedule ${schedule.id} ("${schedule.title}") could not start: the request could not be planned now.`,
        )
        .catch(() => undefined);
    }
    return { run, task };
  }

  /** Start the run on the standing approval when it applies; the verdict goes on the run's ledger. */
  private async standing(task: Task, schedule: Schedule, policy: SchedulePolicy, now: Date): Promise<Task> {
    if (task.schedule?.standing || (task.status !== 'awaiting_plan_approval' && task.status !== 'running')) return task;
    const { verdict } = startOnStandingApproval(task, schedule, policy, this.deps.catalogue, now);
    const outcome = await mutateTask(this.deps.store, this.deps.clock, task.id, (t) => {
      if (t.schedule?.standing) return { task: undefined, result: undefined };
      return { task: startOnStandingApproval(t, schedule, policy, this.deps.catalogue, now).task, result: undefined };
    });
    const by = schedule.approval?.by ?? schedule.owner.id;
    await this.deps.store.appendLedger({
      taskId: task.id,
      type: 'decision',
      actor: verdict.applies ? by : 'system',
      at: now.toISOString(),
      payload: verdict.applies
        ? {
            verb: 'approve',
            planVersion: task.plan.version,
            standing: schedule.id,
            covers: [...verdict.covers],
            rule: verdict.rule,
          }
        : {
            verb: 'standing_approval',
            planVersion: task.plan.version,
            applies: false,
            reason: verdict.reason,
            rule: verdict.rule,
          },
    });
    if (outcome.changed && task.status !== outcome.task.status)
      await this.deps.store.appendLedger({
        taskId: task.id,
        type: 'task_status',
        actor: by,
        at: now.toISOString(),
        payload: { from: task.status, to: outcome.task.status },
      });
    return outcome.task;
  }

  /** Record a fired run and move the schedule on to its next occurrence after `now`. */
  private async settle(
    id: string,
    run: ScheduleRun | undefined,
    now: Date,
    how: { through?: Date; manual?: boolean },
  ): Promise<void> {
    await mutateSchedule(this.deps.store, this.deps.clock, id, (s) => {
      const through =
        how.through && (!s.settledThrough || Date.parse(s.settledThrough) < how.through.getTime())
          ? how.through.toISOString()
          : s.settledThrough;
      const failedToStart = run?.result === 'not_started';
      return {
        schedule: {
          ...s,
          settledThrough: through,
          lastRun: run ?? s.lastRun,
          consecutiveFailures: failedToStart ? s.consecutiveFailures + 1 : s.consecutiveFailures,
          nextRunAt:
            s.status === 'active'
              ? nextOccurrence(
                  s.recurrence,
                  new Date(Math.max(now.getTime(), Date.parse(through ?? '') || 0)),
                )?.toISOString()
              : undefined,
        },
        result: undefined,
      };
    });
  }

  private record(schedule: Schedule, actor: string, payload: Record<string, unknown>): Promise<unknown> {
    return this.deps.store.appendLedger({
      taskId: schedule.id,
      type: 'schedule',
      actor,
      at: this.deps.clock.now().toISOString(),
      payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown>,
    });
  }
}
