import { CardFactory, MessageFactory } from 'botbuilder';
import { scopeOf } from '../activity';
import { helpText } from '../help';
import { auditView } from '../views/audit-view';
import { TASK_STATUS_LABELS } from '../views/labels';
import { taskView } from '../views/task-view';
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

export const tasks: CommandHandler<'tasks'> = async (turn) => say(turn, await taskList(turn));

export const status: CommandHandler<'status'> = async (turn) => {
  const task = await visibleTask(turn, turn.command.taskId);
  await turn.context.sendActivity(
    MessageFactory.attachment(
      CardFactory.adaptiveCard(turn.deps.renderer.render('task', taskView(task, turn.deps.catalogue))),
    ),
  );
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

/** The sender's tasks in a personal chat; the conversation's tasks in a channel or group chat. */
async function taskList(turn: Turn): Promise<string> {
  const scope = scopeOf(turn.context.activity);
  const query =
    scope.kind === 'personal'
      ? { requesterId: turn.actor, limit: 20 }
      : { conversationId: scope.conversationId, limit: 20 };
  const found = await turn.deps.engine.listTasks(query);
  if (found.length === 0)
    return scope.kind === 'personal'
      ? "You have no tasks yet. Tell me an outcome and I'll plan it."
      : 'This conversation has no tasks yet.';
  const lines = found.map((t) => `- **${t.id}** — ${t.title} — ${TASK_STATUS_LABELS[t.status].label}`);
  return [
    scope.kind === 'personal' ? 'Your tasks, newest first:' : "This conversation's tasks, newest first:",
    ...lines,
    '',
    "Say `status` and a task's id for its card.",
  ].join('\n');
}
