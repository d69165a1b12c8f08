import { CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Catalogue } from '../engine/catalogue';
import type { Engine } from '../engine/engine';
import { DelegateError, toDelegateError } from '../engine/errors';
import type { Person, Scope, Task } from '../engine/model';
import type { Ids, Logger, Notifier, TaskStore } from '../engine/ports';
import type { ProfileLookup } from '../people/lookups';
import { actorOf, baseConversationId, scopeOf, timeZoneOf } from './activity';
import type { ApproversCommand } from './approvers-command';
import { recordCardShown } from './card-ledger';
import type { CardRenderer } from './cards';
import { parseCommand } from './commands';
import { continueTask } from './follow-up';
import { helpText } from './help';
import { TASK_STATUS_LABELS } from './views/labels';
import { auditView } from './views/audit-view';
import { errorView } from './views/error-view';
import { taskView } from './views/task-view';

const PAST = { cancel: 'cancelled', pause: 'paused', resume: 'resumed' } as const;

export type { ProfileLookup } from '../people/lookups';

export interface MessageDeps {
  readonly engine: Engine;
  readonly catalogue: Catalogue;
  readonly store: TaskStore;
  readonly renderer: CardRenderer;
  readonly notifier: Notifier;
  readonly ids: Ids;
  readonly logger: Logger;
  readonly profiles: ProfileLookup;
  readonly defaultTimeZone: string;
  /** The effective policy rules for a conversation, in plain words. */
  readonly policy: (scope: Scope) => string[];
  readonly approvers: ApproversCommand;
  /** The Graph team id for a channel activity's team (Teams may send the General channel's thread id). */
  readonly teamOf: (teamOrThreadId: string, memberId: string) => Promise<string | undefined>;
  /** Policy admins (user ids), who may read any task's audit. */
  readonly admins: () => Promise<string[]>;
  /** The one person a mention, name or email means. */
  readonly resolvePerson: (query: string) => Promise<{ id: string; name: string } | { error: string }>;
}

/** Handles a message: a command, or a new outcome that gets a plan card within the turn. */
export class MessageHandler {
  constructor(private readonly deps: MessageDeps) {}

