import { findUser, type SandboxUser } from '../directory';
import { badRequest } from '../errors';
import { readAddress } from '../routes/shared';
import type { SandboxStore } from '../store/store';
import { DAY, durationMinutes, MINUTE, parseDateTimeTimeZone, toDateTimeTimeZone } from '../time';
import { availabilityIn, busyBlocks, withinHours, type Availability, type BusyBlock } from './availability';
import { workingHoursOf, type WorkingHours } from './working-hours';

const STEP = 30 * MINUTE;
// Chance of attendance per state; unknown (external people) sits just under the default threshold.
const SCORE: Record<Availability, number> = {
  free: 100,
  workingElsewhere: 100,
  tentative: 50,
  unknown: 49,
  busy: 0,
  oof: 0,
};
const BLOCKING = new Set<Availability>(['busy', 'oof']);
/** Graph's default meeting confidence threshold. */
const DEFAULT_THRESHOLD = 50;

interface Participant {
  readonly type: 'required' | 'optional' | 'resource';
  readonly address: string;
  readonly blocks?: BusyBlock[];
  /** Tenant people only: a required attendee outside their own working hours rules a slot out. */
  readonly hours?: WorkingHours;
}

/**
 * Graph's findMeetingTimes over the sandbox calendars: candidate slots every 30 minutes inside
 * the time constraint (for the `work` domain, inside the working hours of the organizer and of
 * every required tenant attendee, each in their own time zone). Confidence is the mean chance of
 * attendance of the organizer (unless optional) and the attendees; a slot is suggested when it
 * reaches minimumAttendeePercentage (default 50) and, in any case, when no required attendee nor
 * the non-optional organizer is busy or out of office. Suggestions are ordered like Graph's:
 * confidence high to low, then earliest first.
 */
export function findMeetingTimes(
  store: SandboxStore,
  organizer: SandboxUser,
  body: Record<string, unknown>,
  now: Date,
  zone: string,
) {
  const duration =
    durationMinutes(typeof body.meetingDuration === 'string' ? body.meetingDuration : undefined, 30) * MINUTE;
  const tc = (body.timeConstraint ?? {}) as {
    activityDomain?: string;
    timeSlots?: Array<{ start: unknown; end: unknown }>;
  };
  const domain = (tc.activityDomain ?? 'work').toLowerCase();
  const windows = (
    tc.timeSlots?.length
      ? tc.timeSlots
      : [
          {
            start: { dateTime: now.toISOString(), timeZone: 'UTC' },
            end: { dateTime: new Date(now.getTime() + 7 * DAY).toISOString(), timeZone: 'UTC' },
          },
        ]
  ).map((s) => ({
    start: parseDateTimeTimeZone(s.start, 'timeSlot.start').getTime(),
    end: parseDateTimeTimeZone(s.end, 'timeSlot.end').getTime(),
  }));
  const maxCandidates =
    typeof body.maxCandidates === 'number' && body.maxCandidates > 0 ? Math.floor(body.maxCandidates) : 20;
  const organizerOptional = body.isOrganizerOptional === true;
  const minPercent = typeof body.minimumAttendeePercentage === 'number' ? body.minimumAttendeePercentage : undefined;
  if (!Array.isArray(body.attendees ?? [])) throw badRequest("'attendees' must be an array.", 'ErrorInvalidRequest');
  const earliest = Math.min(...windows.map((w) => w.start));
  const latest = Math.max(...windows.map((w) => w.end));
  const range = [new Date(earliest), new Date(latest)] as const;
  const blocksOf = (user: SandboxUser | undefined) => (user ? busyBlocks(store, user.id, ...range) : undefined);
  const attendees: Participant[] = ((body.attendees ?? []) as unknown[]).map((a) => {
    const addr = readAddress(a);
    if (!addr) throw badRequest('An attendee has no valid email address.', 'ErrorInvalidRecipients');
    const type = (a as { type?: string }).type;
    const user = findUser(addr.address);
    return {
      type: type === 'optional' || type === 'resource' ? type : 'required',
      address: addr.address,
      blocks: blocksOf(user),
      hours: user ? workingHoursOf(store, user.id) : undefined,
    };
  });
  const org: Participant = {
    type: organizerOptional ? 'optional' : 'required',
    address: organizer.mail,
    blocks: blocksOf(organizer),
    hours: workingHoursOf(store, organizer.id),
  };

  const threshold = minPercent ?? DEFAULT_THRESHOLD;
  const found: Array<{
    s: number;
    e: number;
    confidence: number;
    orgAvail: Availability;
    avail: (p: Participant) => Availability;
  }> = [];
  let slotsSeen = 0;
  let organizerFreeSomewhere = false;
  let anyUnknown = false;
  for (const w of windows) {
    for (
      let s = Math.ceil(Math.max(w.start, now.getTime()) / STEP) * STEP;
      s + duration <= w.end && slotsSeen < 5000;
      s += STEP
    ) {
      const e = s + duration;
      const inHours = (p: Participant): boolean => !p.hours || withinHours(s, e, domain, p.hours);
      if (!inHours(org)) continue;
      slotsSeen++;
      const avail = (p: Participant): Availability => (p.blocks ? availabilityIn(p.blocks, s, e) : 'unknown');
      const orgAvail = avail(org);
      if (!BLOCKING.has(orgAvail)) organizerFreeSomewhere = true;
      const people = organizerOptional ? attendees : [org, ...attendees];
      if (people.some((p) => avail(p) === 'unknown')) anyUnknown = true;
      const confidence = people.length ? people.reduce((sum, p) => sum + SCORE[avail(p)], 0) / people.length : 100;
      const blocked = [org, ...attendees].some((p) => p.type === 'required' && (BLOCKING.has(avail(p)) || !inHours(p)));
      if (!blocked && confidence >= threshold) found.push({ s, e, confidence, orgAvail, avail });
    }
  }
  found.sort((a, b) => b.confidence - a.confidence || a.s - b.s);
  const suggestions = found.slice(0, maxCandidates).map((f, i) => ({
    confidence: f.confidence,
    organizerAvailability: f.orgAvail,
    suggestionReason:
      f.confidence === 100
        ? 'Suggested because it is one of the nearest times when all attendees are available.'
        : 'Suggested because it is one of the nearest times when most attendees are available.',
    order: i + 1,
    meetingTimeSlot: { start: toDateTimeTimeZone(new Date(f.s), zone), end: toDateTimeTimeZone(new Date(f.e), zone) },
    attendeeAvailability: attendees.map((p) => ({
      attendee: { type: p.type, emailAddress: { address: p.address } },
      availability: f.avail(p),
    })),
    locations: [],
  }));
  const emptySuggestionsReason = suggestions.length
    ? ''
    : slotsSeen === 0 || (!organizerOptional && !organizerFreeSomewhere)
      ? 'organizerUnavailable'
      : anyUnknown
        ? 'attendeesUnavailableOrUnknown'
        : 'attendeesUnavailable';
  return { emptySuggestionsReason, meetingTimeSuggestions: suggestions };
}
