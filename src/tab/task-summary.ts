import { TASK_STATUSES, type Task, type TaskStatus } from '../engine/model';
import { maySee } from '../engine/rights';
import { TASK_STATUS_LABELS } from '../teams/views/labels';
import { conversationOf, type TabConversation } from './conversation';

/** A task as the tab's lists and board show it. */
export interface TaskSummary {
  readonly id: string;
  readonly title: string;
  readonly status: TaskStatus;
  readonly statusLabel: string;
  readonly requester: string;
  readonly conversation: TabConversation;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly steps: { readonly total: number; readonly done: number };
}

export function taskSummary(task: Task, botId: string | undefined): TaskSummary {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    statusLabel: TASK_STATUS_LABELS[task.status].label,
    requester: task.requester.name,
    conversation: conversationOf(task.scope, botId),
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    steps: {
      total: task.plan.steps.length,
      done: task.plan.steps.filter((s) => s.status === 'succeeded' || s.status === 'skipped' || s.status === 'rejected')
        .length,
    },
  };
}

/** Every status with its label, in the state machine's order (the board's columns). */
export const STATUS_LABELS: readonly { readonly status: TaskStatus; readonly label: string }[] = TASK_STATUSES.map(
  (status) => ({ status, label: TASK_STATUS_LABELS[status].label }),
);

/**
 * Whether the signed-in person may read a task in the tab: those involved in it (requester,
 * owner, approvers, followers), as for a card click from elsewhere. Being in the same channel
 * is not enough here: the tab is not in that conversation.
 */
export function mayView(task: Task, viewer: string): boolean {
  return maySee(task, { actor: viewer, conversationId: '', via: 'card' });
}
