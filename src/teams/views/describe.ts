import type { Catalogue, StepPreview } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { mayApprove } from '../../engine/rights';
import { humanText } from '../../present/human';

/** A step's preview from its action, using approved input when there is one. */
export function previewOf(step: Step, catalogue: Catalogue): StepPreview {
  const spec = catalogue.get(step.action);
  if (!spec) return { title: step.action, target: '', reads: '', fields: [] };
  return spec.describe(step.resolvedInput ?? step.input);
}

/** A step's one-line title as people read it: names for the addresses the task knows, times in the requester's zone. */
export function humanTitle(task: Task, step: Step, catalogue: Catalogue): string {
  const context = { timeZone: task.timeZone ?? 'UTC', now: new Date(task.plan.createdAt), people: task.people };
  return humanText(previewOf(step, catalogue).title, context);
}

/** The people who see live buttons on a task's cards (Universal Actions `refresh.userIds`, at most 60). */
export function cardUserIds(task: { owner: string; approvers: readonly string[] }): string[] {
  return [...new Set([task.owner, ...task.approvers])].slice(0, 60);
}

/**
 * Who a card is rendered for: a particular person (an invoke's or a refresh's actor), or
 * `undefined` for the card everyone in the conversation sees (posted or updated proactively).
 */
export type Viewer = string | undefined;

/**
 * Whether the viewer gets live buttons. In a personal chat the shared card is the requester's own;
 * in a channel or group chat the shared card is read-only, and approvers get their buttons from a
 * refresh (automatic for `refresh.userIds`, the Refresh button for everyone else). Clicks are
 * authorised again when they arrive, whatever the card showed.
 */
export function viewerMayAct(task: Task, viewer: Viewer): boolean {
  if (viewer === undefined) return task.scope.kind === 'personal';
  return mayApprove(task, viewer);
}
