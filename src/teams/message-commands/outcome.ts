import { TurnContext } from 'botbuilder';
import type { Person } from '../../engine/model';
import { activityTimeZone } from '../activity';
import { continueTask } from '../follow-up';
import { helpText } from '../help';
import { replyWithTaskCard } from '../task-card-reply';
import { findRecurrence } from '../../planning/recurrence/recurrence-words';
import { createSchedule } from './schedules';
import { conversationScope, say, type CommandHandler } from './turn';

/**
 * Anything that is not a command: a new outcome (empty text gets help). The rule planner plans
 * it within the turn into a plan card; a model-backed planner's request is taken in at once with
 * a "Planning…" card and planned by the worker, which updates that card in place.
 */
export const outcome: CommandHandler<'outcome'> = async (turn) => {
  if (turn.command.text === '') {
    await say(turn, helpText(turn.deps.catalogue));
    return;
  }
  const { context, deps, actor, log } = turn;
  // An answer to the planner's question, or a change to the plan just shown, continues that task.
  if (await continueTask(deps, context, actor, turn.command.text, log)) return;
  const activity = context.activity;
  // The sender's zone: as the activity says it, else as their mailbox settings say, else the default.
  const timeZone = activityTimeZone(activity) ?? (await deps.mailboxTimeZone?.(actor)) ?? deps.defaultTimeZone;
  // "Every Monday at 9am email Megan …": recurring work, approved once as a schedule.
  const recurring = deps.schedules ? findRecurrence(turn.command.text, deps.clock.now(), timeZone) : undefined;
  if (recurring) {
    await createSchedule(turn, recurring);
    return;
  }
  const profile = await deps.profiles(actor);
  const requester: Person = { id: actor, name: profile?.name ?? activity.from.name ?? 'you', upn: profile?.upn };
  const scope = await conversationScope(turn);
  const request = {
    outcome: turn.command.text,
    requester,
    scope,
    approvers: await deps.approvers.of(scope),
    conversation: TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>,
    timeZone,
  };
  if (deps.engine.plansInBackground) {
    // A model takes seconds (Teams redelivers after 15): answer now with a "Planning…" card,
    // which the worker updates in place with the plan or the question.
    const task = await deps.engine.acceptTask(request, (accepted) => replyWithTaskCard(context, accepted, deps));
    log.info({ taskId: task.id }, 'request taken in; planning outside the turn');
    return;
  }
  const result = await deps.engine.startTask(request);
  if (result.kind === 'unplannable') {
    await say(turn, result.message);
    return;
  }
  await replyWithTaskCard(context, result.task, deps);
  log.info({ taskId: result.task.id, steps: result.task.plan.steps.length }, 'plan proposed');
};
