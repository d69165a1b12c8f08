import type { Catalogue, StepPreview } from '../../engine/catalogue';
import type { Task } from '../../engine/model';
import { absoluteInstant, humanPreview, shortReference, type HumanContext } from '../../present/human';
import { namedRefs } from '../../present/step-refs';
import { cardUserIds, previewOf, viewerMayAct, type Viewer } from './describe';
import { RISK_LABELS, STEP_ICONS, TASK_STATUS_LABELS, type Colour } from './labels';

/** The plan / task card: one card per task, updated in place as it progresses. */
export interface TaskView {
  /** Why the viewer's last click changed nothing, and what they can do instead, or ''. */
  readonly notice: string;
  readonly taskId: string;
  readonly planVersion: number;
  readonly heading: string;
  readonly title: string;
  readonly outcome: string;
  readonly statusLabel: string;
  readonly statusColor: Colour;
  readonly steps: readonly {
    n: number;
    icon: string;
    title: string;
    detail: string;
    risk: string;
    riskColor: Colour;
    problem: string;
    /** Guard warnings, joined. */
    warning: string;
    /** What a consequential step will send or set, where known before it runs, shown exactly. */
    fields: readonly { label: string; text: string }[];
  }[];
  /** The planner's open question (status `planning`), or ''. */
  readonly question: string;
  readonly options: readonly { title: string; value: string }[];
  /** Model usage, e.g. "Model: 1,234 tokens in 2 calls", or ''. */
  readonly usage: string;
  readonly note: string;
  readonly noteColor: Colour;
  /** Which buttons: the plan's Approve/Edit/Reject, a failure's Retry/Skip/Edit/Cancel, the question's Answer, or none. */
  readonly actions: 'plan' | 'failed' | 'question' | 'running' | 'paused' | 'none';
  readonly failedStepId: string;
  /** A shared card with buttons only approvers may use: a Refresh button shows them theirs. */
  readonly showRefresh: boolean;
  /** Remembered approvals in force, in words (revocable with `forget <id>`). */
  readonly remembered: readonly string[];
  readonly userIds: readonly string[];
}

export function taskView(task: Task, catalogue: Catalogue, viewer?: Viewer): TaskView {
  // Dates in the requester's zone, relative to when the plan was made; people by name.
  const human: HumanContext = {
    timeZone: task.timeZone ?? 'UTC',
    now: new Date(task.plan.createdAt),
    people: task.people,
  };
  const status = TASK_STATUS_LABELS[task.status];
  const failed = task.status === 'failed' ? task.plan.steps.find((s) => s.status === 'failed') : undefined;
  const asking = task.status === 'planning' && task.clarification?.question !== undefined;
  const actions: TaskView['actions'] =
    task.status === 'awaiting_plan_approval'
      ? 'plan'
      : failed
        ? 'failed'
        : asking
          ? 'question'
          : task.status === 'running' || task.status === 'awaiting_checkpoint'
            ? 'running'
            : task.status === 'paused'
              ? 'paused'
              : 'none';
  return {
    notice: '',
    taskId: task.id,
    planVersion: task.plan.version,
    heading: task.status === 'awaiting_plan_approval' ? 'Plan' : 'Task',
    title: task.title,
    outcome: task.outcome,
    statusLabel: status.label,
    statusColor: status.colour,
    steps: task.plan.steps.map((step, index) => {
      const raw = previewOf(step, catalogue);
      const preview = humanPreview(namedRefs(raw, step, task.plan.steps), human);
      const risk = RISK_LABELS[step.risk];
      const detail = [preview.target, preview.reads ? `Reads: ${preview.reads}` : '']
        .filter((part) => part !== '')
        .join(' · ');
      return {
        n: index + 1,
        icon: STEP_ICONS[step.status],
        title: preview.title,
        detail: detail === '' ? ' ' : detail,
        risk:
          step.gate !== 'checkpoint'
            ? risk.label
            : step.id === task.plan.approvesStep && task.status === 'awaiting_plan_approval'
              ? `${risk.label} · with the plan`
              : `${risk.label} · checkpoint`,
        riskColor: risk.colour,
        problem: step.error
          ? `${step.error.message}${step.error.correlationId ? ` (reference ${shortReference(step.error.correlationId)})` : ''}`
          : '',
        warning: (step.flags ?? []).map((f) => f.message).join(' · '),
        fields: step.risk === 'read' || step.risk === 'compose' || step.status !== 'pending' ? [] : knownFields(raw),
      };
    }),
    question: asking ? (task.clarification?.question ?? '') : '',
    options: asking ? (task.clarification?.options ?? []).map((o) => ({ title: o, value: o })) : [],
    usage:
      task.usage && task.usage.calls > 0
        ? `Model: ${(task.usage.promptTokens + task.usage.completionTokens).toLocaleString('en-US')} tokens in ${task.usage.calls} call${task.usage.calls === 1 ? '' : 's'}`
        : '',
    note: [scheduleNote(task), noteFor(task)].filter((n) => n !== '').join(' '),
    noteColor: task.status === 'failed' || task.status === 'limit_reached' ? 'Attention' : 'Default',
    actions: viewerMayAct(task, viewer) ? actions : 'none',
    failedStepId: failed?.id ?? '',
    showRefresh: actions !== 'none' && viewer === undefined && !viewerMayAct(task, viewer),
    remembered: (task.remembered ?? [])
      .filter((r) => r.revokedAt === undefined)
      .map(
        (r) =>
          `${r.action}${r.destinations.length > 0 ? ` to ${r.destinations.join(', ')}` : ''} (${r.id.startsWith('standing:') ? "covered by its schedule's standing approval" : 'approved once for this task'})`,
      ),
    userIds: cardUserIds(task),
  };
}

