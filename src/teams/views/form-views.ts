import type { Catalogue } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
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
  const input = step.resolvedInput ?? {};
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

export function planEditView(task: Task, problem = ''): EditFormView {
  return {
    taskId: task.id,
    planVersion: task.plan.version,
    stepId: '',
    title: task.title,
    hint: "Change what you asked for and I'll make a new plan for you to approve.",
    problem,
    inputs: [{ id: 'outcome', label: 'What should be done', value: task.outcome, multiline: true, required: true }],
    backTo: 'task',
  };
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
