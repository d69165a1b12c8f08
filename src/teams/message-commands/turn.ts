import { MessageFactory, type TurnContext } from 'botbuilder';
import { DelegateError } from '../../engine/errors';
import type { Scope, Task } from '../../engine/model';
import { maySee, type Vantage } from '../../engine/rights';
import type { Logger, TaskEvent } from '../../engine/ports';
import { baseConversationId, scopeOf } from '../activity';
import type { Command } from '../commands';
import type { MessageDeps } from '../message-handler';

export type CommandName = Command['name'];

/** Each command by its name (`approvers` lists or changes). */
type CommandsByName = { readonly [C in Command as C['name']]: C };

/** One message being answered: who sent it, the command it holds, and what answering may use. */
export interface Turn<N extends CommandName = CommandName> {
  readonly context: TurnContext;
  /** The sender's Entra object id, from the activity (never from its text). */
  readonly actor: string;
  readonly command: CommandsByName[N];
  readonly deps: MessageDeps;
  readonly log: Logger;
}

export type CommandHandler<N extends CommandName> = (turn: Turn<N>) => Promise<void>;

/** One handler per command, keyed by its name, so the compiler checks that every command has exactly one. */
export type CommandTable = { readonly [N in CommandName]: CommandHandler<N> };

/** Replies in the conversation with text (markdown). */
export async function say(turn: Turn, text: string): Promise<void> {
  await turn.context.sendActivity(MessageFactory.text(text));
}

/** The id that makes a command idempotent: the activity's own, redelivered with it. */
export function decisionIdOf(turn: Turn): string {
  return turn.context.activity.id ?? turn.deps.ids.uuid();
}

/** Updates the task's cards; a failure to do so is logged, never the command's failure. */
export async function notifyCards(turn: Turn, task: Task, event: TaskEvent): Promise<void> {
  await turn.deps.notifier
    .notify(task, event)
    .catch((err: unknown) => turn.log.warn({ err }, 'could not update cards'));
}

/** Where the activity is, with the channel's team as its Graph id (approvers and policy are keyed by it). */
export async function conversationScope(turn: Turn): Promise<Scope> {
  const scope = scopeOf(turn.context.activity);
  if (scope.kind !== 'channel' || !scope.teamId) return scope;
  const teamId = await turn.deps.teamOf(scope.teamId, turn.actor);
  if (!teamId)
    throw new DelegateError(
      'system',
      'team_unknown',
      "I can't tell which team this channel belongs to right now, so I can't apply its approvers. Please try again in a moment.",
      { retryable: true },
    );
  return { ...scope, teamId };
}

/** A task the sender may see here (see {@link maySee}); else a "not found" that tells nothing of it. */
export async function visibleTask(turn: Turn, taskId: string, admin = false): Promise<Task> {
  const { activity } = turn.context;
  const task = await turn.deps.engine.findTask(taskId);
  const from: Vantage = {
    actor: turn.actor,
    conversationId: baseConversationId(activity.conversation.id),
    via: scopeOf(activity).kind === 'personal' ? 'personal-chat' : 'shared-chat',
    admin,
  };
  if (!task || !maySee(task, from)) {
    throw new DelegateError(
      'user_input',
      'task_not_found',
      `I can't find a task ${taskId} that you can see. Say \`tasks\` to list yours.`,
    );
  }
  return task;
}