/** The fields whose value is known before the plan runs (no earlier step's output), exactly as they will be used. */
function knownFields(preview: StepPreview): { label: string; text: string }[] {
  return preview.fields
    .filter((field) => field.value.trim() !== '' && !/\(from (step \d+|an earlier step)\)/.test(field.value))
    .map((field) => ({ label: field.label, text: field.value }));
}

/** A scheduled run says which occurrence it is for, and when it runs late (catch-up) or by hand. */
function scheduleNote(task: Task): string {
  const run = task.schedule;
  if (!run) return '';
  const when = absoluteInstant(run.occurrence, task.timeZone ?? 'UTC');
  if (run.manual) return `Run of schedule ${run.id}, started by hand.`;
  const late = run.caughtUp
    ? ` Delegate was not running then, so this run is late${run.skipped ? `; ${run.skipped} earlier missed run${run.skipped === 1 ? ' was' : 's were'} skipped` : ''}.`
    : '';
  return `Scheduled run of schedule ${run.id} for ${when}.${late}`;
}

function noteFor(task: Task): string {
  switch (task.status) {
    case 'planning':
      if (task.planPending) return 'Planning… This card shows the plan, or a question, as soon as it is ready.';
      return task.clarification?.question ? 'I need an answer before I can plan this.' : '';
    case 'cancelled':
      // A request that could not be planned outside the turn ends here, saying why.
      return task.error
        ? `${task.error.message}${task.error.correlationId ? ` (reference ${shortReference(task.error.correlationId)})` : ''}`
        : '';
    case 'awaiting_plan_approval': {
      const merged = task.plan.steps.findIndex((s) => s.id === task.plan.approvesStep);
      return merged >= 0
        ? `Nothing happens until you approve. Approve also approves step ${merged + 1} exactly as shown: it won't ask again.`
        : 'Nothing happens until you approve. Steps that send, post or create something will stop again for your approval.';
    }
    case 'failed':
      return 'Retry the step, skip it, edit it, or cancel the task.';
    case 'paused':
      return 'Paused: nothing runs until someone resumes it. Resume carries on from the next step.';
    case 'limit_reached':
      return task.error?.message ?? 'The task stopped at a limit.';
    case 'completed':
      return 'All done.';
    case 'nothing_done':
      return nothingDoneNote(task);
    default:
      return '';
  }
}

/** Why nothing was done: each consequential step that didn't run, with the reason given. */
export function nothingDoneNote(task: Task): string {
  const reasons = task.plan.steps
    .filter((s) => s.status === 'skipped' || s.status === 'rejected')
    .map((s) => `step ${task.plan.steps.indexOf(s) + 1} was ${s.status}${s.reason ? `: "${s.reason}"` : ''}`);
  return `Nothing was sent, created or changed: ${reasons.join('; ')}.`;
}
