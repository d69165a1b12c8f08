import type { Catalogue } from './catalogue';
import { DelegateError, toDelegateError } from './errors';
import type { ErrorInfo, RiskClass, Step, StepFlag, Task } from './model';
import type { Governance } from './ports';
import { recheckInput, type Tightening } from './recheck';
import { resolveInput } from './refs';
import type { Safety } from './safety';

/** What to do next with a task whose status is `running`. */
export type NextMove =
  | { readonly kind: 'complete' }
  | {
      readonly kind: 'checkpoint';
      readonly step: Step;
      readonly input: Record<string, unknown>;
      readonly flags?: StepFlag[];
      readonly policy?: Tightening;
      readonly risk: RiskClass;
    }
  | { readonly kind: 'run'; readonly step: Step; readonly input: Record<string, unknown> }
  | { readonly kind: 'invalid'; readonly step: Step; readonly error: ErrorInfo };

const DONE: readonly Step['status'][] = ['succeeded', 'skipped', 'rejected'];

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
  if (!resolution.ok)
    return invalid(step, 'unresolvable_input', `Step ${step.id} is missing data it needs: ${resolution.problem}.`);
  const parsed = spec.input.safeParse(resolution.value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return invalid(step, 'invalid_input', `Step ${step.id} has invalid input: ${details}.`);
  }
  const checked = recheckInput(task, step, spec, parsed.data as Record<string, unknown>, safety, governance);
  if (checked.kind === 'refused') return invalid(step, checked.code, checked.message);
  const { input, flags, policy, risk } = checked;
  if (step.gate === 'checkpoint' || flags || policy) return { kind: 'checkpoint', step, input, flags, policy, risk };
  return { kind: 'run', step, input };
}

function invalid(step: Step, code: string, message: string): NextMove {
  return { kind: 'invalid', step, error: { code, message } };
}

/** Turn a thrown error into what is stored on the step: a safe message and a stable code. */
export function stepError(
  error: unknown,
  correlationId: string,
): { info: ErrorInfo; retryable: boolean; cause: DelegateError } {
  const e = toDelegateError(error);
  return { info: { code: e.code, message: e.userMessage, correlationId }, retryable: e.retryable, cause: e };
}
