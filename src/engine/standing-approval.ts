import { hasSideEffect, type Catalogue } from './catalogue';
import type { Plan, Step, Task } from './model';
import { destinationValues } from './remember';
import type { Schedule, TemplateStep } from './schedule-model';
import type { SchedulePolicy } from './schedule-policy';

type Remembered = NonNullable<Task['remembered']>[number];

/**
 * A schedule's standing approval (DESIGN §1 "Recurring work"): approving a schedule approves its
 * plan template. At run time the request is planned afresh; when the new plan is the template's
 * (same actions in the same order, no destination the template did not name), the run starts
 * without a plan click, and its consequential steps of the risk classes policy lets a standing
 * approval cover are approved at their checkpoint as a remembered approval: the same action to
 * the same destinations, by the person who approved the schedule, under the same policy rules.
 * Anything else stops at a normal checkpoint. Never wider than what was approved.
 */

/** The template a plan becomes when its schedule is approved. */
export function templateOf(plan: Plan, catalogue: Catalogue): TemplateStep[] {
  return plan.steps.map((step) => ({
    action: step.action,
    input: step.input,
    rationale: step.rationale,
    risk: step.risk,
    gate: step.gate,
    destinations: destinationValues(step, step.input, catalogue),
    rules: (step.gateReasons ?? []).map((r) => r.rule),
  }));
}

/** Why a run did or did not start on the standing approval (recorded on the ledger as the deciding rule). */
export type StandingVerdict =
  | { readonly applies: true; readonly covers: readonly string[]; readonly rule: string }
  | {
      readonly applies: false;
      readonly reason: 'not_approved' | 'approval_expired' | 'plan_differs' | 'not_waiting';
      readonly rule: string;
    };

/** Whether the schedule's standing approval holds now (approved this revision, not expired). */
export function standingApprovalHolds(schedule: Schedule, now: Date): 'holds' | 'not_approved' | 'approval_expired' {
  const approval = schedule.approval;
  if (!approval || approval.revision !== schedule.revision) return 'not_approved';
  if (approval.expiresAt && Date.parse(approval.expiresAt) <= now.getTime()) return 'approval_expired';
  return 'holds';
}

/** Whether a fresh plan is the approved template: same actions in order, destinations within the template's. */
export function matchesTemplate(
  steps: readonly Step[],
  template: readonly TemplateStep[],
  catalogue: Catalogue,
): boolean {
  if (steps.length !== template.length) return false;
  return steps.every((step, i) => {
    const approved = template[i];
    if (!approved || approved.action !== step.action) return false;
    const destinations = destinationValues(step, step.input, catalogue);
    return destinations.every((d) => approved.destinations.includes(d));
  });
}

/**
 * Start a run on its schedule's standing approval, if it may: returns the task to store (or
 * undefined for "leave it waiting for a person") and the verdict for the ledger.
 */
export function startOnStandingApproval(
  task: Task,
  schedule: Schedule,
  policy: SchedulePolicy,
  catalogue: Catalogue,
  now: Date,
): { readonly task: Task | undefined; readonly verdict: StandingVerdict } {
  const holds = standingApprovalHolds(schedule, now);
  if (holds !== 'holds')
    return {
      task: undefined,
      verdict: {
        applies: false,
        reason: holds,
        rule:
          holds === 'approval_expired'
            ? `schedules.standingApproval.expiresAfterDays: ${policy.standingApprovalDays}`
            : 'schedule not approved',
      },
    };
  if (task.status !== 'awaiting_plan_approval' && task.status !== 'running')
    return { task: undefined, verdict: { applies: false, reason: 'not_waiting', rule: `task ${task.status}` } };
  if (!matchesTemplate(task.plan.steps, schedule.template, catalogue))
    return {
      task: undefined,
      verdict: { applies: false, reason: 'plan_differs', rule: 'standing approval covers the approved plan only' },
    };
  const by = schedule.approval?.by ?? schedule.owner.id;
  const at = now.toISOString();
  const remembered: Remembered[] = schedule.template
    .map((step, i) => ({ step, i }))
    .filter(
      ({ step }) =>
        hasSideEffect(step.risk) &&
        policy.standingApprovalCovers.includes(step.risk) &&
        step.destinations.length > 0 &&
        catalogue.get(step.action)?.destinations !== undefined,
    )
    .map(({ step, i }) => ({
      id: `standing:${schedule.id}:${schedule.revision}:${i + 1}`,
      action: step.action,
      destinations: [...step.destinations],
      by,
      at,
      stepId: `schedule:${schedule.id}`,
      rules: [...step.rules],
    }));
  // Approving the run's plan never approves a step with it: each consequential step is covered
  // (or not) at its own checkpoint, by the resolved action and destinations.
  const { approvesStep: _merged, ...plan } = task.plan;
  const started: Task = {
    ...task,
    status: 'running',
    startedAt: task.startedAt ?? at,
    plan,
    remembered: [...(task.remembered ?? []), ...remembered],
    approvers: task.approvers.includes(by) || task.requester.id === by ? task.approvers : [...task.approvers, by],
    schedule: task.schedule ? { ...task.schedule, standing: true } : task.schedule,
  };
  return {
    task: started,
    verdict: {
      applies: true,
      covers: remembered.map((r) => `${r.action} → ${r.destinations.join(', ')}`),
      rule: `schedules.standingApproval.covers: [${policy.standingApprovalCovers.join(', ')}]`,
    },
  };
}
