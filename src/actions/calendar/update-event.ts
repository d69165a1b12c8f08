import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { addressDestinations } from '../common/destinations';
import { display, displayList } from '../common/display';
import { email, isoInstant, timeZone } from '../common/schemas';
import { humanTime, toGraphDateTime } from '../common/time';
import { eventSummary, summariseEvent, type GraphEvent } from './event-summary';
import { eventPath, meetingNotFound, notOrganizer, readEvent } from './read-event';
import { planChange, type EventChange } from './update-plan';

export const updateEventInput = z
  .object({
    eventId: z.string().min(1),
    /** The meeting's current subject and start, shown on the card only. */
    meetingSubject: z.string().optional(),
    currentStart: isoInstant.optional(),
    subject: z.string().min(1).max(255).optional(),
    start: isoInstant.optional(),
    end: isoInstant.optional(),
    attendees: z.array(email).optional(),
    addAttendees: z.array(email).optional(),
    removeAttendees: z.array(email).optional(),
    body: z.string().optional(),
    isOnlineMeeting: z.boolean().optional(),
    timeZone,
  })
  .refine(
    (i) =>
      [i.subject, i.start, i.end, i.attendees, i.addAttendees, i.removeAttendees, i.body, i.isOnlineMeeting].some(
        (v) => v !== undefined,
      ),
    {
      message: 'say what to change',
    },
  )
  .refine((i) => !i.start || !i.end || Date.parse(i.end) > Date.parse(i.start), {
    message: 'end must be after start',
    path: ['end'],
  });
export type UpdateEventInput = z.infer<typeof updateEventInput>;

export const updateEventOutput = z.object({ event: eventSummary, changed: z.boolean() });
export type UpdateEventOutput = z.infer<typeof updateEventOutput>;

function changeFields(
  input: Record<string, unknown>,
  when: (v: unknown) => string,
): { label: string; value: string }[] {
  const fields: { label: string; value: string }[] = [];
  if (input.subject !== undefined) fields.push({ label: 'New subject', value: display(input.subject) });
  if (input.start !== undefined) fields.push({ label: 'New start', value: when(input.start) });
  if (input.end !== undefined) fields.push({ label: 'New end', value: when(input.end) });
  else if (input.start !== undefined) fields.push({ label: 'Length', value: 'Unchanged' });
  if (input.attendees !== undefined)
    fields.push({ label: 'Attendees', value: displayList(input.attendees).join(', ') || '(none)' });
  if (input.addAttendees !== undefined)
    fields.push({ label: 'Invite', value: displayList(input.addAttendees).join(', ') });
  if (input.removeAttendees !== undefined)
    fields.push({ label: 'Uninvite', value: displayList(input.removeAttendees).join(', ') });
  if (input.isOnlineMeeting !== undefined)
    fields.push({ label: 'Teams meeting', value: input.isOnlineMeeting === true ? 'Yes' : 'No' });
  if (input.body !== undefined) fields.push({ label: 'Description', value: display(input.body) });
  return fields;
}

export function updateEvent(gateway: GraphGateway): ActionSpec<UpdateEventInput, UpdateEventOutput> {
  return {
    name: 'calendar.updateEvent',
    description:
      "Change a meeting the requester organises: move it (a new start keeps its length unless an end is given), rename it, or change who is invited (replace the list, or add/remove people). Every attendee's calendar gets the change and an update. Fails clearly when the requester is not the organizer. Running it again changes nothing more.",
    input: updateEventInput,
    output: updateEventOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Calendars.ReadWrite'], application: ['Calendars.ReadWrite'] },
    destinations: (input) => [
      ...addressDestinations(input, 'attendees', 'attendee'),
      ...addressDestinations(input, 'addAttendees', 'attendee'),
    ],
    contentFields: ['subject', 'body'],
    editable: [
      { name: 'start', label: 'New start', kind: 'datetime' },
      { name: 'end', label: 'New end', kind: 'datetime' },
      { name: 'subject', label: 'New subject', kind: 'text' },
      { name: 'addAttendees', label: 'Invite', kind: 'list' },
      { name: 'removeAttendees', label: 'Uninvite', kind: 'list' },
    ],
    describe(input) {
      const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
      const when = (v: unknown): string => (typeof v === 'string' ? humanTime(v, zone) : display(v));
      const name = input.meetingSubject !== undefined ? `"${display(input.meetingSubject)}"` : 'the meeting';
      const verb = input.start !== undefined ? `Move ${name} to ${when(input.start)}` : `Change ${name}`;
      return {
        title: verb,
        target: input.meetingSubject !== undefined ? display(input.meetingSubject) : 'A meeting in your calendar',
        reads: 'The meeting as it is now, to keep its length and attendees',
        fields: [
          {
            label: 'Meeting',
            value: input.meetingSubject !== undefined ? display(input.meetingSubject) : display(input.eventId),
          },
          ...(input.currentStart !== undefined ? [{ label: 'Now at', value: when(input.currentStart) }] : []),
          ...changeFields(input, when),
          { label: 'Who is told', value: 'Everyone invited gets the update' },
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const current = await readEvent(graph, ctx.actor.id, input.eventId, ctx.signal);
      if (!current) throw meetingNotFound();
      if (!current.isOrganizer) throw notOrganizer(current, 'change');
      const change: EventChange = planChange(current, input);
      // Reconcile: when the meeting already looks like this (an earlier attempt got through), send no second update.
      if (!change.needed) return { output: { event: current, changed: false }, provenance: [current.id] };
      const patched = await graph.patch<GraphEvent>(
        eventPath(ctx.actor.id, input.eventId),
        {
          ...(input.subject !== undefined ? { subject: input.subject } : {}),
          ...(input.body !== undefined ? { body: { contentType: 'Text', content: input.body } } : {}),
          ...(change.start
            ? { start: toGraphDateTime(change.start, input.timeZone), end: toGraphDateTime(change.end, input.timeZone) }
            : {}),
          ...(change.attendees
            ? {
                attendees: change.attendees.map((a) => ({
                  type: a.type,
                  emailAddress: { address: a.address, name: a.name },
                })),
              }
            : {}),
          ...(input.isOnlineMeeting !== undefined ? { isOnlineMeeting: input.isOnlineMeeting } : {}),
        },
        { headers: { Prefer: 'outlook.timezone="UTC"' }, signal: ctx.signal, what: 'the meeting' },
      );
      return { output: { event: summariseEvent(patched), changed: true }, provenance: [current.id] };
    },
  };
}
