import type { Catalogue } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { editableInput } from '../../engine/edits';
import { previewOf } from './describe';

/** The Edit form: the step's editable fields (or the outcome, for a plan), pre-filled. */
export interface EditFormView {
  readonly taskId: string;
  readonly planVersion: number;
  readonly stepId: string;
  readonly title: string;
  readonly hint: string;
  readonly problem: string;
  readonly inputs: readonly { id: string; label: string; value: string; multiline: boolean; required: boolean }[];
  readonly backTo: 'task' | 'checkpoint';
}

export function stepEditView(task: Task, step: Step, catalogue: Catalogue, problem = ''): EditFormView {
  const spec = catalogue.get(step.action);
  const input = editableInput(step);
  return {
    taskId: task.id,
    planVersion: task.plan.version,
    stepId: step.id,
    title: previewOf(step, catalogue).title,
    hint: 'Saving applies your changes and approves the edited action.',
    problem,
    inputs: (spec?.editable ?? []).map((field) => ({
      id: field.name,
      label: field.kind === 'list' ? `${field.label} (separate with commas)` : field.label,
      value: show(input[field.name]),
      multiline: field.kind === 'multiline',
      required: false,
    })),
    backTo: task.status === 'failed' ? 'task' : 'checkpoint',
  };
}

/**
 * The plan's Edit form. A revising (LLM) planner takes free-text instructions about the plan;
 * the rule planner takes a rewritten request.
 */
export function planEditView(task: Task, revises: boolean, problem = '', value?: string): EditFormView {
  return {
    taskId: task.id,
    planVersion: task.plan.version,
    stepId: '',
    title: task.title,
    hint: revises
      ? "Say what to change and I'll revise the plan for you to approve."
      : "Change what you asked for and I'll make a new plan for you to approve.",
    problem,
    inputs: [
      revises
        ? { id: 'outcome', label: 'What should change', value: value ?? '', multiline: true, required: true }
        : {
            id: 'outcome',
            label: 'What should be done',
            value: value ?? task.outcome,
            multiline: true,
            required: true,
          },
    ],
    backTo: 'task',
  };
}

/** The plan's Reject form with a revising planner: a reason, then revise or reject outright. */
export function planRejectView(task: Task): { taskId: string; planVersion: number; title: string } {
  return { taskId: task.id, planVersion: task.plan.version, title: task.title };
}

/** The Reject choice for a checkpoint: skip the step or cancel the task, with an optional reason. */
export interface RejectView {
  readonly taskId: string;
  readonly planVersion: number;
  readonly stepId: string;
  readonly title: string;
}

export function rejectView(task: Task, step: Step, catalogue: Catalogue): RejectView {
  return { taskId: task.id, planVersion: task.plan.version, stepId: step.id, title: previewOf(step, catalogue).title };
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
