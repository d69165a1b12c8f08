import { describeRecurrence, nextOccurrences, occurrencesBetween, ruleOf } from '../../src/engine/recurrence';

const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString());

describe('recurrence (rrule over wall-clock times in the owner zone)', () => {
  it('keeps the local time across the spring change, and runs a skipped 2:30 at 3:30 (New York)', () => {
    const daily = { rrule: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30', start: '2027-03-01T00:00', timeZone: 'America/New_York' };
    expect(iso(occurrencesBetween(daily, new Date('2027-03-13T00:00:00Z'), new Date('2027-03-16T00:00:00Z')))).toEqual([
      '2027-03-13T07:30:00.000Z',
      '2027-03-14T07:30:00.000Z',
      '2027-03-15T06:30:00.000Z',
    ]);
  });

  it('gives the next runs after an instant, in order, never the instant itself', () => {
    const weekly = {
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
      start: '2026-11-24T00:00',
      timeZone: 'Europe/London',
    };
    expect(iso(nextOccurrences(weekly, new Date('2026-11-30T09:00:00Z'), 2))).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-14T09:00:00.000Z',
    ]);
  });

  it('every other Friday alternates weeks from the start', () => {
    const fortnightly = {
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=17;BYMINUTE=0',
      start: '2026-11-24T00:00',
      timeZone: 'UTC',
    };
    expect(iso(nextOccurrences(fortnightly, new Date('2026-11-24T00:00:00Z'), 3))).toEqual([
      '2026-11-27T17:00:00.000Z',
      '2026-12-11T17:00:00.000Z',
      '2026-12-25T17:00:00.000Z',
    ]);
  });

  it('says the rule in words', () => {
    const z = 'Europe/London';
    const words = (rrule: string): string => describeRecurrence({ rrule, start: '2026-11-24T00:00', timeZone: z });
    expect(words('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0')).toBe('every Monday at 9am (Europe/London)');
    expect(words('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30')).toBe(
      'every weekday at 8:30am (Europe/London)',
    );
    expect(words('FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0')).toBe(
      'on the 1st of every month at 9am (Europe/London)',
    );
    expect(words('FREQ=DAILY;BYHOUR=17;BYMINUTE=0')).toBe('every day at 5pm (Europe/London)');
    expect(words('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=9;BYMINUTE=0')).toBe(
      'every other Friday at 9am (Europe/London)',
    );
  });

  it('refuses an unknown zone and a rule without a frequency', () => {
    expect(() => ruleOf({ rrule: 'FREQ=DAILY', start: '2026-11-24T00:00', timeZone: 'Mars/Olympus' })).toThrow(
      /time zone/,
    );
    expect(() => ruleOf({ rrule: 'BYHOUR=9', start: '2026-11-24T00:00', timeZone: 'UTC' })).toThrow(/FREQ/);
  });
});
