import { matchChannels, odataString, peopleFilter } from '../../src/graph/directory';

describe('directory queries', () => {
  it('escapes quotes in OData literals', () => {
    expect(odataString("O'Neil")).toBe("'O''Neil'");
  });

  it('searches names and mail by prefix, and exact mail when given an address', () => {
    expect(peopleFilter('meg')).toBe(
      "startswith(displayName,'meg') or startswith(givenName,'meg') or startswith(surname,'meg') or startswith(mail,'meg')",
    );
    expect(peopleFilter('meganb@example.com')).toMatch(/ or mail eq 'meganb@example.com'$/);
  });

  it('prefers exact channel names, ignoring case and #', () => {
    const channels = [
      { teamId: 't', teamName: 'My Team', channelId: 'c1', channelName: 'General' },
      { teamId: 't', teamName: 'My Team', channelId: 'c2', channelName: 'General Chat' },
      { teamId: 't', teamName: 'My Team', channelId: 'c3', channelName: 'Announcements' },
    ];
    expect(matchChannels(channels, '#general').map((c) => c.channelId)).toEqual(['c1']);
    expect(matchChannels(channels, 'ann').map((c) => c.channelId)).toEqual(['c3']);
    expect(matchChannels(channels, '')).toHaveLength(3);
    expect(matchChannels(channels, 'random')).toEqual([]);
  });
});
