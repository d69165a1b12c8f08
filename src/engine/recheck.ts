import type { ActionSpec } from './catalogue';
import { RISK_CLASSES, type RiskClass, type Step, type StepFlag, type Task } from './model';
import { policyQuestion } from './policy-question';
import type { Governance } from './ports';
import { guardInput, mergeFlags, trustOf, type Safety } from './safety';
import { reasonOf } from './refusal-words';

/** What policy asks of a step once its real input is known, beyond what it asked at planning. */
export interface Tightening {
  readonly quorum: number;
  readonly forbidSelfApproval: boolean;
  readonly reasons: readonly { readonly rule: string; readonly text: string }[];
  /** Approvers policy names for the step (user ids; groups were expanded at planning). */
  readonly approvers: readonly string[];
}

/** The verdict on a step's concrete input. */
export type Recheck =
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | {
      readonly kind: 'ok';
      /** The input after the guards (links they removed are gone). */
      readonly input: Record<string, unknown>;
      readonly flags?: StepFlag[];
      /** Present when policy gates the step. */
      readonly policy?: Tightening;
      /** The stricter of the planned risk and the risk of this input. */
      readonly risk: RiskClass;
    };

/** The stricter of two risk classes. */
export function stricter(a: RiskClass, b: RiskClass): RiskClass {
  return RISK_CLASSES.indexOf(a) >= RISK_CLASSES.indexOf(b) ? a : b;
}

/**
 * Check a step's concrete input — resolved from earlier steps, or typed into an Edit form — as
 * it was checked when planned: its risk, the deterministic guards, and the organisation's policy.
 * Everything here can only tighten what the plan said: a higher risk, more warnings, a checkpoint,
 * a higher quorum, no self-approval, or a refusal.
 */
export function recheckInput(
  task: Task,
  step: Step,
  spec: ActionSpec,
  input: Record<string, unknown>,
  safety?: Safety,
  governance?: Governance,
): Recheck {
  const risk = stricter(step.risk, spec.riskFor?.(input, task.requester) ?? step.risk);
  let checked = input;
  let flags = step.flags;
  if (safety) {
    // The input may now carry content read from Microsoft 365, or what someone typed: check it again.
    const guarded = guardInput(spec, input, trustOf(task, safety), safety);
    if (guarded.refusals.length > 0)
      return {
        kind: 'refused',
        code: 'destination_refused',
        message: guarded.refusals.map((r) => r.message).join(' '),
      };
    checked = guarded.input;
    flags = mergeFlags(step.flags, guarded.flags);
  }
  const answer = governance?.evaluate(
    policyQuestion(
      { ...step, risk, resolvedInput: checked, flags },
      spec,
      task.requester.id,
      task.scope,
      {},
      task.plan.steps,
    ),
  );
  if (answer && !answer.allowed) {
    return {
      kind: 'refused',
      code: 'policy_denied',
      // In words: the rule's id is for the audit and `policy`, not for people.
      message: `Your organisation's policy doesn't allow this step as it now stands: ${reasonOf(answer)}.`,
    };
  }
  const policy =
    answer && answer.gate === 'checkpoint'
      ? {
          quorum: answer.quorum,
          forbidSelfApproval: answer.forbidSelfApproval,
          reasons: answer.reasons,
          approvers: answer.approvers.filter((a) => !a.startsWith('group:') && a !== task.requester.id),
        }
      : undefined;
  return { kind: 'ok', input: checked, flags, policy, risk };
}

/** The step with what a recheck found on top of what it had (never less). */
export function tighten(
  step: Step,
  found: { readonly policy?: Tightening; readonly risk: RiskClass; readonly flags?: StepFlag[] },
): Step {
  const policy = found.policy;
  const quorum = Math.max(step.quorum ?? 1, policy?.quorum ?? 1);
  const forbid = (step.forbidSelfApproval ?? false) || (policy?.forbidSelfApproval ?? false);
  const known = new Set((step.gateReasons ?? []).map((r) => r.rule));
  const reasons = [...(step.gateReasons ?? []), ...(policy?.reasons ?? []).filter((r) => !known.has(r.rule))];
  return {
    ...step,
    risk: stricter(step.risk, found.risk),
    flags: found.flags ? [...found.flags] : step.flags,
    gate: policy || found.flags ? 'checkpoint' : step.gate,
    quorum: quorum > 1 ? quorum : undefined,
    forbidSelfApproval: forbid || undefined,
    gateReasons: reasons.length > 0 ? reasons.map((r) => ({ rule: r.rule, text: r.text })) : undefined,
  };
}
