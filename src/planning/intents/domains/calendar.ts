import { agendaIntent } from '../calendar/agenda';
import { cancelMeetingIntent } from '../calendar/cancel';
import {
  inviteToExisting,
  onlineExisting,
  renameExisting,
  uninviteFromExisting,
  whenIsIntent,
} from '../calendar/existing';
import { moveMeetingIntent } from '../calendar/move';
import { respondIntent } from '../calendar/respond';
import { schedulesIntent } from '../calendar/schedules';
import type { DomainIntent } from '../domain';

/**
 * The rule planner's calendar requests, tried in order, before the built-in meeting request
 * ("set up a meeting with …"), which none of them claims: each starts with its own verb.
 */
export const calendarIntents: readonly DomainIntent[] = [
  agendaIntent,
  whenIsIntent,
  onlineExisting,
  inviteToExisting,
  uninviteFromExisting,
  renameExisting,
  moveMeetingIntent,
  cancelMeetingIntent,
  respondIntent,
  schedulesIntent,
];
