import type { RiskClass, StepStatus, TaskStatus } from '../../engine/model';

/** Adaptive Card text colours. */
export type Colour = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export const RISK_LABELS: Record<RiskClass, { label: string; colour: Colour; why: string }> = {
  read: { label: 'Read', colour: 'Default', why: 'It only reads.' },
  compose: { label: 'Compose', colour: 'Default', why: 'It only prepares content.' },
  'write-internal': {
    label: 'Write',
    colour: 'Default',
    why: 'It changes something in your organisation, so it waits for approval.',
  },
  'write-external': {
    label: 'External',
    colour: 'Attention',
    why: 'It reaches people outside your organisation, so it waits for approval.',
  },
  destructive: {
    label: 'Destructive',
    colour: 'Attention',
    why: 'It deletes or cancels something, so it waits for approval.',
  },
};

export const STEP_ICONS: Record<StepStatus, string> = {
  pending: '○',
  awaiting_approval: '⏸',
  approved: '✔',
  running: '▶',
  succeeded: '✅',
  failed: '❌',
  skipped: '⤼',
  rejected: '✖',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, { label: string; colour: Colour }> = {
  planning: { label: 'Needs your answer', colour: 'Accent' },
  awaiting_plan_approval: { label: 'Waiting for approval of the plan', colour: 'Accent' },
  running: { label: 'Running', colour: 'Accent' },
  awaiting_checkpoint: { label: 'Waiting at a checkpoint', colour: 'Accent' },
  paused: { label: 'Paused', colour: 'Accent' },
  completed: { label: 'Completed', colour: 'Good' },
  nothing_done: { label: 'Nothing done', colour: 'Default' },
  failed: { label: 'A step failed', colour: 'Attention' },
  cancelled: { label: 'Cancelled', colour: 'Default' },
  rejected: { label: 'Plan rejected', colour: 'Default' },
  limit_reached: { label: 'Stopped at a limit', colour: 'Attention' },
};
