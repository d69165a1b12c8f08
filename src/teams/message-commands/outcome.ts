import { TurnContext } from 'botbuilder';
import type { Person } from '../../engine/model';
import { timeZoneOf } from '../activity';
import { continueTask } from '../follow-up';
import { helpText } from '../help';
import { replyWithTaskCard } from '../task-card-reply';
import { findRecurrence } from '../../planning/recurrence/recurrence-words';
import { createSchedule } from './schedules';
import { conversationScope, say, type CommandHandler } from './turn';

/** Anything that is not a command: a new outcome, planned within the turn into a plan card (empty text gets help). */
export const outcome: CommandHandler<'outcome'> = async (turn) => {
  if (turn.command.text === '') {
    await say(turn, helpText(turn.deps.catalogue));
    return;
  }
  const { context, deps, actor, log } = turn;
  // An answer to the planner's question, or a change to the plan just shown, continues that task.
  if (await continueTask(deps, context, actor, turn.command.text, log)) return;
  const activity = context.activity;
  // "Every Monday at 9am email Megan …": recurring work, approved once as a schedule.
  const recurring = deps.schedules
    ? findRecurrence(turn.command.text, deps.clock.now(), timeZoneOf(activity, deps.defaultTimeZone))
    : undefined;
  if (recurring) {
    await createSchedule(turn, recurring);
    return;
  }
  // A model takes seconds to plan: show that Delegate is working on it.
  if (deps.engine.revises) await context.sendActivity({ type: 'typing' });
  const profile = await deps.profiles(actor);
  const requester: Person = { id: actor, name: profile?.name ?? activity.from.name ?? 'you', upn: profile?.upn };
  const scope = await conversationScope(turn);
  const result = await deps.engine.startTask({
    outcome: turn.command.text,
    requester,
    scope,
    approvers: await deps.approvers.of(scope),
    conversation: TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>,
    timeZone: timeZoneOf(activity, deps.defaultTimeZone),
  });
  if (result.kind === 'unplannable') {
    await say(turn, result.message);
    return;
  }
  await replyWithTaskCard(context, result.task, deps);
  log.info({ taskId: result.task.id, steps: result.task.plan.steps.length }, 'plan proposed');
};
