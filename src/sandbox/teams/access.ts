import type { Caller } from '../context';
import { SANDBOX_DIRECTORY, type SandboxChannel, type SandboxTeam } from '../directory';
import { GraphError } from '../errors';

/** The members of a team (default: the first team, where every directory user is a member). */
export const teamMemberIds = (team: SandboxTeam = SANDBOX_DIRECTORY.team): string[] => [...team.memberIds];

/** Whether the caller may read and post in a team with these members (the app always may). */
export function canAccessTeam(caller: Caller, memberIds: readonly string[]): boolean {
  return caller.kind === 'app' || memberIds.includes(caller.user.id);
}

/** A team by its Graph id (case-insensitive), or undefined. */
export function findTeam(teamId: string): SandboxTeam | undefined {
  const key = teamId.toLowerCase();
  return SANDBOX_DIRECTORY.teams.find((t) => t.id === key);
}

/** A sandbox team by its Graph id, checking existence (404) and the caller's membership (403). */
export function requireTeam(caller: Caller, teamId: string): SandboxTeam {
  const team = findTeam(teamId);
  if (!team) throw new GraphError(404, 'NotFound', `No team found with Group Id ${teamId}`);
  if (!canAccessTeam(caller, team.memberIds))
    throw new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of this team.');
  return team;
}

/** A channel of a team by id (Teams' `19:…@thread.tacv2`), after the team's checks; or 404. */
export function requireChannel(caller: Caller, teamId: string, channelId: string): SandboxChannel {
  const team = requireTeam(caller, teamId);
  const channel = team.channels.find((c) => c.id.toLowerCase() === channelId.toLowerCase());
  if (!channel) throw new GraphError(404, 'NotFound', `Channel ${channelId} was not found in team ${teamId}.`);
  return channel;
}
