import { MemoryDirectory } from '../../src/planning';
import { CHANNELS, PEOPLE } from './playground';

const actor = { id: 'id-alexw', upn: 'alexw@example.com', name: 'Alex Wilber' };
const names = (people: readonly { displayName: string }[]) => people.map((p) => p.displayName);

describe('MemoryDirectory', () => {
  const directory = new MemoryDirectory(PEOPLE, CHANNELS);

  it('matches people by a case-insensitive prefix of the display name or of any word of it', async () => {
    expect(names(await directory.findPeople('meg', actor))).toEqual(['Megan Bowen']);
    expect(names(await directory.findPeople('BOWEN', actor))).toEqual(['Megan Bowen']);
    expect(names(await directory.findPeople('megan bowen', actor))).toEqual(['Megan Bowen']);
    expect(names(await directory.findPeople('L', actor))).toEqual(['Isaiah Langer', 'Lynne Robbins']);
    expect(await directory.findPeople('owen', actor)).toEqual([]);
  });

  it("matches mail by prefix, like Graph's startswith(mail), and UPN exactly", async () => {
    expect(names(await directory.findPeople('MeganB@example.com', actor))).toEqual(['Megan Bowen']);
    expect(names(await directory.findPeople('meganb@', actor))).toEqual(['Megan Bowen']);
    expect(await directory.findPeople('example.com', actor)).toEqual([]);
    expect(await directory.findPeople('', actor)).toEqual([]);
  });

  it('matches channels exactly (ignoring case and #), else by substring; an empty query lists all', async () => {
    const general = { teamId: 't', teamName: 'T', channelId: 'c3', channelName: 'General Chat' };
    const withChat = new MemoryDirectory(PEOPLE, [...CHANNELS, general]);
    const channelNames = async (query: string) => (await withChat.findChannels(query, actor)).map((c) => c.channelName);
    expect(await channelNames('#GENERAL')).toEqual(['General']);
    expect(await channelNames('gen')).toEqual(['General', 'General Chat']);
    expect(await channelNames('nounce')).toEqual(['Announcements']);
    expect(await channelNames('')).toEqual(['General', 'Announcements', 'General Chat']);
    expect(await channelNames('random')).toEqual([]);
  });
});
