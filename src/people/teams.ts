import type { GraphGateway } from '../graph/types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGES = 10;

interface Member {
  readonly userId?: string;
  readonly roles?: readonly string[];
}

/**
 * What governance needs to know about teams and groups, from Microsoft Graph as the app:
 * which team a Teams thread belongs to, who owns a team, and who is in a group.
 */
export class TeamDirectory {
  private readonly teamOfThread = new Map<string, string>();

  constructor(private readonly gateway: GraphGateway) {}

  /**
   * The Graph team id for what an activity calls its team: the team's `aadGroupId` when Teams
   * sends one (already a Graph id), else the General channel's thread id, matched against the
   * `internalId` of the teams the person has joined. Undefined when no team matches.
   */
  async teamId(teamOrThreadId: string, memberId: string): Promise<string | undefined> {
    if (GUID.test(teamOrThreadId)) return teamOrThreadId;
    const cached = this.teamOfThread.get(teamOrThreadId);
    if (cached) return cached;
    const graph = this.gateway.forApp();
    const joined = await graph.getAll<{ id: string }>(`/users/${encodeURIComponent(memberId)}/joinedTeams`, {
      maxPages: MAX_PAGES,
      what: 'your teams',
    });
    for (const team of joined) {
      const details = await graph.get<{ internalId?: string }>(
        `/teams/${encodeURIComponent(team.id)}`,
        { $select: 'id,internalId' },
        { what: 'the team' },
      );
      if (details.internalId) this.teamOfThread.set(details.internalId, team.id);
      if (details.internalId === teamOrThreadId) return team.id;
    }
    return undefined;
  }

  /** Object ids of the team's owners (members with the `owner` role). */
  async owners(teamId: string): Promise<string[]> {
    const members = await this.gateway
      .forApp()
      .getAll<Member>(`/teams/${encodeURIComponent(teamId)}/members`, { maxPages: MAX_PAGES, what: 'the team' });
    return members.filter((m) => (m.roles ?? []).includes('owner') && m.userId).map((m) => m.userId as string);
  }

  /**
   * How many people a channel reaches: its members for a private or shared channel, the team's
   * members for a standard one. Undefined when Graph can't say (the audience rule then can't fire).
   */
  async channelMembers(teamId: string, channelId: string): Promise<number | undefined> {
    const graph = this.gateway.forApp();
    try {
      const channel = await graph.get<{ membershipType?: string }>(
        `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}`,
        { $select: 'id,membershipType' },
        { what: 'the channel' },
      );
      const path =
        channel.membershipType === 'standard' || channel.membershipType === undefined
          ? `/teams/${encodeURIComponent(teamId)}/members`
          : `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/members`;
      return (await graph.getAll<unknown>(path, { maxPages: MAX_PAGES, what: 'the channel' })).length;
    } catch {
      return undefined;
    }
  }

  /** User object ids in these `group:<id>` principals (transitive members). */
  async expandGroups(groups: readonly string[]): Promise<string[]> {
    const graph = this.gateway.forApp();
    const ids = await Promise.all(
      groups.map(async (principal) => {
        const groupId = principal.replace(/^group:/, '');
        const members = await graph.getAll<{ id: string; '@odata.type'?: string }>(
          `/groups/${encodeURIComponent(groupId)}/transitiveMembers`,
          {
            maxPages: MAX_PAGES,
            query: { $select: 'id' },
            what: 'the approvers group',
          },
        );
        return members
          .filter((m) => m['@odata.type'] === undefined || m['@odata.type'] === '#microsoft.graph.user')
          .map((m) => m.id);
      }),
    );
    return [...new Set(ids.flat())];
  }
}
