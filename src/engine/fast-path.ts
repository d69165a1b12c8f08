import { hasSideEffect } from './catalogue';
import type { Plan } from './model';
import { refsIn } from './refs';

/** How policy spares needless clicks on a plan (defaults: `run` and `merge`). */
export interface PlanApproval {
  /** A plan with no consequential step and nothing gated (a question) runs at once, or waits for Approve. */
  readonly readOnlyPlan: 'run' | 'approve';
  /** A plan whose only consequential step is known in full: one Approve covers the plan and that step, or each is asked. */
  readonly singleStepPlan: 'merge' | 'separate';
}

export const DEFAULT_PLAN_APPROVAL: PlanApproval = { readOnlyPlan: 'run', singleStepPlan: 'merge' };

/**
 * Mark a governed plan for the fast paths: `runsAtOnce` when it only reads or composes and
 * policy gates none of its steps; `approvesStep` when its one consequential step is known in
 * full before anything runs (no earlier step's output), needs one approval that the requester
 * may give, and no safety check flagged it: the plan card shows that step exactly, and
 * approving the plan approves it.
 */
export function withFastPath(plan: Plan, settings: PlanApproval): Plan {
  const { runsAtOnce: _run, approvesStep: _step, ...bare } = plan;
  const consequential = plan.steps.filter((s) => hasSideEffect(s.risk));
  if (consequential.length === 0) {
    const gated = plan.steps.some((s) => s.gate === 'checkpoint' || (s.flags?.length ?? 0) > 0);
    return !gated && settings.readOnlyPlan === 'run' ? { ...bare, runsAtOnce: true } : bare;
  }
  const [only] = consequential;
  if (
    consequential.length === 1 &&
    only !== undefined &&
    settings.singleStepPlan === 'merge' &&
    only.gate === 'checkpoint' &&
    refsIn(only.input).length === 0 &&
    (only.flags?.length ?? 0) === 0 &&
    (only.quorum ?? 1) === 1 &&
    !only.forbidSelfApproval
  )
    return { ...bare, approvesStep: only.id };
  return bare;
}
