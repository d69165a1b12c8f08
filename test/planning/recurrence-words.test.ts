import { findRecurrence, recurrenceOf } from '../../src/planning/recurrence/recurrence-words';

const NOW = new Date('2026-11-24T08:00:00Z');
const found = (text: string) => findRecurrence(text, NOW, 'Europe/London');

describe('recurrence words in a request', () => {
  it.each([
    [
      "Every Monday at 9am email Megan a summary of last week's mail from Contoso",
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
      "email Megan a summary of last week's mail from Contoso",
    ],
    [
      'Each weekday at 8:30 post my meetings for the day in General',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
      'post my meetings for the day in General',
    ],
    [
      "On the first of every month, save a summary of last month's Fabrikam mail as a Word document",
      'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0',
      "save a summary of last month's Fabrikam mail as a Word document",
    ],
    ['daily at 5pm send me my unread mail', 'FREQ=DAILY;BYHOUR=17;BYMINUTE=0', 'send me my unread mail'],
    [
      'every other Friday email Megan a status update',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=9;BYMINUTE=0',
      'email Megan a status update',
    ],
    ['send Megan my meetings every Monday at 9', 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', 'send Megan my meetings'],
    [
      'at 7:15pm every Tue and Thu email Alex a reminder',
      'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=19;BYMINUTE=15',
      'email Alex a reminder',
    ],
    [
      'email me on the last day of every month a summary',
      'FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9;BYMINUTE=0',
      'email me a summary',
    ],
  ])('%s', (text, rrule, rest) => {
    const r = found(text);
    expect(r?.recurrence).toEqual({ rrule, start: '2026-11-24T00:00', timeZone: 'Europe/London' });
    expect(r?.rest).toBe(rest);
  });

  it.each([
    'what meetings do I have on Monday',
    "summarise each day's meetings from last week",
    'schedule a meeting with Megan tomorrow at 3pm',
    'every Monday at 9am',
  ])('finds no recurrence (or nothing left to run) in %s', (text) => {
    expect(found(text)).toBeUndefined();
  });

  it('reads a recurrence said on its own (the Edit form)', () => {
    expect(recurrenceOf('every Tuesday at 10am', NOW, 'UTC')?.recurrence.rrule).toBe(
      'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0',
    );
  });
});
