import type { StepDraft } from '../../../engine/ports';
import type { MeetingRef } from '../../extract/calendar-ref';
import { addressOf, joinNames, resolvePeople } from '../../extract/people';
import { ok, type Result } from '../../result';
import type { BuildContext } from '../fragment';

/** What the lookup step narrows the listing to, beyond subject, people and range. */
export interface LookupOptions {
  readonly organizedByMe?: boolean;
  readonly awaitingMyResponse?: boolean;
}

/** The first step of every "do something to that meeting" plan, and the people it named. */
export interface Lookup {
  readonly step: StepDraft;
  /** "Megan Bowen", or '' when no one was named. */
  readonly who: string;
}

/**
 * `calendar.listEvents` over the meeting's range, narrowed by subject words and people, and
 * required to find something: the next step acts on its first (earliest) meeting.
 */
export async function lookupStep(
  ref: MeetingRef,
  ctx: BuildContext,
  options: LookupOptions = {},
): Promise<Result<Lookup>> {
  const resolved = await resolvePeople(ref.names, ctx.requester, ctx.directory);
  if (!resolved.ok) return resolved;
  const people = resolved.value.filter((person) => person.id !== ctx.requester.id);
  const who = joinNames(people.map((person) => person.displayName));
  const input: Record<string, unknown> = {
    start: ref.range.start,
    end: ref.range.end,
    timeZone: ctx.timeZone,
    ...(ref.subject ? { subjectContains: ref.subject } : {}),
    ...(ref.startsAt ? { startsAt: ref.startsAt } : {}),
    ...(people.length > 0 ? { with: people.map(addressOf) } : {}),
    ...options,
    maxEvents: 5,
    mustFind: true,
  };
  const what = ref.startsAt
    ? ref.label
    : [ref.subject ? `"${ref.subject}"` : 'the meeting', who ? `with ${who}` : ''].filter(Boolean).join(' ');
  return ok({
    step: { action: 'calendar.listEvents', input, rationale: `Find ${what} ${ref.range.label} in your calendar.` },
    who,
  });
}

/** References to the meeting the lookup found first. */
export const FOUND = {
  eventId: { $ref: 's1.events.0.id' },
  meetingSubject: { $ref: 's1.events.0.subject' },
  currentStart: { $ref: 's1.events.0.start' },
} as const;
