import type { SlotMatcher, Slots } from './types';

/** Shorthands for writing corpus entries: people, instants and the date ranges of clock.ts. */
export const ALEX = 'alexw@example.com';
export const MEGAN = 'meganb@example.com';
export const ADELE = 'adelev@example.com';
export const ISAIAH = 'isaiahl@example.com';
export const PATTI = 'pattif@example.com';
export const LYNNE = 'lynner@example.com';

export const at = (wallClock: string): SlotMatcher => ({ $at: wallClock });
export const between = (from: string, to: string): SlotMatcher => ({ $between: [from, to] });
export const absent: SlotMatcher = { $absent: true };

/** A whole local day, `YYYY-MM-DD`. */
export const onDay = (day: string): SlotMatcher => between(`${day}T00:00`, `${day}T23:59`);

/** Mail received since a day began (and, optionally, before another began). */
export function mailSince(day: string, untilDay?: string): Slots {
  return {
    'mail.search.since': at(`${day}T00:00`),
    ...(untilDay ? { 'mail.search.until': between(`${untilDay}T00:00`, `${untilDay}T00:01`) } : {}),
  };
}
export const THIS_WEEK_MAIL = mailSince('2026-11-30');
export const LAST_WEEK_MAIL = mailSince('2026-11-23', '2026-11-30');
export const THIS_MONTH_MAIL = mailSince('2026-12-01');
export const YESTERDAY_MAIL = mailSince('2026-12-01', '2026-12-02');
export const TODAY_MAIL = mailSince('2026-12-02');

/** A new meeting on one day: the free/busy window, or the event itself at a fixed time, falls on it. */
export function meetingOn(day: string): Slots {
  return { 'calendar.findMeetingTimes.windowStart|calendar.createEvent.start': onDay(day) };
}

/** A new meeting at a fixed wall-clock time: the event starts then, or the free/busy window starts then. */
export function meetingAt(wallClock: string): Slots {
  return { 'calendar.createEvent.start|calendar.findMeetingTimes.windowStart': at(wallClock) };
}

/** A new meeting some time next week (Mon 7 – Fri 11 Dec). */
export const MEETING_NEXT_WEEK: Slots = {
  'calendar.findMeetingTimes.windowStart': between('2026-12-07T00:00', '2026-12-07T23:59'),
  'calendar.findMeetingTimes.windowEnd': between('2026-12-11T12:00', '2026-12-14T00:00'),
};

/** The steps of a new meeting whose time is looked for. */
export const FIND_AND_BOOK = ['calendar.findMeetingTimes', 'calendar.createEvent'] as const;
/** The steps of a new meeting at a fixed time: checking free/busy first is optional. */
export const BOOK_AT = ['calendar.findMeetingTimes?', 'calendar.createEvent'] as const;
/** Search mail, then summarise it. */
export const SUMMARISE_MAIL = ['mail.search', 'text.summarise'] as const;
/** An existing meeting, found by its words, then changed. */
export const FIND_EVENT = 'calendar.listEvents';
