import type { Catalogue, EditChoices } from './catalogue';
import { editableFields } from './editable-fields';
import {
  applyEdits,
  editableInput,
  editZone,
  eventProblems,
  schemaProblems,
  type Edits,
  type FieldProblems,
} from './edits';
import { DelegateError } from './errors';
import { FINAL_STATUSES, type CheckpointTimers, type DecisionVerb, type Step, type Task } from './model';
import { withStep } from './mutate';
import { forgetAll, remember } from './remember';
import { mayApprove, mayDecide } from './rights';

import { tighten, type Recheck } from './recheck';

/** A person's decision as the Teams edge hands it over: ids from the card, actor from the activity. */
export interface DecisionRequest {
  /** Unique per delivery of the click; a redelivered invoke carries the same id. */
  readonly id: string;
  readonly taskId: string;
  readonly stepId?: string;
  readonly planVersion: number;
  readonly verb: DecisionVerb;
  /** Entra object id of the person who clicked, from the activity. */
  readonly actor: string;
  /** Edit form values (strings as cards send them). */
  readonly values?: Record<string, unknown>;
  /** What the form's pickers offered (looked up by the edge as the requester): a picked value must be one of them. */
  readonly choices?: EditChoices;
  readonly reason?: string;
  /** Approve: also approve the same action to the same destinations for the rest of the task. */
  readonly remember?: boolean;
  /** Reassign: the Entra object id of the person who takes over this approval (resolved by the edge). */
  readonly target?: string;
  /** Display names (Entra id → name) of the actor and target, as Teams and the directory gave them; shown on cards, never trusted. */
  readonly names?: Readonly<Record<string, string>>;
}

/** What a decision does to a task. `stale` means the card was out of date: nothing happens. */
export type Transition =
  | { readonly kind: 'applied'; readonly task: Task; readonly edits?: Edits }
  | { readonly kind: 'stale' }
  | { readonly kind: 'refused'; readonly error: DelegateError; readonly problems?: FieldProblems };

/** What an edit needs to check the edited input as a plan's input is checked (guards, risk, policy). */
export interface EditChecks {
  recheck(task: Task, step: Step, input: Record<string, unknown>): Recheck;
  /** Fresh deadlines for a step that starts waiting again. */
  timers(step: Step): CheckpointTimers | undefined;
}

/**
 * The state machine for decisions (DESIGN §3), as a pure function of the stored task.
 * Approvals bind to the exact plan version and step; anything out of date is `stale`.
 */
export function transition(
  task: Task,
  request: DecisionRequest,
  catalogue: Catalogue,
  now: Date,
  checks?: EditChecks,
): Transition {
  if (!mayDecide(task, request.actor)) {
    return refused('not_authorised', "You're not an approver of this task, so this button isn't yours to press.");
  }
  if (FINAL_STATUSES.includes(task.status) || request.planVersion !== task.plan.version) return { kind: 'stale' };
  if (request.verb === 'cancel') return cancel(task);
  if (request.verb === 'pause') return pause(task, now);
  if (request.verb === 'resume') return resume(task, now);
  if (request.verb === 'transfer') return transfer(task, request);
  if (request.verb === 'forget') {
    const forgotten = forgetAll(task, now.toISOString());
    return forgotten ? { kind: 'applied', task: forgotten } : { kind: 'stale' };
  }
  if (task.status === 'paused') return { kind: 'stale' };
  if (request.stepId === undefined) return planDecision(task, request, catalogue, now);
  const step = task.plan.steps.find((s) => s.id === request.stepId);
  if (!step) return { kind: 'stale' };
  return stepDecision(task, step, request, catalogue, now, checks);
}

function planDecision(task: Task, request: DecisionRequest, catalogue: Catalogue, now: Date): Transition {
  if (task.status !== 'awaiting_plan_approval') return { kind: 'stale' };
  const verb = request.verb;
  switch (verb) {
    case 'approve': {
      const running: Task = { ...task, status: 'running', startedAt: task.startedAt ?? now.toISOString() };
      return { kind: 'applied', task: withMergedApproval(running, request.actor, catalogue) };
    }
    case 'reject':
      return { kind: 'applied', task: { ...task, status: 'rejected' } };
    default:
      return refused('unsupported_verb', "That button doesn't apply to a plan. Approve, Edit or Reject it instead.");
  }
}

