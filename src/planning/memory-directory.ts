import type { ChannelRef, Directory, DirectoryActor, DirectoryPerson } from './directory';

/**
 * An in-memory {@link Directory} for tests and demos, matching like the Graph-backed one
 * (src/graph/directory.ts): people by a case-insensitive prefix of their display name or of any
 * word of it (given name, surname) or of their mail, or by exact mail / UPN; channels by exact
 * name (ignoring case and a leading '#'), else by names containing the query; `''` lists all.
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
        person.mail.toLowerCase().startsWith(wanted) ||
        person.userPrincipalName.toLowerCase() === wanted
      );
    });
  }

  async findChannels(query: string, _actor: DirectoryActor): Promise<ChannelRef[]> {
    const wanted = query.trim().replace(/^#/, '').toLowerCase();
    if (!wanted) return [...this.channels];
    const exact = this.channels.filter((channel) => channel.channelName.toLowerCase() === wanted);
    return exact.length > 0
      ? exact
      : this.channels.filter((channel) => channel.channelName.toLowerCase().includes(wanted));
  }
}
