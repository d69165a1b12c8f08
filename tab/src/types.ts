/** The API's shapes, as the tab reads them (the server's are in src/tab/). */

export type TaskStatus =
  | 'planning'
  | 'awaiting_plan_approval'
  | 'running'
  | 'awaiting_checkpoint'
  | 'paused'
  | 'completed'
  | 'nothing_done'
  | 'failed'
  | 'cancelled'
  | 'rejected'
  | 'limit_reached';

export interface Conversation {
  readonly id: string;
  readonly kind: 'personal' | 'groupChat' | 'channel';
  readonly label: string;
  readonly chatUrl?: string;
}

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

export interface WaitingItem {
  readonly taskId: string;
  readonly taskTitle: string;
  readonly stepId?: string;
  readonly planVersion: number;
  readonly since: string;
  readonly conversation: Conversation;
  readonly preview: CheckpointPreview | PlanPreview;
  readonly previewHash: string;
}

export interface TaskSummary {
  readonly id: string;
  readonly title: string;
  readonly status: TaskStatus;
  readonly statusLabel: string;
  readonly requester: string;
  readonly conversation: Conversation;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly steps: { readonly total: number; readonly done: number };
}

export interface TaskList {
  readonly tasks: readonly TaskSummary[];
  readonly counts: Readonly<Record<TaskStatus, number>>;
  readonly total: number;
}

export interface TimelineStep {
  readonly n: number;
  readonly id: string;
  readonly action: string;
  readonly title: string;
  readonly status: string;
  readonly risk: string;
  readonly gate: string;
  readonly attempts: number;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
  readonly read: { readonly count: number; readonly titles: readonly string[] };
  readonly items: readonly { readonly title: string; readonly meta: string; readonly url: string }[];
  readonly approvedBy: readonly string[];
  readonly gateReasons: readonly string[];
  readonly warnings: readonly string[];
  readonly error?: string;
  readonly reason?: string;
}

export interface TaskPage {
  readonly task: TaskSummary & { readonly outcome: string; readonly planVersion: number };
  readonly waiting?: WaitingItem;
  readonly plans: readonly {
    version: number;
    at: string;
    by: string;
    steps: readonly { action: string; risk: string; gate: string }[];
  }[];
  readonly steps: readonly TimelineStep[];
  readonly decisions: readonly {
    at: string;
    who: string;
    verb: string;
    step?: number;
    planVersion: number;
    reason?: string;
    changed: readonly { field: string; from: string; to: string }[];
  }[];
  readonly policy: readonly { at: string; step?: number; rules: readonly string[] }[];
  readonly ledger: readonly {
    seq: number;
    type: string;
    who: string;
    at: string;
    payload: Record<string, unknown>;
    hash: string;
    verified: 'ok' | 'hash_mismatch' | 'broken_link';
  }[];
  readonly ledgerTruncated: boolean;
}

export interface Schedule {
  readonly id: string;
  readonly title: string;
  readonly cadence: string;
  readonly nextRunAt?: string;
  readonly status: 'active' | 'paused';
  readonly canPause: boolean;
}

export interface Me {
  readonly id: string;
  readonly name: string;
}

/** Status → label, in the state machine's order. */
export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  planning: 'Needs your answer',
  awaiting_plan_approval: 'Waiting for approval of the plan',
  running: 'Running',
  awaiting_checkpoint: 'Waiting at a checkpoint',
  paused: 'Paused',
  completed: 'Completed',
  nothing_done: 'Nothing done',
  failed: 'A step failed',
  cancelled: 'Cancelled',
  rejected: 'Plan rejected',
  limit_reached: 'Stopped at a limit',
};

export const STATUSES = Object.keys(STATUS_LABELS) as TaskStatus[];
