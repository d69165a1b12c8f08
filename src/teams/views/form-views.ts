import type { Catalogue, EditChoices } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { editableFields } from '../../engine/editable-fields';
import { editableInput, editZone } from '../../engine/edits';
import { humanTitle } from './describe';
import { formInput, NO_TYPED_PARTS, type FormInput } from './edit-inputs';

/** The Edit form: the step's editable fields (or the outcome, for a plan), pre-filled, one typed input each. */
export interface EditFormView {
  readonly taskId: string;
  readonly planVersion: number;
  readonly stepId: string;
  readonly title: string;
  readonly hint: string;
  readonly problem: string;
  readonly inputs: readonly FormInput[];
  readonly backTo: 'task' | 'checkpoint';
}

/** What the person sent with a Save the server refused: their values, kept, and a message per field. */
export interface RefusedSave {
  readonly values: Readonly<Record<string, string>>;
  readonly problems: Readonly<Record<string, string>>;
}

export function stepEditView(
  task: Task,
  step: Step,
  catalogue: Catalogue,
  problem = '',
  refused?: RefusedSave,
  choices: EditChoices = {},
): EditFormView {
  const spec = catalogue.get(step.action);
  const input = editableInput(step);
  const zone = editZone(task, step);
  const names = knownPeople(task);
  const fields = spec ? editableFields(spec) : [];
  const general = refused?.problems[''];
  return {
    taskId: task.id,
    planVersion: task.plan.version,
    stepId: step.id,
    title: humanTitle(task, step, catalogue),
    hint: 'Saving applies your changes and approves the edited action, unless they raise new warnings.',
    problem: refused ? (general ?? 'Nothing was changed or approved: please fix what is marked below.') : problem,
    inputs: fields
      // A channel can only be picked from a list; without one it stays as planned.
      .filter((field) => field.kind !== 'channel' || choices[field.name] !== undefined)
      .map((field) =>
        formInput(
          field,
          input[field.name],
          zone,
          names,
          refused?.values,
          refused?.problems[field.name] ?? '',
          choices[field.name],
          input,
        ),
      ),
    backTo: task.status === 'failed' ? 'task' : 'checkpoint',
  };
}

/** Everyone the task named, address → name (the requester too), for recipient pickers. */
function knownPeople(task: Task): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [address, name] of Object.entries(task.people ?? {})) names[address.toLowerCase()] = name;
  if (task.requester.upn) names[task.requester.upn.toLowerCase()] = task.requester.name;
  return names;
}

function textInput(id: string, label: string, value: string): FormInput {
  return {
    kind: 'multiline',
    id,
    label,
    value,
    required: true,
    errorMessage: `${label} is needed.`,
    problem: '',
    ...NO_TYPED_PARTS,
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
        ? textInput('outcome', 'What should change', value ?? '')
        : textInput('outcome', 'What should be done', value ?? task.outcome),
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
  return { taskId: task.id, planVersion: task.plan.version, stepId: step.id, title: humanTitle(task, step, catalogue) };
}
