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

  it('matches mail and UPN only exactly', async () => {
    expect(names(await directory.findPeople('MeganB@example.com', actor))).toEqual(['Megan Bowen']);
    expect(await directory.findPeople('meganb@', actor)).toEqual([]);
    expect(await directory.findPeople('', actor)).toEqual([]);
  });

  it('matches channels by a case-insensitive name prefix, and lists all for an empty query', async () => {
    expect((await directory.findChannels('gen', actor)).map((c) => c.channelName)).toEqual(['General']);
    expect((await directory.findChannels('', actor)).map((c) => c.channelName)).toEqual(['General', 'Announcements']);
    expect(await directory.findChannels('random', actor)).toEqual([]);
  });
});
