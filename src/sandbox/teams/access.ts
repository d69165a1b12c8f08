import type { Caller } from '../context';
import { SANDBOX_DIRECTORY, type SandboxChannel } from '../directory';
import { GraphError } from '../errors';

const TEAM = SANDBOX_DIRECTORY.team;

/** Every directory user is a member of the sandbox team. */
export const teamMemberIds = (): string[] => SANDBOX_DIRECTORY.users.map((u) => u.id);

/** Whether the caller may read and post in a team with these members (the app always may). */
export function canAccessTeam(caller: Caller, memberIds: readonly string[]): boolean {
  return caller.kind === 'app' || memberIds.includes(caller.user.id);
}

/** The sandbox team by its Graph id, checking the caller's membership (403) and existence (404). */
export function requireTeam(caller: Caller, teamId: string): typeof TEAM {
  if (teamId.toLowerCase() !== TEAM.id) throw new GraphError(404, 'NotFound', `No team found with Group Id ${teamId}`);
  if (!canAccessTeam(caller, teamMemberIds())) throw new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of this team.');
  return TEAM;
}

/** A channel of the sandbox team by id (Teams' `19:…@thread.tacv2`), or 404. */
export function requireChannel(caller: Caller, teamId: string, channelId: string): SandboxChannel {
  requireTeam(caller, teamId);
  const channel = TEAM.channels.find((c) => c.id.toLowerCase() === channelId.toLowerCase());
  if (!channel) throw new GraphError(404, 'NotFound', `Channel ${channelId} was not found in team ${teamId}.`);
  return channel;
}
