import type { Catalogue, StepPreview } from '../../engine/catalogue';
import type { Step } from '../../engine/model';

/** A step's preview from its action, using approved input when there is one. */
export function previewOf(step: Step, catalogue: Catalogue): StepPreview {
  const spec = catalogue.get(step.action);
  if (!spec) return { title: step.action, target: '', reads: '', fields: [] };
  return spec.describe(step.resolvedInput ?? step.input);
}

/** The people who see live buttons on a task's cards (Universal Actions `refresh.userIds`, at most 60). */
export function cardUserIds(task: { owner: string; approvers: readonly string[] }): string[] {
  return [...new Set([task.owner, ...task.approvers])].slice(0, 60);
}
