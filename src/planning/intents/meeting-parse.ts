import type { DateTime } from 'luxon';
import { DEFAULT_DURATION_MINUTES, findDuration } from '../extract/duration';
import { subjectAfterMarker, subjectBeforeNoun, SUBJECT_MARKER } from '../extract/meeting-subject';
import { meetingWindow } from '../extract/meeting-window';
import { isSelf, splitNames } from '../extract/people';
import { findTimeOfDay } from '../extract/time-of-day';
import { findWhen } from '../extract/when';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { Phrase } from '../text/phrase';
import type { MeetingSpec } from './specs';

/** Meeting words, their label, and for some a usual length and a subject of their own ("Lunch"). */
const NOUNS: ReadonlyArray<
  readonly [string, string, { minutes?: number; subject?: boolean; inPerson?: boolean; telling?: boolean }?]
> = [
  ['lunch', 'Lunch', { minutes: 60, subject: true, inPerson: true }],
  ['dinner', 'Dinner', { minutes: 90, subject: true, inPerson: true }],
  ['breakfast', 'Breakfast', { minutes: 45, subject: true, inPerson: true }],
  ['coffee', 'Coffee', { minutes: 30, subject: true, inPerson: true }],
  ['drinks', 'Drinks', { minutes: 60, subject: true, inPerson: true }],
  ['interview', 'Interview', { telling: true, minutes: 60 }],
  ['workshop', 'Workshop', { telling: true, minutes: 120 }],
  ['brainstorm(?:ing)?(?:\\s+session)?', 'Brainstorm', { telling: true, minutes: 60 }],
  ['kick[- ]?off', 'Kick-off', { telling: true, minutes: 60 }],
  ['retro(?:spective)?', 'Retrospective', { telling: true, minutes: 60 }],
  ['demo', 'Demo', { telling: true }],
  ['presentation', 'Presentation', { telling: true, minutes: 60 }],
  ['training', 'Training', { telling: true, minutes: 60 }],
  ['meeting', 'Meeting'],
  ['conversation|talk', 'Conversation'],
  ['appointment', 'Appointment'],
  ['call', 'Call'],
  ['sync', 'Sync'],
  ['catch[- ]?up', 'Catch-up'],
  ['1:1|1-on-1|one[- ]on[- ]one', '1:1'],
  ['check[- ]in', 'Check-in'],
  ['review', 'Review'],
  ['session', 'Session'],
  ['chat', 'Chat'],
  ['stand[- ]?up', 'Stand-up'],
  ['huddle', 'Huddle'],
  ['discussion', 'Discussion'],
  ['time|slot', 'Meeting'],
];
const NOUN_PATTERN = NOUNS.map(([pattern]) => pattern).join('|');
const NOUN_RULES = NOUNS.map((rule) => [new RegExp(`^(?:${rule[0]})$`), rule] as const);
const NOUN = new RegExp(`(?<!\\bto\\s)\\b(${NOUN_PATTERN})\\b`);
const SCHEDULE =
  /\b(?:set\s*up|schedule|book|arrange|organi[sz]e|plan|find\s+(?:a\s+|some\s+)?(?:time|slot)|meet|put\s+in|pencil\s+in|line\s+up|sort\s+out|get|add|create)\b/;
const WITH = /\b(?:with|between)\s+/;
/** "invite Megan and Adele to a call": the guests come before "to". */
const INVITE = /\binvite\s+/;
const INVITE_STOP = /\bto\s+(?:a|an|the|my|our)\b/;
const ONLINE = /\b(?:on|over|via|in|using)\s+(?:microsoft\s+)?teams\b|\bonline\b|\bvirtual(?:ly)?\b/;
const IN_PERSON = /\bin[-\s]person\b|\bface[-\s]to[-\s]face\b|\boffline\b/;
const FILLER =
  /\b(?:sometime|at\s+some\s+point|if\s+possible|asap|when(?:ever)?\s+(?:everyone|they|she|he)\s+(?:is|are)\s+free)\b/;
const CALENDAR = /\b(?:to|in|on|into)\s+(?:my|the|our)\s+(?:calendar|diary|schedule)\b/;
const ATTENDEES_STOP = new RegExp(`${SUBJECT_MARKER.source}|\\b(?:at|in|via|over|using)\\b`);

const MIN_MINUTES = 5;
const MAX_MINUTES = 8 * 60;

/**
 * Understand a request for a meeting: attendees ("with Megan and Adele"), length, when, and
 * subject. Each understood part is masked before the next is read, so "on Friday" is a day and
 * never a subject. Undefined when the clause does not ask for a meeting.
 */
export function parseMeeting(clause: string, now: DateTime): Result<MeetingSpec> | undefined {
  let phrase = new Phrase(clause);
  // "find time with Megan for a workshop": the specific word says what it is, not "time".
  const nouns = phrase.findAll(NOUN);
  const noun = nouns.find((hit) => !/^(?:time|slot)$/.test(hit.groups[1] ?? '')) ?? nouns[0];
  const schedule = phrase.find(SCHEDULE);
  const guests = phrase.find(WITH) ?? phrase.find(INVITE);
  if (!((noun && (schedule || guests)) || (schedule && guests))) return undefined;

  const mask = (hit: { start: number; end: number } | undefined): void => {
    if (hit) phrase = phrase.mask(hit.start, hit.end);
  };
  const inPerson = phrase.find(IN_PERSON);
  mask(inPerson);
  const online = phrase.find(ONLINE);
  mask(online);
  mask(phrase.find(CALENDAR));
  mask(phrase.find(FILLER));
  const duration = findDuration(phrase);
  mask(duration);
  const time = findTimeOfDay(phrase);
  mask(time);
  const when = findWhen(phrase);
  mask(when);

  const nounRule = NOUN_RULES.find(([pattern]) => pattern.test(noun?.groups[1] ?? ''))?.[1];
  const durationMinutes = duration?.minutes ?? time?.minutes ?? nounRule?.[2]?.minutes ?? DEFAULT_DURATION_MINUTES;
  if (durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES)
    return refuse(text.durationOutOfRange(durationMinutes));

  const withHit = phrase.find(WITH);
  const inviteHit = withHit ? undefined : phrase.find(INVITE);
  const listStart = withHit ?? inviteHit;
  const attendees = listStart ? phrase.segment(listStart.end, withHit ? ATTENDEES_STOP : INVITE_STOP) : undefined;
  if (listStart && attendees) phrase = phrase.mask(listStart.start, attendees.end);
  const names = splitNames(attendees?.text ?? '').filter((name) => !isSelf(name));
  if (names.length === 0) return refuse(text.NO_ATTENDEES);

  const window = meetingWindow(when, time, durationMinutes, now);
  if (!window.ok) return window;

  const nounLabel = nounRule?.[1] ?? 'Meeting';
  const said = subjectAfterMarker(phrase)?.subject;
  // "a kickoff … for the east coast push" → "East coast push kickoff": a telling noun stays in the subject.
  const kind = noun?.raw(1);
  const telling = kind && nounRule?.[2]?.telling && said && !said.toLowerCase().includes(kind.toLowerCase());
  const subject =
    (telling ? `${said} ${kind.toLowerCase()}` : said) ??
    subjectBeforeNoun(phrase, NOUN_PATTERN) ??
    (nounRule?.[2]?.subject ? nounLabel : undefined);
  return ok({
    kind: 'meeting',
    names,
    durationMinutes,
    window: window.value,
    noun: nounLabel,
    online: inPerson === undefined && (online !== undefined || !nounRule?.[2]?.inPerson),
    ...(subject ? { subject } : {}),
  });
}
