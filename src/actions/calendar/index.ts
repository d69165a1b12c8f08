import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { cancelEvent } from './cancel-event';
import { getSchedules } from './get-schedules';
import { listEvents } from './list-events';
import { respond } from './respond';
import { updateEvent } from './update-event';

/** The calendar actions of the catalogue (findMeetingTimes and createEvent are registered beside them). */
export function calendarActions(gateway: GraphGateway): ActionSpec[] {
  return [listEvents(gateway), getSchedules(gateway), updateEvent(gateway), cancelEvent(gateway), respond(gateway)];
}
