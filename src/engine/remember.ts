import type { Catalogue } from './catalogue';
import type { CheckpointTimers, RiskClass, Step, StepFlag, Task } from './model';
import { withStep } from './mutate';
import { tighten, type Tightening } from './recheck';
import { mayApprove } from './rights';

type Remembered = NonNullable<Task['remembered']>[number];

/** The destination values of a step's input (addresses, channels, sharing scopes), sorted. */
export function destinationValues(step: Step, input: Record<string, unknown>, catalogue: Catalogue): string[] {
  const spec = catalogue.get(step.action);
  const values = (spec?.destinations?.(input) ?? []).map((d) => d.value.toLowerCase());
  return [...new Set(values)].sort();
}

/** Whether a person may still approve the task's steps (requester or approver). */
function stillMayDecide(task: Task, actor: string): boolean {
  return mayApprove(task, actor);
}

/**
 * The remembered approval that covers this step, if one does: same action, no destination it
 * did not cover, given by someone who may still approve it. Flagged steps, steps that need more
 * than one approval, and self-approval where policy forbids it are never covered.
 */
export function coveringApproval(
  task: Task,
  step: Step,
  destinations: readonly string[],
  flags: readonly StepFlag[] | undefined,
): Remembered | undefined {
  if ((flags ?? []).length > 0 || (step.quorum ?? 1) > 1) return undefined;
  const rules = (step.gateReasons ?? []).map((r) => r.rule);
  return (task.remembered ?? []).find(
    (r) =>
      r.revokedAt === undefined &&
      r.action === step.action &&
      destinations.every((d) => r.destinations.includes(d)) &&
      rules.every((rule) => (r.rules ?? []).includes(rule)) &&
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
  found?: { readonly policy?: Tightening; readonly risk: RiskClass },
): Task {
  const planned = task.plan.steps.find((s) => s.id === stepId);
  if (!planned) return task;
  const step = found ? tighten(planned, { ...found, flags: flags ? [...flags] : undefined }) : planned;
  if (step !== planned) {
    // Approvers the policy names for what the step will really do can decide on it.
    const named = found?.policy?.approvers ?? [];
    task = { ...withStep(task, stepId, () => step), approvers: [...new Set([...task.approvers, ...named])] };
  }
  // Only actions that say where they send can be remembered: "the same action to the same people".
  const covering = catalogue.get(step.action)?.destinations
    ? coveringApproval(task, step, destinationValues(step, input, catalogue), flags)
    : undefined;
  if (covering) {
    return withStep(task, stepId, (s) => ({
      ...s,
      status: 'approved',
      resolvedInput: input,
      flags: flags ? [...flags] : undefined,
      approvedBy: [covering.by],
    }));
  }
  return {
    ...withStep(task, stepId, (s) => ({
      ...s,
      status: 'awaiting_approval',
      resolvedInput: input,
      flags: flags ? [...flags] : undefined,
      checkpoint: timers,
    })),
    status: 'awaiting_checkpoint',
  };
}

/** Whether an approval of this action can be remembered: only actions that name where they send. */
export function rememberable(step: Step, catalogue: Catalogue): boolean {
  return (
    (step.quorum ?? 1) <= 1 && (step.flags ?? []).length === 0 && catalogue.get(step.action)?.destinations !== undefined
  );
}

/** Remember an approval of this step for the rest of the task. */
export function remember(task: Task, step: Step, actor: string, id: string, at: string, catalogue: Catalogue): Task {
  if (!rememberable(step, catalogue)) return task;
  const destinations = destinationValues(step, step.resolvedInput ?? step.input, catalogue);
  const entry: Remembered = {
    id,
    action: step.action,
    destinations,
    by: actor,
    at,
    stepId: step.id,
    rules: (step.gateReasons ?? []).map((r) => r.rule),
  };
  return { ...task, remembered: [...(task.remembered ?? []), entry] };
}

/** Revoke every remembered approval still in force; undefined when there is none. */
export function forgetAll(task: Task, at: string): Task | undefined {
  const active = (task.remembered ?? []).filter((r) => r.revokedAt === undefined);
  if (active.length === 0) return undefined;
  return {
    ...task,
    remembered: (task.remembered ?? []).map((r) => (r.revokedAt === undefined ? { ...r, revokedAt: at } : r)),
  };
}
