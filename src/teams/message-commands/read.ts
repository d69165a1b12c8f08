import { CardFactory, MessageFactory } from 'botbuilder';
import { scopeOf, timeZoneOf } from '../activity';
import type { AdaptiveCard } from '../cards';
import { tasksView } from '../views/tasks-view';
import { helpText } from '../help';
import { auditView } from '../views/audit-view';
import { taskView } from '../views/task-view';
import { checkpointView } from '../views/checkpoint-view';
import { conversationScope, say, visibleTask, type CommandHandler, type Turn } from './turn';

/** The commands that only read: help, usage, policy, tasks, a task's status and its audit. */

export const help: CommandHandler<'help'> = (turn) => say(turn, helpText(turn.deps.catalogue));

export const usage: CommandHandler<'usage'> = (turn) => say(turn, turn.command.message);

export const policy: CommandHandler<'policy'> = async (turn) =>
  say(
    turn,
    [
      '**Policy for this conversation**',
      '',
      ...turn.deps.policy(await conversationScope(turn)).map((line) => `- ${line}`),
    ].join('\n'),
  );

export const tasks: CommandHandler<'tasks'> = async (turn) => {
  await turn.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(await taskList(turn))));
};

/**
 * A task's card; a task waiting at a checkpoint also gets the checkpoint card, with its buttons
 * for whoever may decide (in a shared conversation the card is the shared one: approvers get
 * their buttons from its refresh, as with any checkpoint card).
 */
export const status: CommandHandler<'status'> = async (turn) => {
  const task = await visibleTask(turn, turn.command.taskId);
  const { renderer, catalogue } = turn.deps;
  const viewer = task.scope.kind === 'personal' ? turn.actor : undefined;
  const cards = [renderer.render('task', taskView(task, catalogue, viewer))];
  const waiting = task.plan.steps.find((s) => s.status === 'awaiting_approval');
  if (task.status === 'awaiting_checkpoint' && waiting)
    cards.push(renderer.render('checkpoint', checkpointView(task, waiting, catalogue, viewer)));
  for (const card of cards) await turn.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
};

/** A task's audit trail; policy admins may read any task's. */
export const audit: CommandHandler<'audit'> = async (turn) => {
  const { deps } = turn;
  const task = await visibleTask(turn, turn.command.taskId, (await deps.admins()).includes(turn.actor));
  const entries = await deps.store.listLedger({ taskId: task.id, limit: 1000 });
  const card = deps.renderer.render(
    'audit',
    auditView(task, entries, 'hash-chained; npm run audit -- verify checks the whole chain'),
  );
  await turn.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
};

/** The sender's tasks in a personal chat; the conversation's tasks in a channel or group chat: a card with buttons. */
async function taskList(turn: Turn): Promise<AdaptiveCard> {
  const scope = scopeOf(turn.context.activity);
  const personal = scope.kind === 'personal';
  const query = personal ? { requesterId: turn.actor, limit: 20 } : { conversationId: scope.conversationId, limit: 20 };
  const found = await turn.deps.engine.listTasks(query);
  const zone = timeZoneOf(turn.context.activity, turn.deps.defaultTimeZone);
  return turn.deps.renderer.render('tasks', tasksView(found, personal, turn.deps.clock.now(), zone));
}
