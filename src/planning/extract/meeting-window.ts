import type { DateTime } from 'luxon';
import * as text from '../messages';
import { ok, refuse, type Result } from '../result';
import { dayOf } from './day-of';
import type { TimeHit } from './time-of-day';
import type { WhenHit } from './when';
import { dayLabel, utcIso } from './zone';

/** Where `calendar.findMeetingTimes` should look, and how to say it ("next week"). */
export interface MeetingWindow {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly label: string;
}

/** Without a day, look over the rest of today and the next five working days. */
const DEFAULT_WORKING_DAYS = 5;

interface Span {
  readonly from: DateTime;
  readonly to: DateTime;
  readonly label: string;
  /** Set when the span is one calendar day, so a time of day can narrow it. */
  readonly day?: DateTime;
}

/**
 * The search window for a meeting, in the requester's zone: "next week" = Monday 00:00 to
 * Saturday 00:00 of next week; "this week" = now to Saturday 00:00; "tomorrow", "today", a
 * weekday (the next such day) or a date = that day; "by Friday" = now to the end of Friday;
 * nothing = now to the end of the fifth working day after today. A time of day narrows a single
 * day ("at 3pm" → exactly that slot; "morning" → 08:00–12:00). Windows never start in the past.
 */
export function meetingWindow(
  when: WhenHit | undefined,
  time: TimeHit | undefined,
  durationMinutes: number,
  now: DateTime,
): Result<MeetingWindow> {
  const span = when ? spanOf(when, now) : defaultSpan(time, now);
  if (!span.ok) return span;
  let { from, to, label } = span.value;
  if (time) {
    const day = span.value.day;
    if (!day) return refuse(text.TIME_NEEDS_DAY);
    if (time.time.kind === 'at') {
      from = day.set({ hour: time.time.hour, minute: time.time.minute });
      to = from.plus({ minutes: durationMinutes });
      label = `${label} at ${from.toFormat('HH:mm')}`;
    } else {
      from = day.set({ hour: time.time.fromHour });
      to = day.set({ hour: time.time.toHour });
      label = `${label} ${time.time.name === 'morning' ? 'morning' : 'afternoon'}`;
    }
    if (time.time.kind === 'at' && from < now) return refuse(text.MEETING_IN_PAST);
  }
  if (from < now) from = now;
  if (to.diff(from, 'minutes').minutes < durationMinutes) {
    return refuse(when?.when.kind === 'thisWeek' ? text.WEEK_OVER : text.MEETING_IN_PAST);
  }
  return ok({ windowStart: utcIso(from), windowEnd: utcIso(to), label });
}

function spanOf(hit: WhenHit, now: DateTime): Result<Span> {
  const { when } = hit;
  const week = now.startOf('week');
  const month = now.startOf('month');
  let span: Span;
  switch (when.kind) {
    case 'thisWeek':
      span = { from: now, to: week.plus({ days: 5 }), label: 'this week' };
      break;
    case 'nextWeek':
      span = { from: week.plus({ weeks: 1 }), to: week.plus({ weeks: 1, days: 5 }), label: 'next week' };
      break;
    case 'weekAfterNext':
      span = { from: week.plus({ weeks: 2 }), to: week.plus({ weeks: 2, days: 5 }), label: 'the week after next' };
      break;
    case 'thisMonth':
      span = { from: now, to: month.plus({ months: 1 }), label: 'this month' };
      break;
    case 'nextMonth':
      span = { from: month.plus({ months: 1 }), to: month.plus({ months: 2 }), label: 'next month' };
      break;
    case 'nextDays':
      span = {
        from: now,
        to: now.startOf('day').plus({ days: when.days + 1 }),
        label: `in the next ${when.days} days`,
      };
      break;
    case 'yesterday':
    case 'lastWeek':
    case 'lastMonth':
    case 'pastDays':
    case 'pastHours':
      return refuse(text.MEETING_IN_PAST);
    default: {
      const day = dayOf(when, now, 'future');
      if (!day) return refuse(text.INVALID_DATE);
      const label =
        when.kind === 'today' ? 'today' : when.kind === 'tomorrow' ? 'tomorrow' : `on ${dayLabel(day, now)}`;
      span = { from: day, to: day.plus({ days: 1 }), label, day };
    }
  }
  if (hit.modifier === 'by' || hit.modifier === 'before') {
    const to = hit.modifier === 'by' ? span.to : span.from;
    const label = `${hit.modifier} ${span.label.replace(/^on /, '')}`;
    return ok({ from: now, to, label });
  }
  return ok(span);
}

function defaultSpan(time: TimeHit | undefined, now: DateTime): Result<Span> {
  const today = now.startOf('day');
  if (time) {
    // "at 3pm" alone means today if 3pm is still ahead, otherwise tomorrow.
    const end =
      time.time.kind === 'at'
        ? today.set({ hour: time.time.hour, minute: time.time.minute })
        : today.set({ hour: time.time.toHour });
    const day = time.today || end > now ? today : today.plus({ days: 1 });
    return ok({ from: day, to: day.plus({ days: 1 }), label: day.equals(today) ? 'today' : 'tomorrow', day });
  }
  let end = today;
  for (let counted = 0; counted < DEFAULT_WORKING_DAYS;) {
    end = end.plus({ days: 1 });
    if (end.weekday <= 5) counted += 1;
  }
  return ok({ from: now, to: end.plus({ days: 1 }), label: `in the next ${DEFAULT_WORKING_DAYS} working days` });
}
