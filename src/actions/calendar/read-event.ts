import { DelegateError } from '../../engine/errors';
import { GraphError } from '../../graph/errors';
import type { GraphPort } from '../../graph/types';
import { userRoot } from '../common/keys';
import { EVENT_SELECT, summariseEvent, type EventSummary, type GraphEvent } from './event-summary';

/** The path of one of the requester's events. */
export const eventPath = (actorId: string, eventId: string): string =>
  `${userRoot(actorId)}/events/${encodeURIComponent(eventId)}`;

/** One of the requester's events in UTC, or undefined when Graph says it is not there (404). */
export async function readEvent(
  graph: GraphPort,
  actorId: string,
  eventId: string,
  signal?: AbortSignal,
): Promise<EventSummary | undefined> {
  try {
    const event = await graph.get<GraphEvent>(
      eventPath(actorId, eventId),
      { $select: EVENT_SELECT },
      {
        headers: { Prefer: 'outlook.timezone="UTC"' },
        signal,
        what: 'the meeting',
      },
    );
    return summariseEvent(event);
  } catch (error) {
    if (error instanceof GraphError && error.status === 404) return undefined;
    throw error;
  }
}

/** The meeting is gone from the requester's calendar. */
export function meetingNotFound(): DelegateError {
  return new DelegateError(
    'user_input',
    'meeting_not_found',
    'That meeting is no longer in your calendar. It may have been cancelled or deleted.',
  );
}

/** Only the organizer may change or cancel a meeting for everyone. */
export function notOrganizer(event: EventSummary, verb: string): DelegateError {
  return new DelegateError(
    'user_input',
    'not_organizer',
    `Only ${event.organizer.name || event.organizer.address}, who organises "${event.subject}", can ${verb} it for everyone. You can accept or decline it instead.`,
  );
}