/**
 * The plan card showed its one consequential step exactly (`plan.approvesStep`): approving the
 * plan approves that step with the input shown, so it is not asked again. Someone who may not
 * approve steps (an owner who is not an approver) only starts the plan; the step still waits.
 */
function withMergedApproval(task: Task, actor: string, catalogue: Catalogue): Task {
  const step = task.plan.steps.find((s) => s.id === task.plan.approvesStep);
  const spec = step && catalogue.get(step.action);
  if (!step || !spec || step.status !== 'pending' || !mayApprove(task, actor)) return task;
  if (step.forbidSelfApproval && actor === task.requester.id) return task;
  const parsed = spec.input.safeParse(step.input);
  if (!parsed.success) return task;
  return withStep(task, step.id, (s) => ({
    ...s,
    status: 'approved',
    approvedBy: [actor],
    resolvedInput: parsed.data as Record<string, unknown>,
  }));
}

function stepDecision(
  task: Task,
  step: Step,
  request: DecisionRequest,
  catalogue: Catalogue,
  now: Date,
  checks: EditChecks | undefined,
): Transition {
  const atCheckpoint = task.status === 'awaiting_checkpoint' && step.status === 'awaiting_approval';
  const afterFailure = task.status === 'failed' && step.status === 'failed';
  if (!atCheckpoint && !afterFailure) return { kind: 'stale' };
  const resume = (update: (s: Step) => Step): Transition => ({
    kind: 'applied',
    task: { ...withStep(task, step.id, update), status: 'running', error: undefined },
  });
  switch (request.verb) {
    case 'approve': {
      if (!atCheckpoint) return { kind: 'stale' };
      if (!mayApprove(task, request.actor))
        return refused(
          'owner_not_approver',
          "As the task's owner you can pause, resume or cancel it; approving its steps is for its approvers.",
        );
      const selfRefused = refuseSelfApproval(task, step, request.actor);
      if (selfRefused) return selfRefused;
      // A second click by someone who already approved changes nothing, and says why.
      if (step.approvedBy.includes(request.actor)) {
        const waiting = (step.quorum ?? 1) - step.approvedBy.length;
        return refused(
          'already_approved',
          `You already approved this step. It waits for ${waiting} more approval${waiting === 1 ? '' : 's'} from the other approvers.`,
        );
      }
      const approvedBy = [...step.approvedBy, request.actor];
      if (approvedBy.length < (step.quorum ?? 1)) {
        return { kind: 'applied', task: withStep(task, step.id, (s) => ({ ...s, approvedBy })) };
      }
      const approved = resume((s) => ({ ...s, status: 'approved', approvedBy }));
      if (!request.remember || approved.kind !== 'applied') return approved;
      return {
        kind: 'applied',
        task: remember(approved.task, step, request.actor, request.id, now.toISOString(), catalogue),
      };
    }
    case 'reassign':
      return atCheckpoint ? reassign(task, step, request) : { kind: 'stale' };
    case 'retry':
      if (!afterFailure) return { kind: 'stale' };
      // A step that ran and failed runs again as approved. One that failed before it ran (its input
      // was refused or could not be made) was never approved: it goes through its checks again.
      if (step.attempts > 0) return resume((s) => ({ ...s, status: 'approved', error: undefined }));
      return resume((s) => ({
        ...s,
        status: 'pending',
        resolvedInput: undefined,
        approvedBy: [],
        checkpoint: undefined,
        error: undefined,
      }));
    case 'skip':
      return resume((s) => ({ ...s, status: 'skipped', error: undefined, ...reasonOf(request) }));
    case 'reject':
      return resume((s) => ({ ...s, status: 'rejected', error: undefined, ...reasonOf(request) }));
    case 'revert': {
      if (!atCheckpoint) return { kind: 'stale' };
      if (!mayApprove(task, request.actor))
        return refused(
          'owner_not_approver',
          "As the task's owner you can pause, resume or cancel it; editing its steps is for its approvers.",
        );
      const original = step.beforeEdit;
      if (!original) return refused('nothing_to_revert', 'This step has no edit to take back.');
      // Back to the step as planned (or as last approved-for-review): approvals of the edit no longer count.
      return {
        kind: 'applied',
        // Every field named, absent ones included: stored JSON drops undefined, so a spread would keep the edit's.
        task: withStep(task, step.id, (s) => ({
          ...s,
          resolvedInput: original.resolvedInput,
          risk: original.risk,
          flags: original.flags,
          quorum: original.quorum,
          forbidSelfApproval: original.forbidSelfApproval,
          gateReasons: original.gateReasons,
          beforeEdit: undefined,
          approvedBy: [],
        })),
      };
    }
    case 'edit': {
      if (!mayApprove(task, request.actor))
        return refused(
          'owner_not_approver',
          "As the task's owner you can pause, resume or cancel it; editing its steps is for its approvers.",
        );
      const selfRefused = refuseSelfApproval(task, step, request.actor);
      return selfRefused ?? edit(task, step, request, catalogue, now, checks);
    }
    default:
      return refused('unsupported_verb', "That button doesn't apply to this step. Approve, Edit or Reject it instead.");
  }
}

