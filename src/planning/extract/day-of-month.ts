import type { DateTime } from 'luxon';

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const WEEKDAY =
  '(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\s+)?';
const DAY_OF_MONTH = new RegExp(`\\b${WEEKDAY}the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(\\s+(?:of\\s+)?\\w+)?`, 'gi');

/**
 * "the 9th", "Tuesday the 8th" → "9 December", "Tuesday 8 December": a day of the month said
 * alone is the next one to come (this month, or next month once it has passed), spelled with
 * its month so the date readers understand it. A weekday that does not fall on that date is
 * kept, so the request still says both and nothing is silently chosen.
 */
export function withMonths(text: string, now: DateTime): string {
  return text.replace(DAY_OF_MONTH, (whole, weekday: string | undefined, day: string, after: string | undefined) => {
    if (after && MONTHS.test(after.trim().replace(/^of\s+/i, ''))) return whole;
    const n = Number(day);
    let date = now.startOf('day');
    if (n < now.day) date = date.plus({ months: 1 });
    if (n > date.daysInMonth!) return whole;
    date = date.set({ day: n });
    const keepWeekday = weekday && !date.toFormat('cccc').toLowerCase().startsWith(weekday.toLowerCase().slice(0, 3));
    return `${keepWeekday ? `${weekday} ` : ''}${n} ${date.toFormat('LLLL')}${after ?? ''}`;
  });
}
