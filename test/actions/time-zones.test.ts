import { summariseEvent } from '../../src/actions/calendar/event-summary';
import { fromGraphDateTime, ianaZone, wallClock } from '../../src/actions/common/time';
import { DelegateError } from '../../src/engine/errors';

describe('time zones Graph answers with', () => {
  it('reads Windows zone names (Graph’s own) as their IANA zones, daylight saving included', () => {
    expect(ianaZone('GMT Standard Time')).toBe('Europe/London');
    expect(ianaZone('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaZone('Europe/Paris')).toBe('Europe/Paris');
    expect(fromGraphDateTime({ dateTime: '2026-07-01T09:00:00.0000000', timeZone: 'GMT Standard Time' })).toBe(
      '2026-07-01T08:00:00Z',
    );
    expect(fromGraphDateTime({ dateTime: '2026-01-15T09:00:00.0000000', timeZone: 'GMT Standard Time' })).toBe(
      '2026-01-15T09:00:00Z',
    );
    expect(fromGraphDateTime({ dateTime: '2026-01-15T09:00:00', timeZone: 'Pacific Standard Time' })).toBe(
      '2026-01-15T17:00:00Z',
    );
    expect(fromGraphDateTime({ dateTime: '2026-01-15T09:00:00', timeZone: 'UTC' })).toBe('2026-01-15T09:00:00Z');
  });

  it('refuses a zone it cannot name instead of treating it as UTC', () => {
    let error: unknown;
    try {
      fromGraphDateTime({ dateTime: '2026-01-15T09:00:00', timeZone: 'Atlantis Standard Time' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DelegateError);
    expect(error).toMatchObject({ code: 'graph_unknown_time_zone' });
  });

  it('gives an event’s wall-clock times in the zone asked for, whatever zone Graph answered in', () => {
    const event = summariseEvent(
      {
        id: 'e1',
        subject: 'Review',
        start: { dateTime: '2026-07-01T09:00:00.0000000', timeZone: 'GMT Standard Time' },
        end: { dateTime: '2026-07-01T09:30:00.0000000', timeZone: 'GMT Standard Time' },
      },
      'America/New_York',
    );
    expect(event).toMatchObject({
      start: '2026-07-01T08:00:00Z',
      end: '2026-07-01T08:30:00Z',
      startLocal: '2026-07-01T04:00:00',
      endLocal: '2026-07-01T04:30:00',
    });
    expect(wallClock('2026-07-01T08:00:00Z', 'W. Europe Standard Time')).toBe('2026-07-01T10:00:00');
  });
});