function edit(
  task: Task,
  step: Step,
  request: DecisionRequest,
  catalogue: Catalogue,
  now: Date,
  checks: EditChecks | undefined,
): Transition {
  const spec = catalogue.get(step.action);
  if (!spec || spec.editable.length === 0) return refused('not_editable', 'This step cannot be edited.');
  const fields = editableFields(spec);
  const before = editableInput(step);
  const { input, edits, problems } = applyEdits(
    before,
    fields,
    request.values ?? {},
    editZone(task, step),
    request.choices,
  );
  // Nothing is guessed and nothing half-applied: any problem sends the form back, approving nothing.
  const found: FieldProblems =
    Object.keys(problems).length > 0
      ? problems
      : { ...(schemaProblems(spec.input, input, fields) ?? {}), ...eventProblems(input, fields, now, edits) };
  if (Object.keys(found).length > 0) return invalidEdit(found);
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return invalidEdit({ '': "That edit isn't valid." });
  // The edited input is checked as a planned one is: it can raise the risk, add warnings, need more approvals, or be refused.
  const checked = checks?.recheck(task, step, parsed.data as Record<string, unknown>) ?? {
    kind: 'ok' as const,
    input: parsed.data as Record<string, unknown>,
    flags: step.flags,
    risk: step.risk,
  };
  if (checked.kind === 'refused') return refused('edit_refused', `That edit can't be done. ${checked.message}`);
  const tightened = tighten(step, checked);
  // Saving an edit approves the edited action, and only that action: earlier approvals were for
  // something else, so they no longer count. New warnings must be seen before anyone approves.
  const newWarnings = (checked.flags ?? []).some(
    (f) => !(step.flags ?? []).some((g) => g.code === f.code && g.message === f.message),
  );
  // An edit that raised new warnings approves nothing: they must be seen first, then Approve counts.
  const approvedBy =
    newWarnings || (tightened.forbidSelfApproval && request.actor === task.requester.id) ? [] : [request.actor];
  const ready = !newWarnings && approvedBy.length >= (tightened.quorum ?? 1);
  const atCheckpoint = step.status === 'awaiting_approval';
  // Waiting again after a failure starts a new wait; an edit at a checkpoint keeps its deadlines,
  // but never lets expiry approve what now carries new warnings.
  const kept =
    atCheckpoint && step.checkpoint
      ? {
          ...step.checkpoint,
          onExpiry:
            newWarnings && step.checkpoint.onExpiry === 'approve' ? ('reject' as const) : step.checkpoint.onExpiry,
        }
      : undefined;
  const next = withStep(task, step.id, () => ({
    ...tightened,
    // An edit that leaves the step waiting can be taken back: keep what it replaced (the first time).
    beforeEdit:
      ready || !atCheckpoint
        ? undefined
        : (step.beforeEdit ?? {
            resolvedInput: step.resolvedInput,
            risk: step.risk,
            flags: step.flags,
            quorum: step.quorum,
            forbidSelfApproval: step.forbidSelfApproval,
            gateReasons: step.gateReasons,
          }),
    resolvedInput: checked.input,
    status: ready ? ('approved' as const) : ('awaiting_approval' as const),
    approvedBy,
    error: undefined,
    checkpoint: ready ? step.checkpoint : atCheckpoint ? kept : checks?.timers(tightened),
    // A step that already ran is now a different action: a new key, so reconciling never finds
    // (and sends) what an earlier attempt left behind with the old content.
    idempotencyKey: step.attempts > 0 ? `edit-${request.id}` : step.idempotencyKey,
  }));
  const approvers = [...new Set([...task.approvers, ...(checked.policy?.approvers ?? [])])];
  return {
    kind: 'applied',
    task: { ...next, approvers, status: ready ? 'running' : 'awaiting_checkpoint', error: undefined },
    edits,
  };
}

