import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Catalogue } from '../engine/catalogue';
import { DelegateError, toDelegateError } from '../engine/errors';
import type { Clock, Ids, Logger } from '../engine/ports';
import { recurrenceOf } from '../planning/recurrence/recurrence-words';
import { actorOf, baseConversationId } from './activity';
import type { AdaptiveCard, CardRenderer } from './cards';
import { scheduleCard, visibleSchedule, type ScheduleEdgeDeps } from './schedule-edge';
import { errorView } from './views/error-view';

/** A schedule card's buttons carry the schedule and the revision shown, nothing else that is trusted. */
const target = z.object({
  scheduleId: z.string().trim().min(1).max(64),
  revision: z.coerce.number().int().positive(),
});

/** The one table of schedule card verbs and their data. */
export const SCHEDULE_VERB_SCHEMAS = {
  scheduleApprove: target,
  scheduleReject: target,
  scheduleEdit: target,
  scheduleSave: target.extend({
    recurrence: z.string().trim().max(200).default(''),
    request: z.string().trim().max(2000).default(''),
  }),
  schedulePause: target,
  scheduleResume: target,
  scheduleRun: target,
  scheduleDelete: target,
  scheduleRefresh: target,
} as const;

export type ScheduleVerb = keyof typeof SCHEDULE_VERB_SCHEMAS;

export function isScheduleVerb(verb: string): verb is ScheduleVerb {
  return Object.prototype.hasOwnProperty.call(SCHEDULE_VERB_SCHEMAS, verb);
}

export interface ScheduleInvokeDeps {
  readonly schedules: ScheduleEdgeDeps;
  readonly renderer: CardRenderer;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly logger: Logger;
}

/**
 * Answers the schedule card's buttons with the card that replaces it. The actor comes from the
 * activity; the schedule from the store; a stale revision changes nothing and shows the current card.
 */
export class ScheduleInvokes {
  constructor(private readonly deps: ScheduleInvokeDeps) {}

  async handle(activity: Activity, verb: ScheduleVerb, data: unknown): Promise<AdaptiveCard> {
    const correlationId = this.deps.ids.uuid();
    const log = this.deps.logger.child({ correlationId, verb, activityId: activity.id });
    const actor = actorOf(activity);
    try {
      if (!actor)
        throw new DelegateError('user_input', 'unknown_actor', "I can't tell who you are, so I can't accept this.");
      const parsed = SCHEDULE_VERB_SCHEMAS[verb].safeParse(data ?? {});
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'invalid card data');
        throw new DelegateError(
          'user_input',
          'invalid_card_data',
          "This card's data isn't valid, so nothing was done.",
        );
      }
      const card = await this.act(
        activity,
        actor,
        verb,
        parsed.data as z.output<typeof target> & { recurrence?: string; request?: string },
      );
      log.info({ scheduleId: parsed.data.scheduleId }, 'schedule card action handled');
      return card;
    } catch (error) {
      const e = toDelegateError(error);
      log[e.kind === 'user_input' ? 'info' : 'error'](
        { err: error, code: e.code, actor },
        'schedule card action failed',
      );
      return this.deps.renderer.render('error', errorView(e, correlationId));
    }
  }

  private async act(
    activity: Activity,
    actor: string,
    verb: ScheduleVerb,
    data: { scheduleId: string; revision: number; recurrence?: string; request?: string },
  ): Promise<AdaptiveCard> {
    const { schedules } = this.deps;
    const service = schedules.service;
    const found = await visibleSchedule(service, data.scheduleId, actor, baseConversationId(activity.conversation.id));
    const card = (extra: { editing?: boolean; note?: string } = {}, s = found): AdaptiveCard =>
      scheduleCard(this.deps, schedules, s, actor, extra);
    const manage = (): Promise<void> => service.checkManager(found, actor, verb);
    switch (verb) {
      case 'scheduleRefresh':
        return card();
      case 'scheduleEdit':
        await manage();
        return card({ editing: true });
      case 'scheduleSave': {
        await manage();
        if (found.revision !== data.revision) return card({ note: 'This schedule changed meanwhile; here it is now.' });
        const words = data.recurrence ?? '';
        const request = (data.request ?? '').trim();
        const rule = words === '' ? undefined : recurrenceOf(words, this.deps.clock.now(), found.recurrence.timeZone);
        if (words !== '' && !rule)
          return card({
            editing: true,
            note: `I don't understand "${words}" as a recurrence. Try "every Tuesday at 10am".`,
          });
        let edited = found;
        if (request !== '' && request !== found.request) edited = await service.editRequest(found.id, actor, request);
        if (rule) edited = await service.editRecurrence(found.id, actor, rule.recurrence);
        if (edited === found) return card({ editing: true, note: 'Change when it runs or what it does, then Save.' });
        return card({}, edited);
      }
      case 'scheduleRun': {
        await manage();
        if (found.status !== 'active' && found.status !== 'paused')
          return card({ note: "This schedule isn't approved yet, so it can't run." });
        const task = await schedules.scheduler.runNow(found, actor);
        return card({ note: task ? `Started a run now: task ${task.id}.` : 'The run could not start.' });
      }
      default: {
        const action = (
          {
            scheduleApprove: 'approve',
            scheduleReject: 'reject',
            schedulePause: 'pause',
            scheduleResume: 'resume',
            scheduleDelete: 'delete',
          } as const
        )[verb];
        // Approve and reject bind to the revision shown; a stale card gets the current one back.
        if ((action === 'approve' || action === 'reject') && found.revision !== data.revision)
          return card({ note: 'This schedule changed since this card was shown; here it is now.' });
        return card({}, await service.decide(found.id, action, actor, data.revision));
      }
    }
  }
}
