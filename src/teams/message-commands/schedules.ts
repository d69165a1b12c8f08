import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { DelegateError } from '../../engine/errors';
import type { Person } from '../../engine/model';
import type { FoundRecurrence } from '../../planning/recurrence/recurrence-words';
import { recurrenceOf } from '../../planning/recurrence/recurrence-words';
import { baseConversationId, scopeOf } from '../activity';
import { scheduleCard, visibleSchedule, type ScheduleEdgeDeps } from '../schedule-edge';
import { schedulesView } from '../views/schedules-view';
import { conversationScope, say, type CommandHandler, type Turn } from './turn';

/** Recurring work: create a schedule from a request with recurrence words, list them, and change one. */

function scheduling(turn: Turn): ScheduleEdgeDeps {
  const edge = turn.deps.schedules;
  if (!edge) throw new DelegateError('user_input', 'schedules_off', "Recurring work isn't available here.");
  return edge;
}

async function reply(turn: Turn, card: Record<string, unknown>): Promise<void> {
  await turn.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** Whether the actor may create a schedule in this conversation (policy `schedules.channelCreators`). */
async function mayCreateIn(turn: Turn, approvers: readonly string[]): Promise<boolean> {
  const scope = scopeOf(turn.context.activity);
  if (scope.kind !== 'channel') return true;
  const rule = scheduling(turn).policy().channelCreators;
  if (rule === 'anyone') return true;
  const admins = await turn.deps.admins();
  if (admins.includes(turn.actor)) return true;
  return rule === 'approvers' && approvers.includes(turn.actor);
}

/** A request with recurrence words: plan it once as the template, store the schedule and show its card. */
export async function createSchedule(turn: Turn, found: FoundRecurrence): Promise<void> {
  const edge = scheduling(turn);
  const { context, deps, actor, log } = turn;
  const activity = context.activity;
  const profile = await deps.profiles(actor);
  const owner: Person = { id: actor, name: profile?.name ?? activity.from.name ?? 'you', upn: profile?.upn };
  const scope = await conversationScope(turn);
  const approvers = await deps.approvers.of(scope);
  const schedule = await edge.service.create({
    request: found.rest,
    recurrence: found.recurrence,
    owner,
    scope,
    approvers,
    conversation: TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>,
    mayCreateHere: await mayCreateIn(turn, approvers),
  });
  await reply(turn, scheduleCard(deps, edge, schedule, scope.kind === 'personal' ? actor : undefined));
  log.info({ scheduleId: schedule.id, rrule: schedule.recurrence.rrule }, 'schedule proposed');
}

/** `schedules`: the sender's schedules in a personal chat; the conversation's in a channel or group chat. */
export const schedules: CommandHandler<'schedules'> = async (turn) => {
  const edge = scheduling(turn);
  const scope = scopeOf(turn.context.activity);
  const personal = scope.kind === 'personal';
  const list = await edge.service.list({
    ...(personal ? { personId: turn.actor } : { conversationId: scope.conversationId }),
    statuses: ['pending_approval', 'active', 'paused'],
    limit: 50,
  });
  await reply(turn, turn.deps.renderer.render('schedules', schedulesView(list, personal)));
};

/** `schedule <action> <id>`: show, pause, resume, delete, run now, approve, reject, or edit the recurrence. */
export const schedule: CommandHandler<'schedule'> = async (turn) => {
  const edge = scheduling(turn);
  const { action, scheduleId, text } = turn.command;
  const { activity } = turn.context;
  const conversationId = baseConversationId(activity.conversation.id);
  const found = await visibleSchedule(edge.service, scheduleId, turn.actor, conversationId);
  const viewer = found.scope.kind === 'personal' ? turn.actor : undefined;
  switch (action) {
    case 'show':
      await reply(turn, scheduleCard(turn.deps, edge, found, viewer));
      return;
    case 'run': {
      await edge.service.checkManager(found, turn.actor, 'run');
      if (found.status !== 'active' && found.status !== 'paused')
        throw new DelegateError(
          'user_input',
          'schedule_stale',
          `Schedule ${found.id} isn't approved yet, so it can't run.`,
        );
      const task = await edge.scheduler.runNow(found, turn.actor);
      await say(
        turn,
        task
          ? `Started a run of schedule ${found.id} now: task ${task.id}.`
          : `Schedule ${found.id} could not start a run now; see its last result with \`schedule show ${found.id}\`.`,
      );
      return;
    }
    case 'edit': {
      // A recurrence changes when it runs; anything else is a new request for what it runs.
      const rule = recurrenceOf(text ?? '', turn.deps.clock.now(), found.recurrence.timeZone);
      const edited = rule
        ? await edge.service.editRecurrence(found.id, turn.actor, rule.recurrence)
        : await edge.service.editRequest(found.id, turn.actor, text ?? '');
      await reply(turn, scheduleCard(turn.deps, edge, edited, viewer));
      return;
    }
    default: {
      const changed = await edge.service.decide(found.id, action, turn.actor);
      await reply(turn, scheduleCard(turn.deps, edge, changed, viewer));
    }
  }
};
