/** A person found in the tenant's directory. */
export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly userPrincipalName: string;
}

/** A Teams channel the requester can post to. */
export interface ChannelRef {
  readonly teamId: string;
  readonly teamName: string;
  readonly channelId: string;
  readonly channelName: string;
}

/** Who the lookups run as (the requester). */
export interface DirectoryActor {
  readonly id: string;
  readonly upn?: string;
  readonly name: string;
}

/**
 * The tenant lookups a planner needs to turn names into real recipients and destinations.
 * Implemented over Microsoft Graph in src/graph/directory.ts; tests may use an in-memory one.
 */
export interface Directory {
  /** People whose display name, given name, surname, mail or UPN starts with / equals `query`. */
  findPeople(query: string, actor: DirectoryActor): Promise<DirectoryPerson[]>;
  /** Channels (in the teams the actor has joined) whose name matches `query`, case-insensitively. */
  findChannels(query: string, actor: DirectoryActor): Promise<ChannelRef[]>;
}
