import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import type { GraphGateway } from '../../graph/types';
import { display, displayList } from '../common/display';
import { userRoot } from '../common/keys';
import { email, isoInstant, timeZone } from '../common/schemas';
import { humanTime, toUtcIso } from '../common/time';
import { EVENT_SELECT, eventSummary, summariseEvent, type EventSummary, type GraphEvent } from './event-summary';

/** The longest range one listing may cover. */
const MAX_RANGE_DAYS = 93;
const PAGE_SIZE = 50;

export const listEventsInput = z
  .object({
    start: isoInstant,
    end: isoInstant,
    timeZone,
    subjectContains: z.string().min(1).max(255).optional(),
    /** Only the meetings that start at this instant ("the 3pm tomorrow"). */
    startsAt: isoInstant.optional(),
    with: z.array(email).max(20).optional(),
    organizedByMe: z.boolean().optional(),
    awaitingMyResponse: z.boolean().optional(),
    includeCancelled: z.boolean().optional(),
    maxEvents: z.number().int().min(1).max(200).optional(),
    mustFind: z.boolean().optional(),
  })
  .refine((i) => Date.parse(i.end) > Date.parse(i.start), { message: 'end must be after start', path: ['end'] })
  .refine((i) => Date.parse(i.end) - Date.parse(i.start) <= MAX_RANGE_DAYS * 86_400_000, {
    message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
    path: ['end'],
  });
export type ListEventsInput = z.infer<typeof listEventsInput>;

export const listEventsOutput = z.object({ events: z.array(eventSummary), count: z.number(), truncated: z.boolean() });
export type ListEventsOutput = z.infer<typeof listEventsOutput>;

const lower = (s: string): string => s.toLowerCase();

/** The filters Graph's calendarView cannot apply itself, applied to what it returned. */
function matches(e: EventSummary, input: ListEventsInput): boolean {
  if (!input.includeCancelled && e.isCancelled) return false;
  if (input.subjectContains && !lower(e.subject).includes(lower(input.subjectContains))) return false;
  if (input.startsAt !== undefined && Date.parse(e.start) !== Date.parse(input.startsAt)) return false;
  if (input.organizedByMe !== undefined && e.isOrganizer !== input.organizedByMe) return false;
  if (input.awaitingMyResponse && (e.isOrganizer || !['none', 'notResponded'].includes(e.myResponse))) return false;
  const present = new Set([e.organizer.address, ...e.attendees.map((a) => a.address)].map(lower));
  return (input.with ?? []).every((address) => present.has(lower(address)));
}

function criteria(input: Record<string, unknown>): string {
  const parts: string[] = [];
  if (input.subjectContains !== undefined) parts.push(`about "${display(input.subjectContains)}"`);
  if (typeof input.startsAt === 'string') {
    const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
    parts.push(`starting at ${humanTime(input.startsAt, zone)}`);
  }
  const people = displayList(input.with);
  if (people.length > 0) parts.push(`with ${people.join(', ')}`);
  if (input.organizedByMe === true) parts.push('that you organise');
  if (input.awaitingMyResponse === true) parts.push('that you have not answered');
  return parts.join(' ');
}

export function listEvents(gateway: GraphGateway): ActionSpec<ListEventsInput, ListEventsOutput> {
  return {
    name: 'calendar.listEvents',
    description:
      "List the meetings in the requester's calendar between two instants (at most 93 days), earliest first, optionally only those whose subject contains some words, that start at a given instant, that include given people, that the requester organises, or that still await the requester's answer. Cancelled meetings are left out unless asked for. Times come back as UTC instants and as wall-clock times in the given time zone. With mustFind, fails with a clear message when nothing matches.",
    input: listEventsInput,
    output: listEventsOutput,
    risk: 'read',
    permissions: { delegated: ['Calendars.Read'], application: ['Calendars.Read'] },
    editable: [
      { name: 'start', label: 'From', kind: 'datetime' },
      { name: 'end', label: 'Until', kind: 'datetime' },
      { name: 'subjectContains', label: 'Subject contains', kind: 'text' },
      { name: 'with', label: 'With', kind: 'list' },
    ],
    describe(input) {
      const zone = typeof input.timeZone === 'string' ? input.timeZone : 'UTC';
      const when = (v: unknown): string => (typeof v === 'string' ? humanTime(v, zone) : display(v));
      const what = criteria(input);
      return {
        title: `List your meetings${what ? ` ${what}` : ''}`,
        target: 'Your calendar',
        reads: `Your meetings between ${when(input.start)} and ${when(input.end)}: subject, time, place and attendees`,
        fields: [
          { label: 'Between', value: `${when(input.start)} and ${when(input.end)}` },
          ...(what ? [{ label: 'Only meetings', value: what }] : []),
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const max = input.maxEvents ?? 50;
      const items = await graph.getAll<GraphEvent>(`${userRoot(ctx.actor.id)}/calendarView`, {
        query: {
          startDateTime: toUtcIso(input.start),
          endDateTime: toUtcIso(input.end),
          $select: EVENT_SELECT,
          $orderby: 'start/dateTime',
          $top: PAGE_SIZE,
        },
        // Bounded: a busy quarter is a few hundred events; past that we say the list is truncated.
        maxPages: 8,
        // UTC from Graph, wall-clock times computed here: a zone name Graph would answer in
        // (Windows names) never has to be guessed.
        headers: { Prefer: 'outlook.timezone="UTC"' },
        signal: ctx.signal,
        what: 'your calendar',
      });
      const found = items.map((e) => summariseEvent(e, input.timeZone)).filter((e) => matches(e, input));
      if (found.length === 0 && input.mustFind) {
        const what = criteria(input);
        throw new DelegateError(
          'user_input',
          'no_matching_events',
          `No meeting${what ? ` ${what}` : ''} is in your calendar between ${humanTime(input.start, input.timeZone)} and ${humanTime(input.end, input.timeZone)}.`,
        );
      }
      const events = found.slice(0, max);
      return {
        output: { events, count: events.length, truncated: found.length > max || items.length >= 8 * PAGE_SIZE },
        provenance: events.map((e) => e.id),
      };
    },
  };
}
