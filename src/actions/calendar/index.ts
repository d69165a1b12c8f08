import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { cancelEvent } from './cancel-event';
import { getSchedules } from './get-schedules';
import { listEvents } from './list-events';
import { respond } from './respond';
import { updateEvent } from './update-event';

export { createEvent } from './create-event';
export { findMeetingTimes } from './find-meeting-times';

/**
 * The calendar actions of the catalogue, but for findMeetingTimes and createEvent, the first of
 * them, which src/actions/index.ts lists ahead of the domain families.
 */
export function calendarActions(gateway: GraphGateway): ActionSpec[] {
  return [listEvents(gateway), getSchedules(gateway), updateEvent(gateway), cancelEvent(gateway), respond(gateway)];
}
