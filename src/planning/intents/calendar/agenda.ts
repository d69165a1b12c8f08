import type { DateTime } from 'luxon';
import { PART_OF_DAY, partOfDay } from '../../extract/part-of-day';
import { calendarRange, comingWeeks, type CalendarRange } from '../../extract/calendar-range';
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
  readonly organizedByMe?: true;
  readonly awaitingMyResponse?: true;
}

const CALENDAR = '(?:calendar|diary|schedule|agenda|day|week)';
const MEETINGS = '(?:meetings|appointments|events|calls|invites|invitations)';
const ASK = new RegExp(
  [
    `^(?:please\\s+)?what(?:'s|\\s+is|\\s+do\\s+i\\s+have)\\s+(?:(?:left|remaining|next|still|coming\\s+up)\\s+)?(?:on|in)\\s+my\\s+${CALENDAR}\\b`,
    `^(?:please\\s+)?(?:what|which)\\s+${MEETINGS}\\s+(?:do\\s+i\\s+have|haven't\\s+i|have\\s+i\\s+not|have\\s+i\\s+got|am\\s+i\\s+in|are\\s+there|have\\s+i\\s+got\\s+left)\\b`,
    `^(?:please\\s+)?(?:do\\s+i\\s+have|have\\s+i\\s+got|are\\s+there|is\\s+there|any)\\s+(?:any\\s+)?(?:more\\s+)?${MEETINGS.replace(')', '|meeting)')}\\b`,
    '^(?:please\\s+)?how\\s+(?:busy|booked\\s+up|packed)\\s+(?:am\\s+i|is\\s+my\\s+(?:day|calendar|week))\\b',
    '^(?:please\\s+)?(?:am\\s+i|will\\s+i\\s+be)\\s+(?:free|busy|available)\\b',
    `^(?:please\\s+)?(?:show|list|give|tell)\\s+(?:me\\s+)?(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?${MEETINGS}\\s+(?:i(?:'m|\\s+am)?\\s+)?(?:organi[sz]e|organi[sz]ing|set\\s+up|(?:have\\s+)?not\\s+answered|haven't\\s+answered)\\b`,
    '^(?:please\\s+)?what\\s+does\\s+my\\s+(?:calendar|diary|schedule|day|week)\\s+look\\s+like\\b',
    '^(?:please\\s+)?(?:show|list|give|tell)\\s+(?:me\\s+)?(?:all\\s+)?(?:of\\s+)?my\\s+(?:calendar|diary|schedule|agenda|meetings|appointments|events)\\b',
  ].join('|'),
);
const PEOPLE = /\bwith\s+/;
const ORGANISED = /\bi(?:'m|\s+am)?\s+(?:organi[sz]e|organi[sz]ing|set\s+up|(?:am\s+)?running|host(?:ing)?)\b/;
const UNANSWERED =
  /\b(?:haven't|have\s+not|didn't|did\s+not|not\s+yet)\s+(?:i\s+)?(?:answered|responded|replied)|\bunanswered\b|\bawaiting\s+(?:my\s+)?(?:answer|response)/;
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
  const asked = clause.toLowerCase();
  // "What's left on my calendar today": from now on.
  if (range && /\b(?:left|remaining|still|coming\s+up|more)\b/.test(asked) && Date.parse(range.start) < now.toMillis())
    range = { ...range, start: utcIso(now) };
  const flags = {
    ...(ORGANISED.test(asked) ? { organizedByMe: true as const } : {}),
    ...(UNANSWERED.test(asked) ? { awaitingMyResponse: true as const } : {}),
  };
  // "this afternoon", "thursday morning": that part of the day, in the requester's zone.
  // Invitations waiting for an answer: the weeks ahead, unless a day was said.
  if (!when && flags.awaitingMyResponse) range = comingWeeks(now);
  const part = PART_OF_DAY.exec(asked)?.[1];
  if (range && part) range = partOfDay(range, part, now);
  return range ? ok({ range, names, ...flags }) : refuse(text.INVALID_DATE);
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
      title: `List ${which(spec)}${who ? ` with ${who}` : ''} ${spec.range.label}`,
      steps: [
        {
          action: 'calendar.listEvents',
          input: {
            start: spec.range.start,
            end: spec.range.end,
            timeZone: ctx.timeZone,
            ...(people.length > 0 ? { with: people.map(addressOf) } : {}),
            ...(spec.organizedByMe ? { organizedByMe: true } : {}),
            ...(spec.awaitingMyResponse ? { awaitingMyResponse: true } : {}),
          },
          rationale: `Read your calendar ${spec.range.label}${who ? `, keeping the meetings with ${who}` : ''}.`,
        },
      ],
    });
  },
});

/** "the meetings you organise", "the invitations you haven't answered", "your meetings". */
function which(spec: AgendaSpec): string {
  if (spec.awaitingMyResponse) return "the invitations you haven't answered";
  if (spec.organizedByMe) return 'the meetings you organise';
  return 'your meetings';
}
