import { DelegateError } from '../../engine/errors';
import { TASK_STATUS_LABELS } from '../views/labels';
import { decisionIdOf, notifyCards, say, visibleTask, type CommandHandler } from './turn';

/** The commands that change a task: follow it, hand it on, forget its approvals, cancel, pause, resume. */

const PAST = { cancel: 'cancelled', pause: 'paused', resume: 'resumed' } as const;

const watchOrUnwatch: CommandHandler<'watch' | 'unwatch'> = async (turn) => {
  const task = await visibleTask(turn, turn.command.taskId);
  const on = turn.command.name === 'watch';
  const updated = await turn.deps.engine.watch(task.id, turn.actor, on, decisionIdOf(turn));
  await notifyCards(turn, updated, 'progress');
  await say(turn, on ? `You're following task ${task.id}.` : `You no longer follow task ${task.id}.`);
};

export const watch: CommandHandler<'watch'> = watchOrUnwatch;
export const unwatch: CommandHandler<'unwatch'> = watchOrUnwatch;

/** `owner <id> <person>`: hands the task to someone else. */
export const owner: CommandHandler<'owner'> = async (turn) => {
  const { activity } = turn.context;
  const { actor, deps } = turn;
  const task = await visibleTask(turn, turn.command.taskId);
  const person = await deps.resolvePerson(turn.command.person);
  if ('error' in person) throw new DelegateError('user_input', 'unknown_person', person.error);
  const result = await deps.engine.transfer(task.id, actor, person.id, decisionIdOf(turn), {
    [person.id]: person.name,
    ...(activity.from?.name ? { [actor]: activity.from.name } : {}),
  });
  if (result.kind === 'refused') throw result.error;
  if (result.kind === 'applied') await notifyCards(turn, result.task, 'progress');
  await say(
    turn,
    result.kind === 'applied'
      ? `${person.name} now owns task ${task.id}.`
      : `${person.name} already owns task ${task.id}.`,
  );
};

/** `forget <id>`: drops the task's remembered approvals. */
export const forget: CommandHandler<'forget'> = async (turn) => {
  const task = await visibleTask(turn, turn.command.taskId);
  const result = await turn.deps.engine.command('forget', task.id, turn.actor, decisionIdOf(turn));
  if (result.kind === 'refused') throw result.error;
  if (result.kind === 'applied') await notifyCards(turn, result.task, 'progress');
  await say(
    turn,
    result.kind === 'applied'
      ? `Task ${task.id} no longer has remembered approvals: its next steps stop for approval again.`
      : `Task ${task.id} has no remembered approvals.`,
  );
};

const lifecycle: CommandHandler<'cancel' | 'pause' | 'resume'> = async (turn) => {
  const { name } = turn.command;
  const task = await visibleTask(turn, turn.command.taskId);
  const result = await turn.deps.engine.command(name, task.id, turn.actor, decisionIdOf(turn));
  if (result.kind === 'refused') throw result.error;
  if (result.kind === 'stale') {
    await say(
      turn,
      `Task ${task.id} can't be ${PAST[name]}: it is ${TASK_STATUS_LABELS[result.task.status].label.toLowerCase()}.`,
    );
    return;
  }
  await notifyCards(turn, result.task, name === 'cancel' ? 'cancelled' : name === 'pause' ? 'paused' : 'progress');
  await say(turn, `${PAST[name][0]?.toUpperCase()}${PAST[name].slice(1)} task ${task.id}.`);
};

export const cancel: CommandHandler<'cancel'> = lifecycle;
export const pause: CommandHandler<'pause'> = lifecycle;
export const resume: CommandHandler<'resume'> = lifecycle;
