import type { Activity } from 'botbuilder';
import { timeZoneOf } from '../../src/teams/activity';

const activity = (fields: Partial<Activity>): Activity => ({ type: 'message', ...fields }) as Activity;

describe("timeZoneOf: the requester's zone from the activity", () => {
  it('takes localTimezone, then the clientInfo entity, then the fallback', () => {
    expect(timeZoneOf(activity({ localTimezone: 'Europe/London' }), 'UTC')).toBe('Europe/London');
    const clientInfo = { type: 'clientInfo', timezone: 'America/Los_Angeles' };
    expect(timeZoneOf(activity({ entities: [clientInfo] }), 'UTC')).toBe('America/Los_Angeles');
    expect(timeZoneOf(activity({}), 'Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('skips a zone the runtime does not know, every time it is asked (nothing invalid is remembered)', () => {
    const clientInfo = { type: 'clientInfo', timezone: 'Asia/Tokyo' };
    for (let i = 0; i < 3; i++) {
      expect(timeZoneOf(activity({ localTimezone: 'Not/AZone', entities: [clientInfo] }), 'UTC')).toBe('Asia/Tokyo');
      expect(timeZoneOf(activity({ localTimezone: 'Not/AZone' }), 'UTC')).toBe('UTC');
    }
  });
});
