import { humanInstant, humanPerson, humanRange, humanText } from '../../src/present/human';

/** Wednesday 2 December 2026, 16:02 UTC. */
const context = {
  timeZone: 'Europe/London',
  now: new Date('2026-12-02T16:02:03.824Z'),
  people: { 'meganb@example.com': 'Megan Bowen' },
};

describe('the human formatter for cards', () => {
  it('says a search range as days, ending "today" when it runs until now', () => {
    expect(humanText('since 2026-11-30T00:00:00Z until 2026-12-02T16:02:03.824Z', context)).toBe('Mon 30 Nov – today');
  });

  it('says a slot as a day and two clock times, in the requester zone', () => {
    expect(humanRange('2026-12-04T12:00:00Z', '2026-12-04T13:00:00Z', context)).toBe('Fri 4 Dec, 12:00–13:00');
    expect(
      humanRange('2026-12-04T12:00:00Z', '2026-12-04T13:00:00Z', { ...context, timeZone: 'America/New_York' }),
    ).toBe('Fri 4 Dec, 07:00–08:00');
  });

  it('says whole days with an exclusive end, and near days by name', () => {
    expect(humanRange('2026-11-30T00:00:00Z', '2026-12-05T00:00:00Z', context)).toBe('Mon 30 Nov – Fri 4 Dec');
    expect(humanRange('2026-12-04T00:00:00Z', '2026-12-05T00:00:00Z', context)).toBe('Fri 4 Dec');
    expect(humanInstant('2026-12-03T09:30:00Z', context)).toBe('tomorrow, 09:30');
    expect(humanInstant('2027-01-04T00:00:00Z', context)).toBe('Mon 4 Jan 2027');
  });

  it('names people the directory knows and keeps addresses it does not', () => {
    expect(humanPerson('MeganB@example.com', context)).toBe('Megan Bowen');
    expect(humanText('Megan Bowen <meganb@example.com>, dana@fabrikam.com', context)).toBe(
      'Megan Bowen, dana@fabrikam.com',
    );
    expect(humanText('To meganb@example.com', context)).toBe('To Megan Bowen');
  });

  it('never leaves a raw instant', () => {
    const text = humanText(
      'between 2026-12-04T12:00:00Z and 2026-12-04T12:30:00Z, then at 2026-12-07T08:00:00.000Z',
      context,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
