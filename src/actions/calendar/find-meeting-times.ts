import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import type { GraphGateway } from '../../graph/types';
import { display, displayList, listNames } from '../common/display';
import { userRoot } from '../common/keys';
import { email, isoInstant, timeZone } from '../common/schemas';
import { fromGraphDateTime, humanTime, isoDuration, toGraphDateTime } from '../common/time';

export const findMeetingTimesInput = z
  .object({
    attendees: z.array(email).min(1),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(8 * 60),
    windowStart: isoInstant,
    windowEnd: isoInstant,
    timeZone,
  })
  .refine((i) => Date.parse(i.windowEnd) > Date.parse(i.windowStart), {
    message: 'windowEnd must be after windowStart',
    path: ['windowEnd'],
  });
export type FindMeetingTimesInput = z.infer<typeof findMeetingTimesInput>;

export const findMeetingTimesOutput = z.object({
  suggestions: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type FindMeetingTimesOutput = z.infer<typeof findMeetingTimesOutput>;

interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone?: string | null;
}

interface MeetingTimeSuggestions {
  readonly emptySuggestionsReason?: string | null;
  readonly meetingTimeSuggestions?: ReadonlyArray<{
    readonly meetingTimeSlot?: { readonly start?: GraphDateTime; readonly end?: GraphDateTime };
  }>;
}

export function findMeetingTimes(gateway: GraphGateway): ActionSpec<FindMeetingTimesInput, FindMeetingTimesOutput> {
  return {
    name: 'calendar.findMeetingTimes',
    description:
      "Find up to 5 times within a window when the requester and all attendees are free for the given number of minutes, inside everyone's working hours (each person's own, in their own time zone, so people in New York and Berlin only get times that suit both). The window is read in the given time zone; times are returned as UTC instants. Fails with a clear message when nobody is free.",
    input: findMeetingTimesInput,
    output: findMeetingTimesOutput,
    risk: 'read',
    // Graph: "Application: Not supported"; an app-only deployment uses calendar.getSchedules instead.
    permissions: { delegated: ['Calendars.Read.Shared'], application: [] },
    editable: [
      { name: 'attendees', label: 'Attendees', kind: 'list' },
      { name: 'durationMinutes', label: 'Duration (minutes)', kind: 'number' },
      { name: 'windowStart', label: 'Earliest', kind: 'datetime' },
      { name: 'windowEnd', label: 'Latest', kind: 'datetime' },
    ],
    describe(input) {
      const attendees = displayList(input.attendees);
      const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
      const when = (v: unknown): string => (typeof v === 'string' ? humanTime(v, zone) : display(v));
      return {
        title: `Find ${display(input.durationMinutes)} minutes with ${listNames(attendees)}`,
        target: attendees.join(', '),
        reads: `When you and ${listNames(attendees)} are free or busy (not what your meetings are about)`,
        fields: [
          { label: 'Attendees', value: attendees.join(', ') },
          { label: 'Duration', value: `${display(input.durationMinutes)} minutes` },
          { label: 'Between', value: `${when(input.windowStart)} and ${when(input.windowEnd)}` },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const answer = await graph.post<MeetingTimeSuggestions>(
        `${userRoot(ctx.actor.id)}/findMeetingTimes`,
        {
          attendees: input.attendees.map((address) => ({ type: 'required', emailAddress: { address } })),
          timeConstraint: {
            activityDomain: 'work',
            timeSlots: [
              {
                start: toGraphDateTime(input.windowStart, input.timeZone),
                end: toGraphDateTime(input.windowEnd, input.timeZone),
              },
            ],
          },
          meetingDuration: isoDuration(input.durationMinutes),
          maxCandidates: 5,
          isOrganizerOptional: false,
          returnSuggestionReasons: true,
          minimumAttendeePercentage: 100,
        },
        // A query, not a write: replaying it is harmless, so the gateway may retry it.
        { idempotent: true, headers: { Prefer: 'outlook.timezone="UTC"' }, signal: ctx.signal, what: 'the calendars' },
      );
      const suggestions = (answer?.meetingTimeSuggestions ?? []).flatMap((s) => {
        const slot = s.meetingTimeSlot;
        return slot?.start && slot.end
          ? [{ start: fromGraphDateTime(slot.start), end: fromGraphDateTime(slot.end) }]
          : [];
      });
      if (suggestions.length === 0) {
        throw new DelegateError(
          'user_input',
          'no_meeting_times',
          `Nobody is free for ${input.durationMinutes} minutes with everyone between ${humanTime(input.windowStart, input.timeZone)} and ${humanTime(input.windowEnd, input.timeZone)}. Try a wider window, a shorter meeting or fewer attendees.`,
        );
      }
      return { output: { suggestions }, provenance: [] };
    },
  };
}
