import { draft, ref } from '../actions';
import { addressOf, joinNames, resolvePeople } from '../extract/people';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { clip, MAX_SUBJECT } from '../text/clip';
import type { BuildContext, Fragment } from './fragment';
import type { MeetingSpec } from './specs';

function lengthLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}

/**
 * Plan a meeting: `calendar.findMeetingTimes` over the window asked for, then
 * `calendar.createEvent` at the first suggestion. Attendees are resolved now; the requester,
 * as organiser, is never invited to their own meeting.
 */
export async function buildMeeting(spec: MeetingSpec, ctx: BuildContext): Promise<Result<Fragment>> {
  const resolved = await resolvePeople(spec.names, ctx.requester, ctx.directory);
  if (!resolved.ok) return resolved;
  const people = resolved.value.filter((person) => person.id !== ctx.requester.id);
  if (people.length === 0) return refuse(text.NO_ATTENDEES);
  const attendees = people.map(addressOf);
  const who = joinNames(people.map((person) => person.displayName));
  const subject = clip(spec.subject ?? `${spec.noun} with ${who}`, MAX_SUBJECT);
  const kind = spec.noun === 'Meeting' ? 'meeting' : spec.noun === '1:1' ? '1:1' : spec.noun.toLowerCase();
  const title = `Set up a ${lengthLabel(spec.durationMinutes)} ${kind} with ${who} ${spec.window.label}${
    spec.subject && spec.subject !== spec.noun ? `: ${spec.subject}` : ''
  }`;
  return ok({
    title,
    steps: [
      draft(
        'calendar.findMeetingTimes',
        {
          attendees,
          durationMinutes: spec.durationMinutes,
          windowStart: spec.window.windowStart,
          windowEnd: spec.window.windowEnd,
          timeZone: ctx.timeZone,
        },
        `Find ${spec.durationMinutes} minutes ${spec.window.label} when ${who} and you are free.`,
      ),
      draft(
        'calendar.createEvent',
        {
          subject,
          attendees,
          start: ref(1, 'suggestions.0.start'),
          end: ref(1, 'suggestions.0.end'),
          isOnlineMeeting: spec.online,
          timeZone: ctx.timeZone,
        },
        `Book the first time that suits everyone and invite ${who}.`,
      ),
    ],
  });
}
