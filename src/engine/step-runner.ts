import type { Catalogue } from './catalogue';
import { DelegateError, toDelegateError } from './errors';
import type { ErrorInfo, Step, StepFlag, Task } from './model';
import type { Governance } from './ports';
import { policyQuestion } from './policy-question';
import { resolveInput } from './refs';
import { guardInput, mergeFlags, trustOf, type Safety } from './safety';

/** What to do next with a task whose status is `running`. */
export type NextMove =
  | { readonly kind: 'complete' }
  | { readonly kind: 'checkpoint'; readonly step: Step; readonly input: Record<string, unknown>; readonly flags?: StepFlag[]; readonly policy?: Tightening }
  | { readonly kind: 'run'; readonly step: Step; readonly input: Record<string, unknown> }
  | { readonly kind: 'invalid'; readonly step: Step; readonly error: ErrorInfo };

const DONE: readonly Step['status'][] = ['succeeded', 'skipped', 'rejected'];

/** What policy asks of a step once its real input is known, beyond what it asked at planning. */
export interface Tightening {
  readonly quorum: number;
  readonly forbidSelfApproval: boolean;
  readonly reasons: readonly { readonly rule: string; readonly text: string }[];
}

/**
 * Decide the next move for a running task, purely from its state: the first unfinished step
 * either needs its input resolved and a checkpoint, or is approved (or was interrupted while
 * running) and must run.
 */
export function nextMove(task: Task, catalogue: Catalogue, safety?: Safety, governance?: Governance): NextMove {
  const step = task.plan.steps.find((s) => !DONE.includes(s.status));
  if (!step) return { kind: 'complete' };
  const spec = catalogue.get(step.action);
  if (!spec) return invalid(step, 'unknown_action', `The action "${step.action}" is no longer available.`);
  if (step.status === 'approved' || step.status === 'running') {
    // Approved input is what the person saw; never re-resolve it.
    return { kind: 'run', step, input: step.resolvedInput ?? step.input };
  }
  const resolution = resolveInput(step.input, task.plan.steps, step);
  if (!resolution.ok) return invalid(step, 'unresolvable_input', `Step ${step.id} is missing data it needs: ${resolution.problem}.`);
  const parsed = spec.input.safeParse(resolution.value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return invalid(step, 'invalid_input', `Step ${step.id} has invalid input: ${details}.`);
  }
  let input = parsed.data as Record<string, unknown>;
  let flags = step.flags;
  if (safety) {
    // The resolved input may now carry content read from Microsoft 365: check it again.
    const guarded = guardInput(spec, input, trustOf(task, safety), safety);
    if (guarded.refusals.length > 0) return invalid(step, 'destination_refused', guarded.refusals.map((r) => r.message).join(' '));
    input = guarded.input;
    flags = mergeFlags(step.flags, guarded.flags);
  }
  // Policy again, on what the step will really do (recipients read from a mail, say): it can only tighten.
  const answer = governance?.evaluate(policyQuestion({ ...step, resolvedInput: input, flags }, spec, task.requester.id, task.scope));
  if (answer && !answer.allowed) return invalid(step, 'policy_denied', `Your organisation's policy doesn't allow this step as it now stands (${answer.deniedBy ?? 'policy'}).`);
  const policy = answer && answer.gate === 'checkpoint' ? { quorum: answer.quorum, forbidSelfApproval: answer.forbidSelfApproval, reasons: answer.reasons } : undefined;
  return step.gate === 'checkpoint' || flags || policy ? { kind: 'checkpoint', step, input, flags, policy } : { kind: 'run', step, input };
}

function invalid(step: Step, code: string, message: string): NextMove {
  return { kind: 'invalid', step, error: { code, message } };
}

/** Turn a thrown error into what is stored on the step: a safe message and a stable code. */
export function stepError(error: unknown, correlationId: string): { info: ErrorInfo; retryable: boolean; cause: DelegateError } {
  const e = toDelegateError(error);
  return { info: { code: e.code, message: e.userMessage, correlationId }, retryable: e.retryable, cause: e };
}
