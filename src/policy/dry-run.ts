import { evaluateStep } from './evaluate';
import type { Policy } from './schema';
import type { EvaluatedStepInput, StepVerdict } from './types';

/** A step whose verdict differs between two policies. */
export interface ChangedStep {
  /** Index in the steps given. */
  readonly index: number;
  readonly before: StepVerdict;
  readonly after: StepVerdict;
  /** Which parts differ: `allowed`, `deniedBy`, `gate`, `quorum`, `forbidSelfApproval`, `approvers`. */
  readonly differences: readonly string[];
}

/**
 * Replay steps (from recent tasks; the caller loads them) against an old and a new policy and
 * list those that would be decided differently. Reason texts and expiry are not compared: only
 * what changes whether a step runs and by whom it is approved (approvers and quorum only for a
 * step that is gated under either policy; a step refused by both only by which refusal).
 */
export function dryRun(
  oldPolicy: Policy,
  newPolicy: Policy,
  steps: readonly EvaluatedStepInput[],
): { changed: ChangedStep[] } {
  const changed: ChangedStep[] = [];
  steps.forEach((step, index) => {
    const before = evaluateStep(oldPolicy, step);
    const after = evaluateStep(newPolicy, step);
    const differences = compare(before, after);
    if (differences.length > 0) changed.push({ index, before, after, differences });
  });
  return { changed };
}

function compare(a: StepVerdict, b: StepVerdict): string[] {
  const out: string[] = [];
  if (a.allowed !== b.allowed) out.push('allowed');
  if (a.deniedBy !== b.deniedBy) out.push('deniedBy');
  // Who approves matters only for a step that runs and waits for approval under either policy.
  const approvalMatters = (a.allowed || b.allowed) && (a.gate === 'checkpoint' || b.gate === 'checkpoint');
  if (!a.allowed && !b.allowed) return out;
  if (a.gate !== b.gate) out.push('gate');
  if (!approvalMatters) return out;
  if (a.quorum !== b.quorum) out.push('quorum');
  if (a.forbidSelfApproval !== b.forbidSelfApproval) out.push('forbidSelfApproval');
  const approversA = [...a.approvers].sort().join('\n');
  const approversB = [...b.approvers].sort().join('\n');
  if (approversA !== approversB) out.push('approvers');
  return out;
}
