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
 * what changes whether and by whom a step is approved.
 */
export function dryRun(oldPolicy: Policy, newPolicy: Policy, steps: readonly EvaluatedStepInput[]): { changed: ChangedStep[] } {
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
  if (a.gate !== b.gate) out.push('gate');
  if (a.quorum !== b.quorum) out.push('quorum');
  if (a.forbidSelfApproval !== b.forbidSelfApproval) out.push('forbidSelfApproval');
  const approversA = [...a.approvers].sort().join('\n');
  const approversB = [...b.approvers].sort().join('\n');
  if (approversA !== approversB) out.push('approvers');
  return out;
}
