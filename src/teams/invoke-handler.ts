import type { Activity } from 'botbuilder';
import type { Catalogue, EditChoices } from '../engine/catalogue';
import { editableFields } from '../engine/editable-fields';
import type { Engine } from '../engine/engine';
import type { DecideResult } from '../engine/engine-types';
import { DelegateError, toDelegateError } from '../engine/errors';
import type { Task } from '../engine/model';
import type { Ids, Logger, Notifier } from '../engine/ports';
import { mayDecide, maySee, type Vantage } from '../engine/rights';
import type { EditChoiceLookup } from '../people/edit-choices';
import { actorOf, baseConversationId } from './activity';
import type { AdaptiveCard, CardRenderer } from './cards';
import { VERB_SCHEMAS, isVerb, type Verb, type VerbData } from './verbs';
import { checkpointView } from './views/checkpoint-view';
import { errorView } from './views/error-view';
import { planEditView, planRejectView, rejectView, stepEditView } from './views/form-views';
import { resultView } from './views/result-view';
import { taskView } from './views/task-view';

/** Finds the one person a name or email address means, as the directory knows them. */
export type PersonResolver = (
  query: string,
  actor: string,
) => Promise<{ readonly id: string; readonly name: string } | { readonly error: string }>;

export interface InvokeDeps {
  readonly people: PersonResolver;
  /** What an Edit form's folder and channel pickers offer (none: folders are typed, channels kept). */
  readonly editChoices?: EditChoiceLookup;
  readonly engine: Engine;
  readonly catalogue: Catalogue;
  readonly renderer: CardRenderer;
  readonly notifier: Notifier;
  readonly ids: Ids;
  readonly logger: Logger;
}

interface Click<V extends Verb> {
  readonly activity: Activity;
  readonly actor: string;
  /** The button pressed, for the audit of a refusal. */
  readonly verb: V;
  readonly data: VerbData<V>;
  /** Unique per click delivery: a redelivered invoke has the same id. */
  readonly decisionId: string;
}

type Handlers = { [V in Verb]: (click: Click<V>) => Promise<AdaptiveCard> };

/**
 * Answers `adaptiveCard/action` invokes with the card that replaces the clicked one. It only
 * records decisions and returns at once; the worker does the work in the background.
 */
export class InvokeHandler {
  private readonly handlers: Handlers = {
    approve: (c) => this.approve(c),
    reassign: (c) => this.reassign(c),
    // A plan's Reject first asks for a reason when the planner can revise; the form's own
    // "Reject the plan" button says it comes from that form (card: 'task') and rejects.
    reject: (c) =>
      c.data.stepId
        ? this.showRejectChoice(c)
        : this.deps.engine.revises && c.data.card !== 'task'
          ? this.showPlanReject(c)
          : this.decideAndShow(c, 'reject'),
    edit: (c) => this.showEditForm(c),
    save: (c) => this.save(c),
    skip: (c) => this.decideAndShow(c, 'skip', c.data.reason),
    cancel: (c) => this.decideAndShow(c, 'cancel', c.data.reason),
    retry: (c) => this.decideAndShow(c, 'retry'),
    revert: (c) => this.decideAndShow(c, 'revert'),
    pause: (c) => this.decideAndShow(c, 'pause'),
    resume: (c) => this.decideAndShow(c, 'resume'),
    refresh: async (c) => this.current(await this.visible(c), c.data, c.actor),
    answer: (c) => this.answer(c),
    revise: (c) => this.revise(c),
  };

  constructor(private readonly deps: InvokeDeps) {}