/**
 * The owner hands the task to someone else, who becomes its owner: they run it (pause, resume,
 * cancel) but approve its steps only if they already could. The requester stays the requester.
 */
function transfer(task: Task, request: DecisionRequest): Transition {
  if (request.actor !== task.owner) return refused('not_owner', "Only the task's owner can hand it to someone else.");
  const target = request.target;
  if (!target) return refused('no_target', 'Say who should own the task.');
  if (target === task.owner) return { kind: 'stale' };
  // Ownership is not approval: the new owner approves steps only if they already could.
  return { kind: 'applied', task: { ...task, owner: target } };
}

/** An approver hands their approval of this checkpoint to someone else, who becomes an approver of the task. */
function reassign(task: Task, step: Step, request: DecisionRequest): Transition {
  // Only an approver has an approval to hand on: the requester or owner can't appoint their own.
  if (!task.approvers.includes(request.actor))
    return refused('not_an_approver', 'Only an approver of this task can hand their approval to someone else.');
  const target = request.target;
  if (!target) return refused('no_target', 'Say who should approve instead.');
  if (target === request.actor) return refused('same_person', "You can't reassign an approval to yourself.");
  if (step.approvedBy.includes(request.actor))
    return refused('already_approved', 'You already approved this step, so there is nothing to reassign.');
  if (task.approvers.includes(target)) return refused('already_approver', 'That person can already approve this task.');
  if (step.forbidSelfApproval && target === task.requester.id)
    return refused('self_approval', 'The requester may not approve this step.');
  // The approver gives their place to the target.
  const approvers = [...task.approvers.filter((a) => a !== request.actor), target];
  return { kind: 'applied', task: { ...task, approvers } };
}

/** Pausing stops the worker between steps (a running step finishes first); nothing is lost. */
function pause(task: Task, now: Date): Transition {
  if (task.status === 'paused' || task.status === 'planning') return { kind: 'stale' };
  return { kind: 'applied', task: { ...task, status: 'paused', pausedFrom: task.status, pausedAt: now.toISOString() } };
}

/** Carry on where it stopped; a checkpoint's deadlines move on by the time the task was paused, so nothing expires for it. */
function resume(task: Task, now: Date): Transition {
  if (task.status !== 'paused') return { kind: 'stale' };
  const paused = task.pausedAt ? Math.max(0, now.getTime() - Date.parse(task.pausedAt)) : 0;
  const later = (at: string | undefined): string | undefined =>
    at === undefined ? undefined : new Date(Date.parse(at) + paused).toISOString();
  const steps = task.plan.steps.map((s) =>
    s.status === 'awaiting_approval' && s.checkpoint && paused > 0
      ? {
          ...s,
          checkpoint: {
            ...s.checkpoint,
            remindAt: later(s.checkpoint.remindAt),
            escalateAt: later(s.checkpoint.escalateAt),
            expireAt: later(s.checkpoint.expireAt) ?? s.checkpoint.expireAt,
          },
        }
      : s,
  );
  return {
    kind: 'applied',
    task: {
      ...task,
      status: task.pausedFrom ?? 'running',
      pausedFrom: undefined,
      pausedAt: undefined,
      plan: { ...task.plan, steps },
    },
  };
}

function refuseSelfApproval(task: Task, step: Step, actor: string): Transition | undefined {
  if (!step.forbidSelfApproval || actor !== task.requester.id) return undefined;
  return refused('self_approval', 'You asked for this task, and this step needs approval from someone else.');
}

function cancel(task: Task): Transition {
  const steps = task.plan.steps.map((s) =>
    s.status === 'awaiting_approval' ? { ...s, status: 'rejected' as const } : s,
  );
  return { kind: 'applied', task: { ...task, status: 'cancelled', plan: { ...task.plan, steps } } };
}

function reasonOf(request: DecisionRequest): { reason?: string } {
  const reason = request.reason?.trim();
  return reason ? { reason } : {};
}

function invalidEdit(problems: FieldProblems): Transition {
  const message = `That edit isn't valid, so nothing was changed or approved: ${Object.values(problems).join(' ')}`;
  return { kind: 'refused', error: new DelegateError('user_input', 'invalid_edit', message), problems };
}

function refused(code: string, message: string): Transition {
  return { kind: 'refused', error: new DelegateError('user_input', code, message) };
}
