import type { Catalogue } from '../engine/catalogue';
import { DelegateError } from '../engine/errors';
import type { Clock } from '../engine/ports';
import type { Schedule } from '../engine/schedule-model';
import type { SchedulePolicy } from '../engine/schedule-policy';
import type { Scheduler } from '../engine/scheduler';
import type { Schedules } from '../engine/schedules';
import type { AdaptiveCard, CardRenderer } from './cards';
import { scheduleView } from './views/schedule-view';

/** What the Teams edge needs for recurring work. */
export interface ScheduleEdgeDeps {
  readonly service: Schedules;
  readonly scheduler: Pick<Scheduler, 'runNow'>;
  /** The `schedules` policy section. */
  readonly policy: () => SchedulePolicy;
}

/**
 * Who may see a schedule: anyone in the conversation it lives in; its owner and approvers from
 * anywhere (their personal chat, a card). Everyone else gets "not found", which tells nothing.
 */
export function maySeeSchedule(schedule: Schedule, actor: string, conversationId: string): boolean {
  return (
    schedule.status !== 'deleted' &&
    (schedule.scope.conversationId === conversationId ||
      schedule.owner.id === actor ||
      schedule.approvers.includes(actor))
  );
}

/** The schedule, if the actor may see it from this conversation; else a "not found" error. */
export async function visibleSchedule(
  service: Schedules,
  id: string,
  actor: string,
  conversationId: string,
): Promise<Schedule> {
  const schedule = await service.get(id);
  if (!schedule || !maySeeSchedule(schedule, actor, conversationId))
    throw new DelegateError(
      'user_input',
      'schedule_not_found',
      `I can't find a schedule ${id} that you can see. Say \`schedules\` to list them.`,
    );
  return schedule;
}

/** The schedule card for a viewer (undefined: the card everyone in the conversation sees). */
export function scheduleCard(
  parts: { readonly renderer: CardRenderer; readonly catalogue: Catalogue; readonly clock: Clock },
  schedules: ScheduleEdgeDeps,
  schedule: Schedule,
  viewer: string | undefined,
  extra: { readonly editing?: boolean; readonly note?: string } = {},
): AdaptiveCard {
  return parts.renderer.render(
    'schedule',
    scheduleView(schedule, {
      now: parts.clock.now(),
      catalogue: parts.catalogue,
      policy: schedules.policy(),
      viewer,
      ...extra,
    }),
  );
}