  async handle(activity: Activity, verb: string, data: unknown): Promise<AdaptiveCard> {
    const correlationId = this.deps.ids.uuid();
    const log = this.deps.logger.child({ correlationId, verb, activityId: activity.id });
    const actor = actorOf(activity);
    const taskId = taskIdOf(data);
    try {
      if (!actor)
        throw new DelegateError('user_input', 'unknown_actor', "I can't tell who you are, so I can't accept this.");
      if (!isVerb(verb)) {
        log.warn({}, 'unknown card verb');
        throw new DelegateError(
          'user_input',
          'unknown_verb',
          "This button isn't one I know. The card may be from an older version of Delegate.",
        );
      }
      const parsed = VERB_SCHEMAS[verb].safeParse(data ?? {});
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'invalid card data');
        throw new DelegateError(
          'user_input',
          'invalid_card_data',
          "This card's data isn't valid, so nothing was done.",
        );
      }
      const handler = this.handlers[verb] as (click: Click<Verb>) => Promise<AdaptiveCard>;
      const card = await handler({
        activity,
        actor,
        verb,
        data: parsed.data as VerbData<Verb>,
        decisionId: activity.id ?? this.deps.ids.uuid(),
      });
      log.info({ taskId: (parsed.data as { taskId: string }).taskId }, 'card action handled');
      return card;
    } catch (error) {
      const e = toDelegateError(error);
      if (actor && taskId && (e.code === 'unknown_verb' || e.code === 'invalid_card_data'))
        await this.refuseMalformed(taskId, actor, verb, e.code);
      // Who pressed what on which task: the refusal is also on the task's ledger (see `refuse`).
      log[e.kind === 'user_input' ? 'info' : 'error'](
        { err: error, code: e.code, taskId, actor },
        'card action failed',
      );
      return this.deps.renderer.render('error', errorView(e, correlationId));
    }
  }

  private async decideAndShow(
    click: Click<'approve' | 'reject' | 'skip' | 'cancel' | 'retry' | 'pause' | 'resume' | 'revert'>,
    verb: 'approve' | 'reject' | 'skip' | 'cancel' | 'retry' | 'pause' | 'resume' | 'revert',
    reason?: string,
  ): Promise<AdaptiveCard> {
    const { taskId, planVersion, stepId } = click.data;
    const result = await this.deps.engine.decide({
      id: click.decisionId,
      taskId,
      planVersion,
      stepId,
      verb,
      actor: click.actor,
      reason,
      names: namesOf(click),
    });
    return this.afterDecision(result, click.data, click.actor);
  }

  private async approve(click: Click<'approve'>): Promise<AdaptiveCard> {
    const { taskId, planVersion, stepId, remember } = click.data;
    const result = await this.deps.engine.decide({
      id: click.decisionId,
      taskId,
      planVersion,
      stepId,
      verb: 'approve',
      actor: click.actor,
      remember: stepId !== undefined && remember,
      names: namesOf(click),
    });
    return this.afterDecision(result, click.data, click.actor);
  }

  /** A refused reassign leaves the checkpoint as it was, with a notice saying why. */
  private async reassign(click: Click<'reassign'>): Promise<AdaptiveCard> {
    const task = await this.authorised(click);
    try {
      return await this.tryReassign(click);
    } catch (error) {
      const e = toDelegateError(error);
      if (e.kind !== 'user_input') throw error;
      // Refusals the engine decided are on the ledger already; the ones found here (nobody named, nobody found) go there now.
      if (e.code === 'reassign_nobody' || e.code === 'reassign_unknown') await this.refuse(click, e.code);
      return this.current(await this.deps.engine.getTask(task.id), click.data, click.actor, e.userMessage);
    }
  }

  private async tryReassign(click: Click<'reassign'>): Promise<AdaptiveCard> {
    const { taskId, planVersion, stepId, reassignTo } = click.data;
    if (!reassignTo)
      throw new DelegateError(
        'user_input',
        'reassign_nobody',
        'Say who should approve instead: a name or an email address.',
      );
    const person = await this.deps.people(reassignTo, click.actor);
    if ('error' in person) throw new DelegateError('user_input', 'reassign_unknown', person.error);
    const result = await this.deps.engine.decide({
      id: click.decisionId,
      taskId,
      planVersion,
      stepId,
      verb: 'reassign',
      actor: click.actor,
      target: person.id,
      reason: `to ${person.name}`,
      names: { ...namesOf(click), [person.id]: person.name },
    });
    if (result.kind === 'applied') void this.deps.notifier.notify(result.task, 'escalated').catch(() => undefined);
    return this.afterDecision(result, click.data, click.actor);
  }

  private async save(click: Click<'save'>): Promise<AdaptiveCard> {
    const { taskId, planVersion, stepId, values } = click.data;
    const { engine, renderer, catalogue } = this.deps;
    if (!stepId) {
      const instruction = (values.outcome ?? '').trim();
      const task = await this.authorised(click);
      if (instruction === '')
        return renderer.render('edit-form', planEditView(task, engine.revises, 'Please say what should be done.'));
      const result = await engine.revise({
        taskId,
        actor: click.actor,
        planVersion,
        instruction,
        decisionId: click.decisionId,
      });
      if (result.kind === 'unplannable')
        return renderer.render('edit-form', planEditView(result.task, engine.revises, result.message, instruction));
      return this.afterDecision(result, click.data, click.actor);
    }
    const before = await engine.getTask(taskId);
    const choices = mayDecide(before, click.actor) ? await this.choicesFor(before, stepId) : {};
    const result = await engine.decide({
      id: click.decisionId,
      taskId,
      planVersion,
      stepId,
      verb: 'edit',
      actor: click.actor,
      values,
      choices,
      names: namesOf(click),
    });
    // An edit of a failed step that now waits for others (more approvals, new warnings) needs a
    // checkpoint card they can act on: the clicked card here is the task card.
    if (result.kind === 'applied' && result.task.status === 'awaiting_checkpoint' && click.data.card === 'task') {
      void this.deps.notifier.notify(result.task, 'checkpoint').catch(() => undefined);
    }
    if (result.kind === 'refused' && result.error.code === 'invalid_edit') {
      // The form comes back as it was sent, with what is wrong with each field: nothing typed is lost.
      const step = result.task.plan.steps.find((s) => s.id === stepId);
      if (step)
        return renderer.render(
          'edit-form',
          stepEditView(
            result.task,
            step,
            catalogue,
            result.error.userMessage,
            { values, problems: result.problems ?? {} },
            choices,
          ),
        );
    }
    const edited = result.kind === 'applied' ? result.task.plan.steps.find((s) => s.id === stepId) : undefined;
    if (
      edited?.status === 'awaiting_approval' &&
      !edited.approvedBy.includes(click.actor) &&
      click.data.card !== 'task'
    )
      return this.current(result.task, click.data, click.actor, EDIT_WAITS);
    return this.afterDecision(result, click.data, click.actor);
  }

  private async showEditForm(click: Click<'edit'>): Promise<AdaptiveCard> {
    const task = await this.authorised(click);
    const { stepId, planVersion } = click.data;
    if (task.plan.version !== planVersion) return this.current(task, click.data, click.actor);
    if (!stepId)
      return task.status === 'awaiting_plan_approval'
        ? this.deps.renderer.render('edit-form', planEditView(task, this.deps.engine.revises))
        : this.current(task, click.data, click.actor);
    const step = task.plan.steps.find((s) => s.id === stepId);
    const editable =
      step &&
      ((task.status === 'awaiting_checkpoint' && step.status === 'awaiting_approval') ||
        (task.status === 'failed' && step.status === 'failed'));
    if (!step || !editable) return this.current(task, click.data, click.actor);
    const choices = await this.choicesFor(task, step.id);
    return this.deps.renderer.render(
      'edit-form',
      stepEditView(task, step, this.deps.catalogue, '', undefined, choices),
    );
  }

  /** The pickers' lists for a step's Edit form: the requester's folders and channels, as the requester. */
  private async choicesFor(task: Task, stepId: string): Promise<EditChoices> {
    const step = task.plan.steps.find((s) => s.id === stepId);
    const spec = step && this.deps.catalogue.get(step.action);
    const fields = spec ? editableFields(spec) : [];
    if (!this.deps.editChoices || !fields.some((f) => f.kind === 'folder' || f.kind === 'channel')) return {};
    return this.deps.editChoices({ id: task.requester.id, upn: task.requester.upn }, fields);
  }

  private async showRejectChoice(click: Click<'reject'>): Promise<AdaptiveCard> {
    const task = await this.authorised(click);
    const step = task.plan.steps.find((s) => s.id === click.data.stepId);
    const pending =
      step &&
      task.plan.version === click.data.planVersion &&
      task.status === 'awaiting_checkpoint' &&
      step.status === 'awaiting_approval';
    if (!step || !pending) return this.current(task, click.data, click.actor);
    return this.deps.renderer.render('reject', rejectView(task, step, this.deps.catalogue));
  }

  private async showPlanReject(click: Click<'reject'>): Promise<AdaptiveCard> {
    const task = await this.authorised(click);
    if (task.status !== 'awaiting_plan_approval' || task.plan.version !== click.data.planVersion)
      return this.current(task, click.data, click.actor);
    return this.deps.renderer.render('plan-reject', planRejectView(task));
  }

  private async revise(click: Click<'revise'>): Promise<AdaptiveCard> {
    const { taskId, planVersion, reason } = click.data;
    const instruction = (reason ?? '').trim();
    const task = await this.authorised(click);
    if (instruction === '') return this.deps.renderer.render('plan-reject', planRejectView(task));
    const result = await this.deps.engine.revise({
      taskId,
      actor: click.actor,
      planVersion,
      instruction,
      decisionId: click.decisionId,
    });
    if (result.kind === 'unplannable')
      return this.deps.renderer.render('edit-form', planEditView(result.task, true, result.message, instruction));
    return this.afterDecision(result, { card: 'task' }, click.actor);
  }

  private async answer(click: Click<'answer'>): Promise<AdaptiveCard> {
    const { taskId, planVersion, values } = click.data;
    const answer = (values.answer ?? '').trim();
    if (answer === '') return this.current(await this.authorised(click), { card: 'task' }, click.actor);
    const result = await this.deps.engine.answer({
      taskId,
      actor: click.actor,
      planVersion,
      answer,
      decisionId: click.decisionId,
    });
    if (result.kind === 'unplannable') {
      // Nothing left to plan with: say so on the task card and end the task.
      await this.deps.engine.cancel(taskId, click.actor, `${click.decisionId}:cancel`);
      throw new DelegateError('user_input', 'unplannable', result.message);
    }
    return this.afterDecision(result, { card: 'task' }, click.actor);
  }

  /** A task the clicker may see (see {@link maySee}); card data names the task, so it is never enough alone. */
  private async visible(click: Click<Verb>): Promise<Task> {
    const task = await this.deps.engine.findTask(click.data.taskId);
    const from: Vantage = {
      actor: click.actor,
      conversationId: baseConversationId(click.activity.conversation?.id ?? ''),
      via: 'card',
    };
    if (task && !maySee(task, from)) await this.refuse(click, 'task_not_visible');
    if (!task || !maySee(task, from))
      throw new DelegateError(
        'user_input',
        'task_not_found',
        "I can't find that task. It may belong to another conversation.",
      );
    return task;
  }

  private async authorised(click: Click<Verb>): Promise<Task> {
    const task = await this.deps.engine.getTask(click.data.taskId);
    if (!mayDecide(task, click.actor)) {
      await this.refuse(click, 'not_authorised');
      throw new DelegateError(
        'user_input',
        'not_authorised',
        "You're not an approver of this task, so this button isn't yours to press.",
      );
    }
    return task;
  }

  /**
   * A click the card data could not even name a verb or target for is still a click on a task, if
   * the task exists: on its ledger with the button as pressed (cut short), never trusted further.
   */
  private async refuseMalformed(taskId: string, actor: string, verb: string, reason: string): Promise<void> {
    const task = await this.deps.engine.findTask(taskId).catch(() => undefined);
    if (!task) return;
    await this.deps.engine
      .recordRefusal({ taskId: task.id, actor, verb: verb.slice(0, 40), reason })
      .catch((error: unknown) => this.deps.logger.error({ err: error, taskId: task.id }, 'refusal not recorded'));
  }

  /** A click refused before it reaches the engine is on the task's ledger too: actor, verb, reason. */
  private async refuse(click: Click<Verb>, reason: string): Promise<void> {
    const { taskId, planVersion } = click.data;
    const stepId = 'stepId' in click.data ? click.data.stepId : undefined;
    await this.deps.engine.recordRefusal({ taskId, actor: click.actor, verb: click.verb, reason, planVersion, stepId });
  }

  private afterDecision(
    result: DecideResult,
    data: { stepId?: string; card?: 'task' | 'checkpoint' | 'result' },
    viewer: string,
  ): AdaptiveCard {
    // A refused click by someone who may decide keeps the card they clicked (with the buttons
    // they can use), and says why.
    if (result.kind === 'refused' && result.error.code !== 'not_authorised')
      return this.current(result.task, data, viewer, result.error.userMessage);
    if (result.kind === 'refused') throw result.error;
    // The clicked card is answered here; running tasks update the others from the worker. A
    // cancellation stops the worker, so the task card and open checkpoints are updated now.
    if (result.kind === 'applied' && result.task.status === 'cancelled') {
      void this.deps.notifier.notify(result.task, 'cancelled').catch(() => undefined);
    }
    if (result.kind === 'applied' && result.task.status === 'paused') {
      void this.deps.notifier.notify(result.task, 'paused').catch(() => undefined);
    }
    return this.current(result.task, data, viewer);
  }

  /** The up-to-date version of the clicked card (task card or a step's checkpoint card), as the viewer may see it. */
  private current(
    task: Task,
    data: { stepId?: string; card?: 'task' | 'checkpoint' | 'result' },
    viewer: string,
    notice = '',
  ): AdaptiveCard {
    const { renderer, catalogue } = this.deps;
    const step = data.stepId ? task.plan.steps.find((s) => s.id === data.stepId) : undefined;
    const kind = data.card ?? (step ? 'checkpoint' : 'task');
    if (kind === 'checkpoint' && step)
      return renderer.render('checkpoint', { ...checkpointView(task, step, catalogue, viewer), notice });
    if (kind === 'result' && (task.status === 'completed' || task.status === 'nothing_done'))
      return renderer.render('result', resultView(task, catalogue, viewer));
    return renderer.render('task', { ...taskView(task, catalogue, viewer), notice });
  }
}

const EDIT_WAITS =
  'Your changes are saved. Nothing is approved yet: look at the warnings above, then Approve the edited action, or Revert the edit to go back to the step as it was.';

/** The clicker's display name as Teams sent it, for cards (authorisation uses the id only). */
function namesOf(click: { readonly actor: string; readonly activity: Activity }): Record<string, string> {
  const name = click.activity.from?.name;
  return typeof name === 'string' && name !== '' ? { [click.actor]: name } : {};
}

/** The task a click names, for the log line; card data is untrusted, so only a plain string counts. */
function taskIdOf(data: unknown): string | undefined {
  const taskId = (data as { taskId?: unknown } | null)?.taskId;
  return typeof taskId === 'string' ? taskId.slice(0, 100) : undefined;
}
