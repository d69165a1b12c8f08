import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { isoInstant, timeZone } from '../common/schemas';
import { humanTime } from '../common/time';
import { eventPath, meetingNotFound, notOrganizer, readEvent } from './read-event';

export const cancelEventInput = z.object({
  eventId: z.string().min(1),
  /** The meeting's subject and start, shown on the card only. */
  meetingSubject: z.string().optional(),
  currentStart: isoInstant.optional(),
  /** Sent to every attendee with the cancellation. */
  comment: z.string().max(4000).optional(),
  timeZone: timeZone.optional(),
});
export type CancelEventInput = z.infer<typeof cancelEventInput>;

export const cancelEventOutput = z.object({
  eventId: z.string(),
  subject: z.string(),
  attendeesTold: z.number(),
  alreadyCancelled: z.boolean(),
});
export type CancelEventOutput = z.infer<typeof cancelEventOutput>;

export function cancelEvent(gateway: GraphGateway): ActionSpec<CancelEventInput, CancelEventOutput> {
  return {
    name: 'calendar.cancelEvent',
    description:
      "Cancel a meeting the requester organises: it leaves the requester's calendar and every attendee gets a cancellation with the optional comment (the reason). Destructive, so it is off unless the policy allows destructive actions. Fails clearly when the requester is not the organizer (decline instead). Never sends a second cancellation.",
    input: cancelEventInput,
    output: cancelEventOutput,
    risk: 'destructive',
    permissions: { delegated: ['Calendars.ReadWrite'], application: ['Calendars.ReadWrite'] },
    contentFields: ['comment'],
    editable: [{ name: 'comment', label: 'Message to attendees', kind: 'multiline' }],
    describe(input) {
      const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
      const name = input.meetingSubject !== undefined ? `"${display(input.meetingSubject)}"` : 'the meeting';
      return {
        title: `Cancel ${name} and tell everyone invited`,
        target: input.meetingSubject !== undefined ? display(input.meetingSubject) : 'A meeting in your calendar',
        reads: 'The meeting, to check that you organise it',
        fields: [
          {
            label: 'Meeting',
            value: input.meetingSubject !== undefined ? display(input.meetingSubject) : display(input.eventId),
          },
          ...(input.currentStart !== undefined
            ? [
                {
                  label: 'At',
                  value:
                    typeof input.currentStart === 'string'
                      ? humanTime(input.currentStart, zone)
                      : display(input.currentStart),
                },
              ]
            : []),
          { label: 'Message', value: input.comment !== undefined ? display(input.comment) : '(none)' },
          { label: 'Who is told', value: 'Every attendee gets a cancellation' },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const current = await readEvent(graph, ctx.actor.id, input.eventId, ctx.signal);
      const gone = {
        eventId: input.eventId,
        subject: input.meetingSubject ?? '',
        attendeesTold: 0,
        alreadyCancelled: true,
      };
      if (!current) {
        // Cancelling removes the organizer's copy, so a later attempt finding nothing means an earlier one got through.
        if (ctx.attempt > 1) return { output: gone, provenance: [] };
        throw meetingNotFound();
      }
      if (!current.isOrganizer) throw notOrganizer(current, 'cancel');
      if (current.isCancelled) return { output: { ...gone, subject: current.subject }, provenance: [current.id] };
      // Not replayed by the gateway: an ambiguous failure ends this attempt and the next one reconciles above.
      await graph.post(
        `${eventPath(ctx.actor.id, input.eventId)}/cancel`,
        input.comment !== undefined ? { comment: input.comment } : {},
        {
          signal: ctx.signal,
          what: 'the meeting',
        },
      );
      return {
        output: {
          eventId: current.id,
          subject: current.subject,
          attendeesTold: current.attendees.length,
          alreadyCancelled: false,
        },
        provenance: [current.id],
      };
    },
  };
}