  async handle(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const correlationId = this.deps.ids.uuid();
    const log = this.deps.logger.child({ correlationId, activityId: activity.id });
    try {
      const actor = actorOf(activity);
      if (!actor)
        throw new DelegateError(
          'user_input',
          'unknown_actor',
          "I can't tell who you are (no Microsoft Entra identity on the message), so I can't act for you.",
        );
      const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
      const command = parseCommand(text);
      log.info({ command: command.name }, 'message received');
      switch (command.name) {
        case 'help':
          await context.sendActivity(MessageFactory.text(helpText(this.deps.catalogue)));
          return;
        case 'usage':
          await context.sendActivity(MessageFactory.text(command.message));
          return;
        case 'policy':
          await context.sendActivity(
            MessageFactory.text(
              [
                '**Policy for this conversation**',
                '',
                ...this.deps.policy(await this.scopeOf(activity, actor)).map((line) => `- ${line}`),
              ].join('\n'),
            ),
          );
          return;
        case 'approvers': {
          const scope = await this.scopeOf(activity, actor);
          if (command.action === 'list') {
            await context.sendActivity(MessageFactory.text(await this.deps.approvers.list(scope)));
            return;
          }
          const changed = await this.deps.approvers.change(scope, actor, command.action, command.person);
          if (changed.changed) {
            await this.deps.store.appendLedger({
              taskId: `approvers:${scope.conversationId}`,
              type: 'policy_decision',
              actor,
              at: new Date().toISOString(),
              payload: { change: `approvers ${command.action}`, person: changed.person?.id ?? '' },
            });
          }
          await context.sendActivity(MessageFactory.text(changed.text));
          return;
        }
        case 'watch':
        case 'unwatch': {
          const task = await this.visibleTask(command.taskId, activity, actor);
          const on = command.name === 'watch';
          const updated = await this.deps.engine.watch(task.id, actor, on, activity.id ?? this.deps.ids.uuid());
          await this.deps.notifier
            .notify(updated, 'progress')
            .catch((err: unknown) => log.warn({ err }, 'could not update cards'));
          await context.sendActivity(
            MessageFactory.text(on ? `You're following task ${task.id}.` : `You no longer follow task ${task.id}.`),
          );
          return;
        }
        case 'owner': {
          const task = await this.visibleTask(command.taskId, activity, actor);
          const person = await this.deps.resolvePerson(command.person);
          if ('error' in person) throw new DelegateError('user_input', 'unknown_person', person.error);
          const result = await this.deps.engine.transfer(
            task.id,
            actor,
            person.id,
            activity.id ?? this.deps.ids.uuid(),
            { [person.id]: person.name, ...(activity.from?.name ? { [actor]: activity.from.name } : {}) },
          );
          if (result.kind === 'refused') throw result.error;
          if (result.kind === 'applied')
            await this.deps.notifier
              .notify(result.task, 'progress')
              .catch((err: unknown) => log.warn({ err }, 'could not update cards'));
          await context.sendActivity(
            MessageFactory.text(
              result.kind === 'applied'
                ? `${person.name} now owns task ${task.id}.`
                : `${person.name} already owns task ${task.id}.`,
            ),
          );
          return;
        }
        case 'forget': {
          const task = await this.visibleTask(command.taskId, activity, actor);
          const result = await this.deps.engine.command('forget', task.id, actor, activity.id ?? this.deps.ids.uuid());
          if (result.kind === 'refused') throw result.error;
          if (result.kind === 'applied')
            await this.deps.notifier
              .notify(result.task, 'progress')
              .catch((err: unknown) => log.warn({ err }, 'could not update cards'));
          await context.sendActivity(
            MessageFactory.text(
              result.kind === 'applied'
                ? `Task ${task.id} no longer has remembered approvals: its next steps stop for approval again.`
                : `Task ${task.id} has no remembered approvals.`,
            ),
          );
          return;
        }
        case 'tasks':
          await context.sendActivity(MessageFactory.text(await this.listTasks(activity, actor)));
          return;
        case 'status': {
          const task = await this.visibleTask(command.taskId, activity, actor);
          await context.sendActivity(
            MessageFactory.attachment(
              CardFactory.adaptiveCard(this.deps.renderer.render('task', taskView(task, this.deps.catalogue))),
            ),
          );
          return;
        }
        case 'audit': {
          const task = await this.visibleTask(
            command.taskId,
            activity,
            actor,
            (await this.deps.admins()).includes(actor),
          );
          const entries = await this.deps.store.listLedger({ taskId: task.id, limit: 1000 });
          const card = this.deps.renderer.render(
            'audit',
            auditView(task, entries, 'hash-chained; npm run audit -- verify checks the whole chain'),
          );
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          return;
        }
        case 'cancel':
        case 'pause':
        case 'resume': {
          const task = await this.visibleTask(command.taskId, activity, actor);
          const result = await this.deps.engine.command(
            command.name,
            task.id,
            actor,
            activity.id ?? this.deps.ids.uuid(),
          );
          if (result.kind === 'refused') throw result.error;
          if (result.kind === 'stale') {
            await context.sendActivity(
              MessageFactory.text(
                `Task ${task.id} can't be ${PAST[command.name]}: it is ${TASK_STATUS_LABELS[result.task.status].label.toLowerCase()}.`,
              ),
            );
            return;
          }
          const event = command.name === 'cancel' ? 'cancelled' : command.name === 'pause' ? 'paused' : 'progress';
          await this.deps.notifier
            .notify(result.task, event)
            .catch((err: unknown) => log.warn({ err }, 'could not update cards'));
          await context.sendActivity(
            MessageFactory.text(
              `${PAST[command.name][0]?.toUpperCase()}${PAST[command.name].slice(1)} task ${task.id}.`,
            ),
          );
          return;
        }
        case 'outcome':
          if (command.text === '') {
            await context.sendActivity(MessageFactory.text(helpText(this.deps.catalogue)));
            return;
          }
          // An answer to the planner's question, or a change to the plan just shown, continues that task.
          if (await continueTask(this.deps, context, actor, command.text, log)) return;
          await this.startTask(context, actor, command.text, log);
          return;
      }
    } catch (error) {
      const e = toDelegateError(error);
      log[e.kind === 'user_input' ? 'info' : 'error']({ err: error, code: e.code }, 'message failed');
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(this.deps.renderer.render('error', errorView(e, correlationId))),
        ),
      );
    }
  }

  private async startTask(context: TurnContext, actor: string, outcome: string, log: Logger): Promise<void> {
    const activity = context.activity;
    // A model takes seconds to plan: show that Delegate is working on it.
    if (this.deps.engine.revises) await context.sendActivity({ type: 'typing' });
    const profile = await this.deps.profiles(actor);
    const requester: Person = { id: actor, name: profile?.name ?? activity.from.name ?? 'you', upn: profile?.upn };
    const scope = await this.scopeOf(activity, actor);
    const result = await this.deps.engine.startTask({
      outcome,
      requester,
      scope,
      approvers: await this.deps.approvers.of(scope),
      conversation: TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>,
      timeZone: timeZoneOf(activity, this.deps.defaultTimeZone),
    });
    if (result.kind === 'unplannable') {
      await context.sendActivity(MessageFactory.text(result.message));
      return;
    }
    const card = this.deps.renderer.render('task', taskView(result.task, this.deps.catalogue));
    const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    if (sent?.id) await this.deps.store.setCardRef(result.task.id, 'task', sent.id);
    await recordCardShown(this.deps.store, result.task.id, 'task', sent?.id, card);
    log.info({ taskId: result.task.id, steps: result.task.plan.steps.length }, 'plan proposed');
  }

  /** Where the activity is, with the channel's team as its Graph id (approvers and policy are keyed by it). */
  private async scopeOf(activity: Activity, actor: string): Promise<Scope> {
    const scope = scopeOf(activity);
    if (scope.kind !== 'channel' || !scope.teamId) return scope;
    const teamId = await this.deps.teamOf(scope.teamId, actor);
    if (!teamId)
      throw new DelegateError(
        'system',
        'team_unknown',
        "I can't tell which team this channel belongs to right now, so I can't apply its approvers. Please try again in a moment.",
        { retryable: true },
      );
    return { ...scope, teamId };
  }

  private async listTasks(activity: Activity, actor: string): Promise<string> {
    const scope = scopeOf(activity);
    const query =
      scope.kind === 'personal'
        ? { requesterId: actor, limit: 20 }
        : { conversationId: scope.conversationId, limit: 20 };
    const tasks = await this.deps.engine.listTasks(query);
    if (tasks.length === 0)
      return scope.kind === 'personal'
        ? "You have no tasks yet. Tell me an outcome and I'll plan it."
        : 'This conversation has no tasks yet.';
    const lines = tasks.map((t) => `- **${t.id}** — ${t.title} — ${TASK_STATUS_LABELS[t.status].label}`);
    return [
      scope.kind === 'personal' ? 'Your tasks, newest first:' : "This conversation's tasks, newest first:",
      ...lines,
      '',
      "Say `status <id>` for a task's card.",
    ].join('\n');
  }

  /**
   * A task the sender may see here. In a channel or group chat, only that conversation's tasks
   * (the answer is posted for everyone there); in a personal chat, their own, or any for an admin.
   */
  private async visibleTask(taskId: string, activity: Activity, actor: string, admin = false): Promise<Task> {
    const task = await this.deps.engine.findTask(taskId);
    const here = task !== undefined && task.scope.conversationId === baseConversationId(activity.conversation.id);
    const shared = scopeOf(activity).kind !== 'personal';
    const mine = task !== undefined && (task.requester.id === actor || task.owner === actor || admin);
    if (!task || !(here || (!shared && mine))) {
      throw new DelegateError(
        'user_input',
        'task_not_found',
        `I can't find a task ${taskId} that you can see. Say \`tasks\` to list yours.`,
      );
    }
    return task;
  }
}
