import type { Catalogue } from './catalogue';
import type { CheckpointTimers, Step, StepFlag, Task } from './model';
import { withStep } from './mutate';
import type { Tightening } from './step-runner';

type Remembered = NonNullable<Task['remembered']>[number];

/** The destination values of a step's input (addresses, channels, sharing scopes), sorted. */
export function destinationValues(step: Step, input: Record<string, unknown>, catalogue: Catalogue): string[] {
  const spec = catalogue.get(step.action);
  const values = (spec?.destinations?.(input) ?? []).map((d) => d.value.toLowerCase());
  return [...new Set(values)].sort();
}

/** Whether a person may still decide on the task (owner or approver). */
function stillMayDecide(task: Task, actor: string): boolean {
  return actor === task.owner || task.approvers.includes(actor);
}

/**
 * The remembered approval that covers this step, if one does: same action, no destination it
 * did not cover, given by someone who may still approve it. Flagged steps, steps that need more
 * than one approval, and self-approval where policy forbids it are never covered.
 */
export function coveringApproval(task: Task, step: Step, destinations: readonly string[], flags: readonly StepFlag[] | undefined): Remembered | undefined {
  if ((flags ?? []).length > 0 || (step.quorum ?? 1) > 1) return undefined;
  return (task.remembered ?? []).find(
    (r) =>
      r.revokedAt === undefined &&
      r.action === step.action &&
      destinations.every((d) => r.destinations.includes(d)) &&
      stillMayDecide(task, r.by) &&
      !(step.forbidSelfApproval && r.by === task.requester.id),
  );
}

/**
 * A step reaching its checkpoint: it waits for approval (with its timers), or — when a remembered
 * approval covers exactly this action — it is approved by that person and the task runs on.
 */
export function enterCheckpoint(
  task: Task,
  stepId: string,
  input: Record<string, unknown>,
  flags: readonly StepFlag[] | undefined,
  timers: CheckpointTimers | undefined,
  catalogue: Catalogue,
  policy?: Tightening,
): Task {
  const found = task.plan.steps.find((s) => s.id === stepId);
  if (!found) return task;
  const step = policy ? tighten(found, policy) : found;
  task = step === found ? task : withStep(task, stepId, () => step);
  const covering = coveringApproval(task, step, destinationValues(step, input, catalogue), flags);
  if (covering) {
    return withStep(task, stepId, (s) => ({ ...s, status: 'approved', resolvedInput: input, flags: flags ? [...flags] : undefined, approvedBy: [covering.by] }));
  }
  return {
    ...withStep(task, stepId, (s) => ({ ...s, status: 'awaiting_approval', resolvedInput: input, flags: flags ? [...flags] : undefined, checkpoint: timers })),
    status: 'awaiting_checkpoint',
  };
}

/** The step with what policy now asks on top of what it asked at planning (never less). */
function tighten(step: Step, policy: Tightening): Step {
  const quorum = Math.max(step.quorum ?? 1, policy.quorum);
  const forbid = (step.forbidSelfApproval ?? false) || policy.forbidSelfApproval;
  const known = new Set((step.gateReasons ?? []).map((r) => r.rule));
  const reasons = [...(step.gateReasons ?? []), ...policy.reasons.filter((r) => !known.has(r.rule))];
  return {
    ...step,
    gate: 'checkpoint',
    quorum: quorum > 1 ? quorum : undefined,
    forbidSelfApproval: forbid || undefined,
    gateReasons: reasons.length > 0 ? reasons.map((r) => ({ rule: r.rule, text: r.text })) : undefined,
  };
}

/** Remember an approval of this step for the rest of the task. */
export function remember(task: Task, step: Step, actor: string, id: string, at: string, catalogue: Catalogue): Task {
  const destinations = destinationValues(step, step.resolvedInput ?? step.input, catalogue);
  const entry: Remembered = { id, action: step.action, destinations, by: actor, at, stepId: step.id };
  return { ...task, remembered: [...(task.remembered ?? []), entry] };
}

/** Revoke every remembered approval still in force; undefined when there is none. */
export function forgetAll(task: Task, at: string): Task | undefined {
  const active = (task.remembered ?? []).filter((r) => r.revokedAt === undefined);
  if (active.length === 0) return undefined;
  return { ...task, remembered: (task.remembered ?? []).map((r) => (r.revokedAt === undefined ? { ...r, revokedAt: at } : r)) };
}
