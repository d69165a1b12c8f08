import type { Catalogue } from '../../engine/catalogue';
import type { Step, Task } from '../../engine/model';
import { parseRef, refsIn } from '../../engine/refs';
import { rememberable } from '../../engine/remember';
import { cardUserIds, previewOf, viewerMayAct, type Viewer } from './describe';
import { RISK_LABELS, type Colour } from './labels';
import { absoluteInstant, humanText, markdownSafe, zoneLabel } from '../../present/human';
import { keepsDataPrivate, sharedPreviewOf, upstream } from './shared-preview';

/** A checkpoint card: exactly what the step will do, and Approve / Edit / Reject while it waits. */
export interface CheckpointView {
  readonly taskId: string;
  readonly taskTitle: string;
  readonly stepId: string;
  readonly planVersion: number;
  readonly n: number;
  readonly total: number;
  readonly title: string;
  readonly risk: string;
  readonly riskColor: Colour;
  readonly why: string;
  /** Guard warnings: why this step needs a careful look. */
  readonly warnings: readonly string[];
  /** Titles of the Microsoft 365 items the step's content was made from, or ''. */
  readonly sources: string;
  readonly facts: readonly { title: string; value: string }[];
  readonly blocks: readonly { label: string; text: string }[];
  readonly pending: boolean;
  /** The viewer gets Approve / Edit / Reject. */
  readonly canAct: boolean;
  /** The step waits after an edit: Revert puts it back as it was. */
  readonly canRevert: boolean;
  /** The viewer has an approval of their own to hand on (Reassign). */
  readonly canReassign: boolean;
  /** Why the last click changed nothing, or what it did, for the person who clicked; '' for none. */
  readonly notice: string;
  /** A waiting checkpoint on a shared card: a Refresh button shows approvers their buttons. */
  readonly showRefresh: boolean;
  /** The remember toggle's label ("…for the rest of this task"), or '' when the step has nothing to remember. */
  readonly rememberLabel: string;
  /** When the checkpoint expires, and what happens then, or ''. */
  readonly deadline: string;
  readonly note: string;
  readonly noteColor: Colour;
  readonly userIds: readonly string[];
}

