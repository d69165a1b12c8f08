import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { eventPath, meetingNotFound, readEvent } from './read-event';

const RESPONSES = ['accept', 'tentativelyAccept', 'decline'] as const;
const STATUS: Record<(typeof RESPONSES)[number], string> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};
const VERB: Record<(typeof RESPONSES)[number], string> = {
  accept: 'Accept',
  tentativelyAccept: 'Tentatively accept',
  decline: 'Decline',
};

export const respondInput = z.object({
  eventId: z.string().min(1),
  /** The meeting's subject, shown on the card only. */
  meetingSubject: z.string().optional(),
  response: z.enum(RESPONSES),
  comment: z.string().max(4000).optional(),
  /** Whether the organizer gets a reply mail (default true). */
  sendResponse: z.boolean().optional(),
});
export type RespondInput = z.infer<typeof respondInput>;

export const respondOutput = z.object({
  eventId: z.string(),
  subject: z.string(),
  response: z.string(),
  organizer: z.string(),
  alreadyAnswered: z.boolean(),
});
export type RespondOutput = z.infer<typeof respondOutput>;

export function respond(gateway: GraphGateway): ActionSpec<RespondInput, RespondOutput> {
  return {
    name: 'calendar.respond',
    description:
      "Answer a meeting invitation in the requester's calendar: accept, tentativelyAccept or decline, with an optional comment; the organizer is told unless sendResponse is false. A declined meeting leaves the calendar. Answering the same way again sends nothing more.",
    input: respondInput,
    output: respondOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Calendars.ReadWrite'], application: ['Calendars.ReadWrite'] },
    contentFields: ['comment'],
    literalFields: ['response'],
    editable: [
      { name: 'response', label: 'Answer (accept, tentativelyAccept, decline)', kind: 'text' },
      { name: 'comment', label: 'Comment', kind: 'multiline' },
    ],
    describe(input) {
      const response = RESPONSES.find((r) => r === input.response);
      const name = input.meetingSubject !== undefined ? `"${display(input.meetingSubject)}"` : 'the invitation';
      return {
        title: `${response ? VERB[response] : 'Answer'} ${name}`,
        target: input.meetingSubject !== undefined ? display(input.meetingSubject) : 'A meeting in your calendar',
        reads: 'The invitation, to see how you answered so far',
        fields: [
          {
            label: 'Meeting',
            value: input.meetingSubject !== undefined ? display(input.meetingSubject) : display(input.eventId),
          },
          { label: 'Answer', value: response ? VERB[response] : display(input.response) },
          ...(input.comment !== undefined ? [{ label: 'Comment', value: display(input.comment) }] : []),
          { label: 'Organizer told', value: input.sendResponse === false ? 'No' : 'Yes' },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const current = await readEvent(graph, ctx.actor.id, input.eventId, ctx.signal);
      const status = STATUS[input.response];
      if (!current) {
        // A decline removes the meeting from the calendar, so a later attempt finding nothing means it got through.
        if (ctx.attempt > 1 && input.response === 'decline') {
          return {
            output: {
              eventId: input.eventId,
              subject: input.meetingSubject ?? '',
              response: status,
              organizer: '',
              alreadyAnswered: true,
            },
            provenance: [],
          };
        }
        throw meetingNotFound();
      }
      const organizer = current.organizer.address;
      if (current.isOrganizer)
        throw new DelegateError(
          'user_input',
          'own_meeting',
          `You organise "${current.subject}", so there is no invitation to answer.`,
        );
      if (current.myResponse === status) {
        return {
          output: { eventId: current.id, subject: current.subject, response: status, organizer, alreadyAnswered: true },
          provenance: [current.id],
        };
      }
      await graph.post(
        `${eventPath(ctx.actor.id, input.eventId)}/${input.response}`,
        {
          ...(input.comment !== undefined ? { comment: input.comment } : {}),
          sendResponse: input.sendResponse ?? true,
        },
        { signal: ctx.signal, what: 'the meeting' },
      );
      return {
        output: { eventId: current.id, subject: current.subject, response: status, organizer, alreadyAnswered: false },
        provenance: [current.id],
      };
    },
  };
}
