import { mailboxOwner } from '../auth';
import { AVAILABILITY_DIGIT, availabilityIn, busyBlocks } from '../calendar/availability';
import { findMeetingTimes } from '../calendar/suggest';
import { workingHoursOf } from '../calendar/working-hours';
import { jsonBody, ok, type RequestContext } from '../context';
import { findUser } from '../directory';
import { badRequest } from '../errors';
import type { Router } from '../router';
import { MINUTE, parseDateTimeTimeZone, preferredZone, toDateTimeTimeZone } from '../time';
import { metadata } from './shared';

function suggest(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const result = findMeetingTimes(ctx.store, owner, jsonBody(ctx), ctx.now, preferredZone(ctx.headers.prefer));
  return ok({ '@odata.context': metadata(ctx, 'microsoft.graph.meetingTimeSuggestionsResult'), ...result });
}

/** Free/busy for a list of people, with Graph's availabilityView digits per interval. */
function getSchedule(ctx: RequestContext) {
  mailboxOwner(ctx);
  const body = jsonBody(ctx);
  const schedules = body.schedules;
  if (!Array.isArray(schedules) || schedules.length === 0)
    throw badRequest("'schedules' must list at least one address.", 'ErrorInvalidRequest');
  const start = parseDateTimeTimeZone(body.startTime, 'startTime');
  const end = parseDateTimeTimeZone(body.endTime, 'endTime');
  const interval = typeof body.availabilityViewInterval === 'number' ? body.availabilityViewInterval : 30;
  if (interval < 5 || interval > 1440)
    throw badRequest('availabilityViewInterval must be between 5 and 1440.', 'ErrorInvalidRequest');
  const zone = preferredZone(ctx.headers.prefer);
  const value = schedules.map((id) => {
    const user = findUser(String(id));
    if (!user) {
      return {
        scheduleId: String(id),
        availabilityView: '',
        scheduleItems: [],
        workingHours: null,
        error: {
          message: `The user or group ${String(id)} could not be found.`,
          responseCode: 'ErrorMailRecipientNotFound',
        },
      };
    }
    const blocks = busyBlocks(ctx.store, user.id, start, end);
    let view = '';
    for (let s = start.getTime(); s < end.getTime(); s += interval * MINUTE) {
      const e = s + interval * MINUTE;
      const state = availabilityIn(blocks, s, e);
      view += state === 'unknown' ? '0' : AVAILABILITY_DIGIT[state];
    }
    return {
      scheduleId: String(id),
      availabilityView: view,
      scheduleItems: blocks.map((b) => ({
        isPrivate: false,
        status: b.showAs,
        subject: b.event.subject,
        location: b.event.location.displayName,
        isMeeting: b.event.attendees.length > 0,
        isRecurring: false,
        isException: false,
        isReminderSet: true,
        start: toDateTimeTimeZone(new Date(b.start), zone),
        end: toDateTimeTimeZone(new Date(b.end), zone),
      })),
      workingHours: workingHoursOf(ctx.store, user.id),
    };
  });
  return ok({ '@odata.context': metadata(ctx, 'Collection(microsoft.graph.scheduleInformation)'), value });
}

export function registerScheduleRoutes(router: Router): void {
  router.post('/users/:user/findMeetingTimes', suggest);
  router.post('/users/:user/calendar/getSchedule', getSchedule);
}
