import type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from './directory';

/**
 * An in-memory {@link Directory} for tests and demos, matching like the Graph-backed one:
 * people by a case-insensitive prefix of their display name or of any word of it (given name,
 * surname), or by exact mail / UPN; channels by a case-insensitive prefix of their name
 * (`''` lists every channel).
 */
export class MemoryDirectory implements Directory {
  constructor(
    private readonly people: readonly DirectoryPerson[],
    private readonly channels: readonly ChannelRef[],
  ) {}

  async findPeople(query: string, _actor: DirectoryActor): Promise<DirectoryPerson[]> {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return [];
    return this.people.filter((person) => {
      const name = person.displayName.toLowerCase();
      return (
        name.startsWith(wanted) ||
        name.split(/\s+/).some((word) => word.startsWith(wanted)) ||
        person.mail.toLowerCase() === wanted ||
        person.userPrincipalName.toLowerCase() === wanted
      );
    });
  }

  async findChannels(query: string, _actor: DirectoryActor): Promise<ChannelRef[]> {
    const wanted = query.trim().toLowerCase();
    return this.channels.filter((channel) => channel.channelName.toLowerCase().startsWith(wanted));
  }
}
