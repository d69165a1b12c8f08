import type { CheckpointTimers, RiskClass, Step, Task } from './model';

const MINUTE = 60_000;

/** How long a checkpoint may wait, from the policy (minutes). */
export interface ExpiryRule {
  readonly remindAfterMinutes: number;
  /** Absent: halfway between the reminder and expiry, when there is someone to escalate to. */
  readonly escalateAfterMinutes?: number;
  readonly expireAfterMinutes: number;
  /** Backup approvers: user ids or `group:<id>`. */
  readonly escalateTo: readonly string[];
  readonly onExpiry: 'reject' | 'cancel' | 'approve';
}

/** A timer of a waiting checkpoint that is due. */
export type DueTimer = {
  readonly kind: 'remind' | 'escalate' | 'expire';
  readonly step: Step;
  readonly timers: CheckpointTimers;
};

/** Consequential steps never run because nobody answered, whatever a policy says. */
function safeOutcome(rule: ExpiryRule, risk: RiskClass): CheckpointTimers['onExpiry'] {
  return rule.onExpiry === 'approve' && risk !== 'read' && risk !== 'compose' ? 'reject' : rule.onExpiry;
}

/** The deadlines of a checkpoint that starts waiting `now`. */
export function checkpointTimers(now: Date, rule: ExpiryRule, risk: RiskClass): CheckpointTimers {
  const at = (minutes: number): string => new Date(now.getTime() + minutes * MINUTE).toISOString();
  const escalateAfter =
    rule.escalateTo.length === 0
      ? undefined
      : (rule.escalateAfterMinutes ?? (rule.remindAfterMinutes + rule.expireAfterMinutes) / 2);
  return {
    since: now.toISOString(),
    remindAt: rule.remindAfterMinutes < rule.expireAfterMinutes ? at(rule.remindAfterMinutes) : undefined,
    escalateAt: escalateAfter !== undefined && escalateAfter < rule.expireAfterMinutes ? at(escalateAfter) : undefined,
    expireAt: at(rule.expireAfterMinutes),
    escalateTo: [...rule.escalateTo],
    onExpiry: safeOutcome(rule, risk),
  };
}

/** The step waiting at a checkpoint, with its timers. */
function waiting(task: Task): { step: Step; timers: CheckpointTimers } | undefined {
  if (task.status !== 'awaiting_checkpoint') return undefined;
  const step = task.plan.steps.find((s) => s.status === 'awaiting_approval');
  return step?.checkpoint ? { step, timers: step.checkpoint } : undefined;
}

/** Deadlines not yet acted on, earliest first. */
function pending(timers: CheckpointTimers): Array<{ kind: DueTimer['kind']; at: number }> {
  const list: Array<{ kind: DueTimer['kind']; at: number }> = [];
  if (timers.remindAt && !timers.remindedAt) list.push({ kind: 'remind', at: Date.parse(timers.remindAt) });
  if (timers.escalateAt && !timers.escalatedAt) list.push({ kind: 'escalate', at: Date.parse(timers.escalateAt) });
  list.push({ kind: 'expire', at: Date.parse(timers.expireAt) });
  return list.sort((a, b) => a.at - b.at);
}

/** When the task's next checkpoint timer is due (epoch ms), for the store's index; undefined when none. */
export function nextTimerDue(task: Task): number | undefined {
  const w = waiting(task);
  return w ? pending(w.timers)[0]?.at : undefined;
}

/**
 * The timer to act on now, if any. Only the latest due one counts: a reminder that is overdue
 * because the task expired meanwhile (e.g. the bot was down) is not sent before expiring it.
 */
export function dueTimer(task: Task, now: Date): DueTimer | undefined {
  const w = waiting(task);
  if (!w) return undefined;
  const due = pending(w.timers).filter((t) => t.at <= now.getTime());
  const last = due.at(-1);
  return last ? { kind: last.kind, step: w.step, timers: w.timers } : undefined;
}
