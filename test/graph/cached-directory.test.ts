import { CachedDirectory } from '../../src/graph';
import type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from '../../src/planning/directory';

/** The planner's directory cache: one Graph call per distinct look-up, per requester, for a short while. */
const ALEX: DirectoryActor = { id: 'id-alex', name: 'Alex Wilber' };
const ADELE: DirectoryActor = { id: 'id-adele', name: 'Adele Vance' };
const MEGAN: DirectoryPerson = {
  id: 'id-megan',
  displayName: 'Megan Bowen',
  mail: 'meganb@example.com',
  userPrincipalName: 'meganb@example.com',
};
const GENERAL: ChannelRef = { teamId: 't', teamName: 'My Team', channelId: 'c', channelName: 'General' };

class CountingDirectory implements Directory {
  calls: string[] = [];
  failNext = false;
  async findPeople(query: string, actor: DirectoryActor): Promise<DirectoryPerson[]> {
    this.calls.push(`people:${actor.id}:${query}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('Graph is down');
    }
    return query.toLowerCase().startsWith('megan') ? [MEGAN] : [];
  }
  async findChannels(query: string, actor: DirectoryActor): Promise<ChannelRef[]> {
    this.calls.push(`channels:${actor.id}:${query}`);
    return [GENERAL];
  }
}

function setup(ttlMs = 60_000, maxEntries = 1_000) {
  let now = 1_000_000;
  const inner = new CountingDirectory();
  const cached = new CachedDirectory(inner, { ttlMs, maxEntries, now: () => now });
  return { inner, cached, advance: (ms: number) => (now += ms) };
}

describe('CachedDirectory', () => {
  it('shares one call between concurrent identical look-ups, ignoring case and spacing', async () => {
    const { inner, cached } = setup();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => cached.findPeople(i % 2 ? ' megan bowen' : 'Megan Bowen', ALEX)),
    );
    expect(answers.every((a) => a.length === 1 && a[0]?.mail === 'meganb@example.com')).toBe(true);
    expect(inner.calls).toEqual(['people:id-alex:Megan Bowen']);
  });

  it('reuses an answer until it is older than the TTL', async () => {
    const { inner, cached, advance } = setup(60_000);
    await cached.findChannels('General', ALEX);
    advance(59_000);
    await cached.findChannels('general', ALEX);
    expect(inner.calls).toHaveLength(1);
    advance(2_000);
    await cached.findChannels('General', ALEX);
    expect(inner.calls).toHaveLength(2);
  });

  it('never serves one requester the answer of another, nor people for channels', async () => {
    const { inner, cached } = setup();
    await cached.findPeople('Megan', ALEX);
    await cached.findPeople('Megan', ADELE);
    await cached.findChannels('Megan', ALEX);
    expect(inner.calls).toEqual(['people:id-alex:Megan', 'people:id-adele:Megan', 'channels:id-alex:Megan']);
  });

  it('does not keep failures', async () => {
    const { inner, cached } = setup();
    inner.failNext = true;
    await expect(cached.findPeople('Megan', ALEX)).rejects.toThrow('Graph is down');
    await expect(cached.findPeople('Megan', ALEX)).resolves.toEqual([MEGAN]);
    expect(inner.calls).toHaveLength(2);
  });

  it('gives every caller its own list, and forgets the oldest answers beyond its size', async () => {
    const { inner, cached } = setup(60_000, 2);
    const first = await cached.findPeople('Megan', ALEX);
    first.pop();
    expect(await cached.findPeople('Megan', ALEX)).toEqual([MEGAN]);
    await cached.findPeople('Adele', ALEX);
    await cached.findPeople('Lynne', ALEX);
    await cached.findPeople('Megan', ALEX);
    expect(inner.calls.filter((c) => c.endsWith(':Megan'))).toHaveLength(2);
  });
});
