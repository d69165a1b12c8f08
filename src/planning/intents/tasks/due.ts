import type { DateTime } from 'luxon';
import { dayOf } from '../../extract/day-of';
import { findWhen } from '../../extract/when';
import { dayLabel, utcIso } from '../../extract/zone';
import { ok, refuse, type Result } from '../../result';
import type { Phrase } from '../../text/phrase';

/** A due date as a task action takes it, with how to say it. */
export interface Due {
  readonly iso: string;
  readonly label: string;
}

/** What "due Friday" means for a task: the end of that working day, in the requester's zone. */
const DUE_HOUR = 17;

export const DUE_NOT_A_DAY = 'When is it due? Give me one day, e.g. "due Friday", "by tomorrow" or "due 3 December".';
export const DUE_IN_PAST = 'That due date has already passed. When should it be due instead?';

/**
 * The due date in a task request, if any: the day it names ("due Friday", "by tomorrow",
 * "due 3 December"), with "due" included in the span. A period ("next week") or a past day is
 * a question back, not a guess.
 */
export function findDue(phrase: Phrase, now: DateTime): { due: Result<Due>; start: number; end: number } | undefined {
  const hit = findWhen(phrase);
  if (!hit) return undefined;
  const lead = /\bdue(?:\s+(?:on|date))?\s*$/.exec(phrase.lower.slice(0, hit.start));
  return { due: dueOn(hit.when, now), start: lead ? lead.index : hit.start, end: hit.end };
}

function dueOn(when: Parameters<typeof dayOf>[0], now: DateTime): Result<Due> {
  const day = dayOf(when, now, 'future');
  if (!day) return refuse(DUE_NOT_A_DAY);
  const at = day.set({ hour: DUE_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (at < now.startOf('day')) return refuse(DUE_IN_PAST);
  return ok({ iso: utcIso(at), label: dayLabel(day, now) });
}
