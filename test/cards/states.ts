import { task as taskSchema, type Step, type StepStatus, type Task, type TaskStatus } from '../../src/engine/model';
import { HOSTILE_ERROR } from './hostile';
import type { Journey, JourneyStep } from './journeys';

/** Every state a task card can be drawn in, with the steps where they would be in that state. */
export const STATES = [
  'awaiting_plan_approval',
  'running',
  'paused',
  'awaiting_checkpoint',
  'failed',
  'completed',
  'cancelled',
  'rejected',
  'limit_reached',
] as const satisfies readonly TaskStatus[];
export type State = (typeof STATES)[number];

const AT = '2025-03-05T09:00:00.000Z';
export const FAILURE = {
  code: 'graph_forbidden',
  message: "Delegate isn't allowed to do that in Microsoft 365.",
  correlationId: 'corr-7f3c8a52',
};
export const LIMIT = { code: 'limit_reached', message: 'Stopped after 30 minutes, the time limit for one task.' };

/** The status of each step (by index) when the task is in `state` and the last step is the one at stake. */
function statusesFor(state: State, count: number): StepStatus[] {
  const last = (status: StepStatus, before: StepStatus = 'succeeded'): StepStatus[] => [
    ...Array<StepStatus>(count - 1).fill(before),
    status,
  ];
  switch (state) {
    case 'awaiting_plan_approval':
    case 'rejected':
      return Array<StepStatus>(count).fill('pending');
    case 'running':
      return last('running');
    case 'paused':
      return last('approved');
    case 'awaiting_checkpoint':
      return last('awaiting_approval');
    case 'failed':
      return last('failed');
    case 'completed':
      return last('succeeded');
    case 'cancelled':
      return last('rejected');
    case 'limit_reached':
      return ['succeeded', ...Array<StepStatus>(count - 1).fill('pending')];
  }
}

function stepIn(journey: Journey, planned: JourneyStep, status: StepStatus, errorMessage: string): Step {
  const started = status !== 'pending';
  const approved = planned.gate === 'checkpoint' && ['approved', 'running', 'succeeded', 'failed'].includes(status);
  return {
    id: planned.id,
    action: planned.action,
    input: planned.input,
    ...(started ? { resolvedInput: planned.resolved } : {}),
    rationale: planned.rationale,
    risk: planned.risk,
    gate: planned.gate,
    status,
    attempts: status === 'failed' ? 3 : status === 'succeeded' || status === 'running' ? 1 : 0,
    idempotencyKey: `${journey.id}:v${journey.planVersion}:${planned.id}`,
    ...(status === 'succeeded' ? { output: planned.output, finishedAt: AT } : {}),
    provenance: [],
    approvedBy: approved ? [journey.requester.id] : [],
    ...(status === 'failed' ? { error: { ...FAILURE, message: errorMessage } } : {}),
  };
}

/** Options for {@link taskIn}. */
export interface TaskOptions {
  /** Which step fails in the `failed` state (default: the last). */
  readonly failAt?: number;
  /** Overrides the journey's approvers (e.g. a channel with 100 of them). */
  readonly approvers?: readonly string[];
  /** Use hostile text in the failed step's error message. */
  readonly hostileError?: boolean;
}

/** A valid task of `journey` in `state`, parsed with the model's own schema. */
export function taskIn(journey: Journey, state: State, options: TaskOptions = {}): Task {
  const count = journey.steps.length;
  let statuses = statusesFor(state, count);
  if (state === 'failed' && options.failAt !== undefined) {
    const at = options.failAt;
    statuses = journey.steps.map((_, i) => (i < at ? 'succeeded' : i === at ? 'failed' : 'pending'));
  }
  const errorMessage = options.hostileError ? HOSTILE_ERROR : FAILURE.message;
  return taskSchema.parse({
    schemaVersion: 1,
    id: journey.id,
    title: journey.title,
    outcome: journey.outcome,
    requester: journey.requester,
    owner: journey.requester.id,
    approvers: options.approvers ?? journey.approvers,
    scope: journey.scope,
    conversation: {
      conversation: { id: journey.scope.conversationId },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    },
    status: state,
    plan: {
      version: journey.planVersion,
      createdAt: AT,
      steps: journey.steps.map((s, i) => stepIn(journey, s, statuses[i] ?? 'pending', errorMessage)),
    },
    version: 7,
    createdAt: AT,
    updatedAt: AT,
    ...(state === 'awaiting_plan_approval' || state === 'rejected' ? {} : { startedAt: AT }),
    stepsRun: statuses.filter((s) => s !== 'pending').length,
    ...(state === 'limit_reached' ? { error: LIMIT } : {}),
  });
}
