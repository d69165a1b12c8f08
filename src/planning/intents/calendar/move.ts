import { DateTime } from 'luxon';
import { NOT_A_MEETING, parseMeetingRef, type MeetingRef } from '../../extract/calendar-ref';
import { dayOf } from '../../extract/day-of';
import { findTimeOfDay } from '../../extract/time-of-day';
import { findWhen } from '../../extract/when';
import { utcIso } from '../../extract/zone';
import * as text from '../../messages';
import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { FOUND, lookupStep } from './lookup';

/** "Move my 1:1 with Megan to Friday at 3pm", "reschedule the Website copy review to tomorrow at 10:30". */
interface MoveSpec {
  readonly ref: MeetingRef;
  /** The new start, a UTC instant; the meeting keeps its length. */
  readonly start: string;
  readonly label: string;
}

const VERB = /^(?:please\s+)?(?:move|reschedule|push|shift|change)\s+/;
export const NEEDS_TIME = 'What time should it move to? For example: "move my 1:1 with Megan to Friday at 3pm".';
/**
 * A time said without a day, for a meeting not named by its day ("move the budget review to
 * 4pm"): it may be next week, so moving it to today would be a guess.
 */
export const NEEDS_DAY = 'Which day should it move to? For example: "today" or "Friday".';

/** A meeting named by nothing but its kind. */
const ANY_MEETING =
  /^(?:my|the|a|our|this|that)\s+(?:meeting|call|appointment|event|1:1|one[\s-]on[\s-]one|catch[\s-]?up|sync)$/i;
export const WHICH_AND_WHEN =
  'Which meeting should I move, and when to? For example: "move my 1:1 with Megan to Friday at 3pm".';

/**
 * The new start said after the last "to": a day (default the meeting's own day when one was
 * named — "move the 2:30 tomorrow to 4pm" — or asked for) at a clock time.
 */
function target(
  words: string,
  now: DateTime,
  meetingDay?: DateTime,
): Result<{ start: DateTime; label: string }> | undefined {
  const phrase = new Phrase(words);
  const time = findTimeOfDay(phrase);
  const when = findWhen(time ? phrase.mask(time.start, time.end) : phrase);
  if (!when && !time) return undefined;
  if (!time || time.time.kind !== 'at') return refuse(NEEDS_TIME);
  const { hour, minute } = time.time;
  if (!when && !meetingDay) return refuse(NEEDS_DAY);
  const day: DateTime | null | undefined = when ? dayOf(when.when, now, 'future') : meetingDay;
  if (day === null) return refuse(text.INVALID_DATE);
  if (!day) return refuse(NEEDS_TIME);
  const start = day.set({ hour, minute });
  if (start <= now) return refuse(text.MEETING_IN_PAST);
  return ok({
    start,
    label: start.toFormat(start.year === now.year ? "cccc d LLLL 'at' HH:mm" : "cccc d LLLL yyyy 'at' HH:mm"),
  });
}

function parse(clause: string, now: DateTime): Result<MoveSpec> | undefined {
  const phrase = new Phrase(clause);
  const verb = phrase.find(VERB);
  if (!verb || phrase.find(NOT_A_MEETING)) return undefined;
  const body = clause.slice(verb.end);
  // The last "to" says where it goes, so a subject may itself contain "to".
  const cuts = [...body.toLowerCase().matchAll(/\s(?:to|until|till)\s+/g)];
  const cut = cuts.at(-1);
  // "move my 1:1 with Megan": a meeting, but not where to: ask.
  if (!cut || cut.index === undefined) {
    if (parseMeetingRef(body, now)) return refuse(NEEDS_TIME);
    // "move my meeting": neither which nor when.
    return ANY_MEETING.test(body.trim()) ? refuse(WHICH_AND_WHEN) : undefined;
  }
  const ref = parseMeetingRef(body.slice(0, cut.index), now);
  const where = target(body.slice(cut.index + cut[0].length), now, ref ? dayOfRef(ref, now) : undefined);
  if (!where) return undefined;
  if (!ref) return undefined;
  if (!where.ok) return where;
  return ok({ ref, start: utcIso(where.value.start), label: where.value.label });
}

/** The one day a meeting reference names ("tomorrow", "on Friday"), if it names exactly one. */
function dayOfRef(ref: MeetingRef, now: DateTime): DateTime | undefined {
  if (!ref.dated) return undefined;
  const start = DateTime.fromISO(ref.range.start, { zone: now.zone });
  const end = DateTime.fromISO(ref.range.end, { zone: now.zone });
  return end.diff(start, 'hours').hours <= 25 ? start.startOf('day') : undefined;
}

export const moveMeetingIntent = domainIntent<MoveSpec>({
  name: 'calendar.move',
  parse,
  async build(spec, ctx) {
    const lookup = await lookupStep(spec.ref, ctx);
    if (!lookup.ok) return lookup;
    return ok({
      title: `Move ${spec.ref.label} to ${spec.label}`,
      steps: [
        lookup.value.step,
        {
          action: 'calendar.updateEvent',
          input: { ...FOUND, start: spec.start, timeZone: ctx.timeZone },
          rationale: `Move it to ${spec.label}, keeping its length; everyone invited gets the update.`,
        },
      ],
    });
  },
});
