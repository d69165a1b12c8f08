import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display, displayList, listNames } from '../common/display';
import { guidFromKey, userRoot } from '../common/keys';
import { email, isoInstant, timeZone } from '../common/schemas';
import { fromGraphDateTime, humanTime, toGraphDateTime } from '../common/time';
import { addressDestinations } from '../common/destinations';

export const createEventInput = z
  .object({
    subject: z.string().min(1).max(255),
    attendees: z.array(email),
    start: isoInstant,
    end: isoInstant,
    body: z.string().optional(),
    isOnlineMeeting: z.boolean().optional(),
    timeZone,
  })
  .refine((i) => Date.parse(i.end) > Date.parse(i.start), { message: 'end must be after start', path: ['end'] });
export type CreateEventInput = z.infer<typeof createEventInput>;

export const createEventOutput = z.object({
  eventId: z.string(),
  webLink: z.string(),
  start: z.string(),
  end: z.string(),
});
export type CreateEventOutput = z.infer<typeof createEventOutput>;

interface GraphEvent {
  readonly id: string;
  readonly webLink?: string | null;
  readonly start?: { readonly dateTime: string; readonly timeZone?: string | null };
  readonly end?: { readonly dateTime: string; readonly timeZone?: string | null };
}

export function createEvent(gateway: GraphGateway): ActionSpec<CreateEventInput, CreateEventOutput> {
  return {
    name: 'calendar.createEvent',
    description:
      "Create a meeting in the requester's calendar and invite the attendees (optionally as a Teams meeting). Creates exactly one event per step, even when retried.",
    input: createEventInput,
    output: createEventOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Calendars.ReadWrite'], application: ['Calendars.ReadWrite'] },
    destinations: (input) => addressDestinations(input, 'attendees', 'attendee'),
    contentFields: ['subject', 'body'],
    editable: [
      { name: 'subject', label: 'Subject', kind: 'text' },
      { name: 'attendees', label: 'Attendees', kind: 'list' },
      { name: 'start', label: 'Start', kind: 'datetime' },
      { name: 'end', label: 'End', kind: 'datetime' },
      { name: 'body', label: 'Description', kind: 'multiline' },
    ],
    describe(input) {
      const attendees = displayList(input.attendees);
      const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
      const when = (v: unknown): string => (typeof v === 'string' ? humanTime(v, zone) : display(v));
      return {
        title: `Create the meeting "${display(input.subject)}"${attendees.length > 0 ? ` with ${listNames(attendees)}` : ''}`,
        target: attendees.length > 0 ? attendees.join(', ') : 'Your calendar',
        reads: 'Nothing: the meeting is created as shown below',
        fields: [
          { label: 'Subject', value: display(input.subject) },
          { label: 'Attendees', value: attendees.join(', ') || '(none)' },
          { label: 'Start', value: when(input.start) },
          { label: 'End', value: when(input.end) },
          { label: 'Teams meeting', value: input.isOnlineMeeting === true ? 'Yes' : 'No' },
          ...(input.body !== undefined ? [{ label: 'Description', value: display(input.body) }] : []),
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const event = await graph.post<GraphEvent>(
        `${userRoot(ctx.actor.id)}/events`,
        {
          subject: input.subject,
          body: { contentType: 'Text', content: input.body ?? '' },
          start: toGraphDateTime(input.start, input.timeZone),
          end: toGraphDateTime(input.end, input.timeZone),
          attendees: input.attendees.map((address) => ({ type: 'required', emailAddress: { address } })),
          ...(input.isOnlineMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
          // Graph drops a second POST with the same transactionId, so replays cannot duplicate.
          transactionId: guidFromKey(ctx.idempotencyKey),
        },
        { idempotent: true, headers: { Prefer: 'outlook.timezone="UTC"' }, signal: ctx.signal, what: 'your calendar' },
      );
      return {
        output: {
          eventId: event.id,
          webLink: event.webLink ?? '',
          start: event.start ? fromGraphDateTime(event.start) : input.start,
          end: event.end ? fromGraphDateTime(event.end) : input.end,
        },
        provenance: [],
      };
    },
  };
}
