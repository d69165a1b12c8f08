import { createHash } from 'node:crypto';
import type { Catalogue } from '../engine/catalogue';
import type { Step, Task } from '../engine/model';
import { mayApprove, mayDecide } from '../engine/rights';
import { canonicalJson } from '../ledger/canonical-json';
import { checkpointView } from '../teams/views/checkpoint-view';
import { taskView } from '../teams/views/task-view';
import { conversationOf, type TabConversation } from './conversation';

/** A checkpoint's preview exactly as the person's own checkpoint card shows it (without the buttons). */
export interface CheckpointPreview {
  readonly kind: 'checkpoint';
  readonly title: string;
  readonly n: number;
  readonly total: number;
  readonly risk: string;
  readonly why: string;
  readonly warnings: readonly string[];
  readonly sources: string;
  readonly facts: readonly { title: string; value: string }[];
  readonly blocks: readonly { label: string; text: string }[];
  readonly deadline: string;
  readonly note: string;
}

/** A plan's preview exactly as the person's own plan card shows it (without the buttons). */
export interface PlanPreview {
  readonly kind: 'plan';
  readonly title: string;
  readonly outcome: string;
  readonly steps: readonly {
    n: number;
    title: string;
    detail: string;
    risk: string;
    warning: string;
    fields: readonly { label: string; text: string }[];
  }[];
  readonly note: string;
}

/** Something that waits for the signed-in person's decision. */
export interface WaitingItem {
  readonly taskId: string;
  readonly taskTitle: string;
  readonly stepId?: string;
  readonly planVersion: number;
  /** When it began waiting (ISO-8601). */
  readonly since: string;
  readonly conversation: TabConversation;
  readonly preview: CheckpointPreview | PlanPreview;
  /** SHA-256 of the preview's canonical JSON: a decision names it, binding it to what was shown. */
  readonly previewHash: string;
}

/**
 * What in `task` waits for `viewer` to decide, if anything: the plan (anyone who may decide on
 * the task), or the waiting step (an approver who has not approved it yet and is not refused as
 * its requester). The same rules the engine applies to a card click; it checks them again.
 */
export function waitingFor(
  task: Task,
  viewer: string,
  catalogue: Catalogue,
  botId: string | undefined,
): WaitingItem | undefined {
  const base = {
    taskId: task.id,
    taskTitle: task.title,
    planVersion: task.plan.version,
    conversation: conversationOf(task.scope, botId),
  };
  if (task.status === 'awaiting_plan_approval' && mayDecide(task, viewer)) {
    const preview = planPreview(task, catalogue, viewer);
    return { ...base, since: task.plan.createdAt, preview, previewHash: hashOf(preview) };
  }
  if (task.status !== 'awaiting_checkpoint') return undefined;
  const step = task.plan.steps.find((s) => s.status === 'awaiting_approval');
  if (!step || !mayApproveStep(task, step, viewer)) return undefined;
  const preview = checkpointPreview(task, step, catalogue, viewer);
  return {
    ...base,
    stepId: step.id,
    since: step.checkpoint?.since ?? task.updatedAt,
    preview,
    previewHash: hashOf(preview),
  };
}

function mayApproveStep(task: Task, step: Step, viewer: string): boolean {
  if (!mayApprove(task, viewer) || step.approvedBy.includes(viewer)) return false;
  return !(step.forbidSelfApproval && viewer === task.requester.id);
}

export function checkpointPreview(task: Task, step: Step, catalogue: Catalogue, viewer: string): CheckpointPreview {
  const v = checkpointView(task, step, catalogue, viewer);
  return {
    kind: 'checkpoint',
    title: v.title,
    n: v.n,
    total: v.total,
    risk: v.risk,
    why: v.why,
    warnings: v.warnings,
    sources: v.sources,
    facts: v.facts,
    blocks: v.blocks,
    deadline: v.deadline,
    note: v.note,
  };
}

export function planPreview(task: Task, catalogue: Catalogue, viewer: string): PlanPreview {
  const v = taskView(task, catalogue, viewer);
  return {
    kind: 'plan',
    title: v.title,
    outcome: v.outcome,
    steps: v.steps.map((s) => ({
      n: s.n,
      title: s.title,
      detail: s.detail.trim(),
      risk: s.risk,
      warning: s.warning,
      fields: s.fields,
    })),
    note: v.note,
  };
}

export function hashOf(preview: CheckpointPreview | PlanPreview): string {
  return createHash('sha256').update(canonicalJson(preview), 'utf8').digest('hex');
}
