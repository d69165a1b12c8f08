import type { z } from 'zod';
import { hasSideEffect, type ActionSpec, type Catalogue } from './catalogue';
import { DelegateError } from './errors';
import type { Gate, Plan, RiskClass, Step } from './model';
import type { Ids, StepDraft } from './ports';
import { parseRef, refsIn } from './refs';

/**
 * Which steps stop for a person before the policy is applied: side effects stop at a checkpoint,
 * reads run. The policy (plan-maker.ts) and the safety guards then set each step's final gate.
 */
export function gateFor(risk: RiskClass): Gate {
  return hasSideEffect(risk) ? 'checkpoint' : 'auto';
}

/**
 * Turn a planner's drafts into a validated plan: only catalogue actions, inputs that fit the
 * action's schema (references aside), and references that point backwards only.
 * Throws a planner DelegateError naming every problem.
 */
export function buildPlan(
  drafts: readonly StepDraft[],
  version: number,
  catalogue: Catalogue,
  ids: Ids,
  now: Date,
  requester?: { readonly upn?: string },
): Plan {
  const problems: string[] = [];
  if (drafts.length === 0) problems.push('the plan has no steps');
  const steps = drafts.map((draft, index): Step => {
    const id = `s${index + 1}`;
    const spec = catalogue.get(draft.action);
    if (!spec) {
      problems.push(`${id}: "${draft.action}" is not a catalogue action`);
    } else {
      problems.push(...validateDraft(index, draft, spec).map((p) => `${id}: ${p}`));
    }
    // The risk of this very input (e.g. a send outside the organisation), when the action can tell.
    const risk = spec ? (spec.riskFor?.(draft.input, requester ?? {}) ?? spec.risk) : 'read';
    return {
      id,
      action: draft.action,
      input: draft.input,
      rationale: draft.rationale,
      risk,
      gate: gateFor(spec ? risk : 'destructive'),
      status: 'pending',
      attempts: 0,
      idempotencyKey: ids.uuid(),
      provenance: [],
      approvedBy: [],
    };
  });
  if (problems.length > 0) {
    throw new DelegateError('planner', 'invalid_plan', "I couldn't make a valid plan for that.", {
      cause: new Error(problems.join('\n')),
    });
  }
  return { version, steps, createdAt: now.toISOString() };
}

function validateDraft(index: number, draft: StepDraft, spec: ActionSpec): string[] {
  const problems: string[] = [];
  const schema: z.ZodType = spec.input;
  for (const field of spec.literalFields ?? []) {
    if (refsIn(draft.input[field]).length > 0)
      problems.push(`${field} must be written from the request, not taken from another step's output`);
  }
  for (const ref of refsIn(draft.input)) {
    const parsed = parseRef(ref);
    const target = parsed ? Number(parsed.stepId.slice(1)) : NaN;
    if (!parsed || !(target >= 1 && target <= index))
      problems.push(`reference "${ref.$ref}" must name an earlier step`);
  }
  // Referenced values are only known at run time: check everything else now, and leave the
  // referenced fields (and object-level rules that would need them) to the run-time check.
  const referenced = new Set(Object.keys(draft.input).filter((key) => refsIn(draft.input[key]).length > 0));
  const literal = Object.fromEntries(Object.entries(draft.input).filter(([key]) => !referenced.has(key)));
  const result = schema.safeParse(literal);
  if (!result.success) {
    const relevant = result.error.issues.filter((issue) =>
      issue.path.length === 0 ? referenced.size === 0 : !referenced.has(String(issue.path[0])),
    );
    problems.push(...relevant.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`));
  }
  return problems;
}