/** Values longer than this, or with line breaks, get a block of their own instead of a fact row. */
const FACT_LIMIT = 80;
/** Characters a fact row (markdown) could turn into formatting or drop as a tag: such values get an exact block. */
const MARKUP = /[<>*_`[\]#~&\\]/;

export function checkpointView(task: Task, step: Step, catalogue: Catalogue, viewer?: Viewer): CheckpointView {
  const shared = keepsDataPrivate(task, viewer) ? sharedPreviewOf(task, step, catalogue) : undefined;
  const preview = shared?.preview ?? previewOf(step, catalogue);
  const risk = RISK_LABELS[step.risk];
  const facts: { title: string; value: string }[] = [];
  const blocks: { label: string; text: string }[] = [];
  for (const field of preview.fields) {
    // A block shows text exactly (a TextRun: no markdown, no tags), as the action will send it.
    if (field.value.length > FACT_LIMIT || field.value.includes('\n') || MARKUP.test(field.value))
      blocks.push({ label: field.label, text: field.value });
    else facts.push({ title: field.label, value: field.value === '' ? '—' : field.value });
  }
  const pending = task.status === 'awaiting_checkpoint' && step.status === 'awaiting_approval';
  const canAct = viewerMayAct(task, viewer);
  return {
    taskId: task.id,
    taskTitle: task.title,
    stepId: step.id,
    planVersion: task.plan.version,
    n: task.plan.steps.indexOf(step) + 1,
    total: task.plan.steps.length,
    // A heading names people (their addresses are in the fields below, exactly).
    title: markdownSafe(
      humanText(preview.title, {
        timeZone: task.timeZone ?? 'UTC',
        now: new Date(task.updatedAt),
        people: task.people,
      }),
    ),
    risk: risk.label,
    riskColor: risk.colour,
    why:
      step.gateReasons && step.gateReasons.length > 0
        ? [...new Set(step.gateReasons.map((r) => r.text))].join(' ')
        : risk.why,
    warnings: (step.flags ?? []).map((f) => f.message),
    sources: shared ? sourceCount(task, step, shared.source) : sourcesOf(task, step),
    facts,
    blocks,
    pending,
    canAct: pending && canAct,
    canReassign: pending && canAct && mayReassign(task, step, viewer),
    canRevert: pending && canAct && step.beforeEdit !== undefined,
    notice: '',
    showRefresh: pending && !canAct && viewer === undefined,
    rememberLabel:
      // Only worth offering when a later step of this plan does the same kind of thing.
      pending && rememberable(step, catalogue) && laterSameAction(task, step)
        ? `Also approve ${preview.title.charAt(0).toLowerCase()}${preview.title.slice(1)} again later in this task`
        : '',
    deadline: pending && step.checkpoint ? deadlineOf(step.checkpoint, task.timeZone ?? 'UTC') : '',
    note: pending ? progressNote(task, step) : outcomeNote(task, step),
    noteColor: step.status === 'failed' ? 'Attention' : step.status === 'succeeded' ? 'Good' : 'Default',
    userIds: cardUserIds(task),
  };
}

/** Reassign hands on an approver's own approval: the requester (no approver) and those who already approved have none. */
function mayReassign(task: Task, step: Step, viewer: Viewer): boolean {
  const who = viewer ?? (task.scope.kind === 'personal' ? task.requester.id : undefined);
  return who !== undefined && task.approvers.includes(who) && !step.approvedBy.includes(who);
}

/** On a shared card, how many items the content was made from and where, never their titles. */
function sourceCount(task: Task, step: Step, where: string): string {
  if (where === '') return '';
  const used = upstream(task, step);
  const count = task.plan.steps.filter((s) => used.has(s.id)).flatMap((s) => s.sources ?? []).length;
  return count > 0 ? `${count} item${count === 1 ? '' : 's'} from ${where}` : `made from ${where}`;
}

/** The sources of the earlier outputs this step uses (e.g. the mails a summary was made from). */
function sourcesOf(task: Task, step: Step): string {
  const used = new Set(refsIn(step.input).map((ref) => parseRef(ref)?.stepId));
  const titles = task.plan.steps
    .filter((s) => used.has(s.id))
    .flatMap((s) => (s.sources ?? []).map((source) => source.title));
  const unique = [...new Set(titles)];
  return unique.length > 8 ? `${unique.slice(0, 8).join('; ')} and ${unique.length - 8} more` : unique.join('; ');
}

/** While waiting for several approvals: who approved so far, and how many are needed. */
function progressNote(task: Task, step: Step): string {
  const quorum = step.quorum ?? 1;
  const rules = [
    quorum > 1 ? `Needs ${quorum} approvals` : '',
    step.forbidSelfApproval ? `not from ${task.requester.name}` : '',
  ].filter((r) => r !== '');
  const so =
    step.approvedBy.length > 0
      ? ` Approved so far: ${namesOf(task, step)} (${step.approvedBy.length} of ${quorum}).`
      : '';
  return rules.length > 0 || so ? `${rules.join(', ')}${rules.length > 0 ? '.' : ''}${so}`.trim() : '';
}

function laterSameAction(task: Task, step: Step): boolean {
  const at = task.plan.steps.indexOf(step);
  return task.plan.steps.some((s, i) => i > at && s.action === step.action && s.status === 'pending');
}

/** "Waiting for a decision until Thu 3 Dec, 17:56 (UTC); after that the step is rejected." */
function deadlineOf(timers: NonNullable<Step['checkpoint']>, zone: string): string {
  const when = `${absoluteInstant(timers.expireAt, zone)} (${zoneLabel(zone, new Date(timers.expireAt))})`;
  const outcome =
    timers.onExpiry === 'approve'
      ? 'approved'
      : timers.onExpiry === 'cancel'
        ? 'the task is cancelled'
        : 'the step is rejected';
  const escalated = timers.escalatedAt ? ' Escalated to backup approvers.' : '';
  return `Waiting for a decision until ${when}; after that ${outcome}.${escalated}`;
}

function namesOf(task: Task, step: Step): string {
  return step.approvedBy
    .map((id) => (id === task.requester.id ? task.requester.name : (task.names?.[id] ?? 'someone')))
    .join(', ');
}

function outcomeNote(task: Task, step: Step): string {
  const by = namesOf(task, step);
  switch (step.status) {
    case 'approved':
    case 'running':
      return `Approved by ${by}. Running…`;
    case 'succeeded':
      return `Approved by ${by}. Done.`;
    case 'skipped':
      return 'Skipped.';
    case 'rejected':
      return task.status === 'cancelled' ? 'Rejected: the task was cancelled.' : 'Rejected.';
    case 'failed':
      return `Failed: ${step.error?.message ?? 'unknown error'}`;
    default:
      return task.status === 'cancelled' ? 'The task was cancelled.' : 'This step is not waiting for approval.';
  }
}
