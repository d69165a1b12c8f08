import type { DateTime } from 'luxon';
import { calendarRange, type CalendarRange } from '../../extract/calendar-range';
import { addressOf, isSelf, joinNames, resolvePeople, splitNames } from '../../extract/people';
import { findWhen } from '../../extract/when';
import { utcIso } from '../../extract/zone';
import * as text from '../../messages';
import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';

/** "What's on my calendar tomorrow", "list my meetings next week", "show my meetings with Megan this week". */
interface AgendaSpec {
  readonly range: CalendarRange;
  readonly names: readonly string[];
}

const ASK = new RegExp(
  [
    "^(?:please\\s+)?what(?:'s|\\s+is|\\s+do\\s+i\\s+have)\\s+(?:on|in)\\s+my\\s+(?:calendar|diary|schedule|agenda)\\b",
    '^(?:please\\s+)?what\\s+(?:meetings|appointments|events)\\s+(?:do\\s+)?i\\s+have\\b',
    '^(?:please\\s+)?do\\s+i\\s+have\\s+(?:any\\s+)?(?:meetings|appointments|events)\\b',
    '^(?:please\\s+)?what\\s+does\\s+my\\s+(?:calendar|diary|schedule|day|week)\\s+look\\s+like\\b',
    '^(?:please\\s+)?(?:show|list|give|tell)\\s+(?:me\\s+)?(?:all\\s+)?(?:of\\s+)?my\\s+(?:calendar|diary|schedule|agenda|meetings|appointments|events)\\b',
  ].join('|'),
);
const PEOPLE = /\bwith\s+/;
const PEOPLE_STOP = /\b(?:on|at|about|next|this|tomorrow|today|in)\b|[,;?]/;

function parse(clause: string, now: DateTime): Result<AgendaSpec> | undefined {
  let phrase = new Phrase(clause);
  const ask = phrase.find(ASK);
  if (!ask) return undefined;
  phrase = phrase.mask(ask.start, ask.end);
  const when = findWhen(phrase);
  // Without a day: "my week" means this week, anything else today.
  let range: CalendarRange | undefined = /\bweek\b/.test(ask.groups[0] ?? '')
    ? calendarRange({ kind: 'thisWeek' }, now)
    : { start: utcIso(now.startOf('day')), end: utcIso(now.startOf('day').plus({ days: 1 })), label: 'today' };
  if (when) {
    range = calendarRange(when.when, now);
    if (!range) return refuse(text.INVALID_DATE);
    phrase = phrase.mask(when.start, when.end);
  }
  const people = phrase.find(PEOPLE);
  const names = people ? splitNames(phrase.segment(people.end, PEOPLE_STOP).text).filter((name) => !isSelf(name)) : [];
  return range ? ok({ range, names }) : refuse(text.INVALID_DATE);
}

export const agendaIntent = domainIntent<AgendaSpec>({
  name: 'calendar.agenda',
  parse,
  async build(spec, ctx) {
    const resolved = await resolvePeople(spec.names, ctx.requester, ctx.directory);
    if (!resolved.ok) return resolved;
    const people = resolved.value.filter((person) => person.id !== ctx.requester.id);
    const who = joinNames(people.map((person) => person.displayName));
    return ok({
      title: `List your meetings${who ? ` with ${who}` : ''} ${spec.range.label}`,
      steps: [
        {
          action: 'calendar.listEvents',
          input: {
            start: spec.range.start,
            end: spec.range.end,
            timeZone: ctx.timeZone,
            ...(people.length > 0 ? { with: people.map(addressOf) } : {}),
          },
          rationale: `Read your calendar ${spec.range.label}${who ? `, keeping the meetings with ${who}` : ''}.`,
        },
      ],
    });
  },
});
