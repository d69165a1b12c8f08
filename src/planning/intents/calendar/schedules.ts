import type { DateTime } from 'luxon';
import { calendarRange, type CalendarRange } from '../../extract/calendar-range';
import { PART_OF_DAY, partOfDay } from '../../extract/part-of-day';
import { addressOf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { findWhen } from '../../extract/when';
import { utcIso } from '../../extract/zone';
import * as text from '../../messages';
import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent, namesLens } from '../domain';

/** "How does Lynne's calendar look on Friday", "show me Megan and Adele's free/busy for tomorrow". */
interface SchedulesSpec {
  readonly names: readonly string[];
  readonly range: CalendarRange;
}

const WHO = "([\\p{L}][\\p{L}.'@ ,&-]{0,80}?)";
const POSS = "(?:'s|')";
const FORMS: readonly RegExp[] = [
  new RegExp(
    `^(?:how|what)\\s+(?:does|do|is|are)\\s+${WHO}${POSS}\\s+(?:calendar|diary|schedule|day|week|availability)\\s+(?:look(?:ing)?(?:\\s+like)?)?`,
    'iu',
  ),
  new RegExp(
    `^(?:show(?:\\s+me)?|check|get|pull\\s+up|what(?:'s|\\s+is|\\s+are))\\s+${WHO}${POSS}\\s+(?:free[/\\s-]?busy|availability|calendars?|diar(?:y|ies)|schedules?)\\b`,
    'iu',
  ),
  new RegExp(`^(?:when\\s+(?:is|are)|is|are)\\s+${WHO}\\s+(?:free|available|busy)\\b`, 'iu'),
];
const NOT_PEOPLE = /^(?:my|your|our|the|i|we|you)\b/i;

function parse(clause: string, now: DateTime): Result<SchedulesSpec> | undefined {
  const said = clause.trim().replace(/[?.!]+$/, '');
  for (const [index, form] of FORMS.entries()) {
    const match = form.exec(said);
    if (!match) continue;
    const who = (match[1] ?? '').trim();
    if (who === '' || NOT_PEOPLE.test(who)) return undefined;
    const rest = new Phrase(said.slice(match[0].length));
    const when = findWhen(rest);
    // "is Megan free" with no day is about right now: presence, not the calendar.
    if (index === 2 && !when && !/^when\b/i.test(said)) return undefined;
    let range = when ? calendarRange(when.when, now) : calendarRange({ kind: 'today' }, now);
    if (!range) return refuse(text.INVALID_DATE);
    const part = PART_OF_DAY.exec(said.toLowerCase())?.[1];
    if (part) range = partOfDay(range, part, now);
    if (/^when\b/i.test(said) && !when) range = { start: utcIso(now), end: range.end, label: range.label };
    return ok({ names: splitNames(who), range });
  }
  return undefined;
}

/** Other people's free/busy for a day or a week (calendar.getSchedules): when they are busy, not what they do. */
export const schedulesIntent = domainIntent<SchedulesSpec>({
  name: 'calendar.schedules',
  people: namesLens<SchedulesSpec>(),
  parse,
  async build(spec, ctx) {
    const resolved = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!resolved.ok) return resolved;
    const who = joinNames(resolved.value.map((p) => p.displayName));
    return ok({
      title: `Check when ${who} ${resolved.value.length > 1 ? 'are' : 'is'} free ${spec.range.label}`,
      steps: [
        {
          action: 'calendar.getSchedules',
          input: {
            people: resolved.value.map(addressOf),
            start: spec.range.start,
            end: spec.range.end,
            timeZone: ctx.timeZone,
          },
          rationale: `Read the free/busy of ${who} ${spec.range.label}.`,
        },
      ],
    });
  },
});
