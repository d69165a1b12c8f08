import { mailboxOwner } from '../auth';
import { ok, type RequestContext } from '../context';
import { findUser, SANDBOX_DIRECTORY, type SandboxChannel } from '../directory';
import { applyFilter, applySelect, collection, TEAMS_PAGING } from '../odata/query';
import type { Router } from '../router';
import { canAccessTeam, requireChannel, requireTeam, teamMemberIds } from '../teams/access';
import { metadata } from './shared';

const TEAM = SANDBOX_DIRECTORY.team;
const TENANT = SANDBOX_DIRECTORY.tenantId;
const CREATED = '2024-09-02T08:00:00.000Z';
const general = (): SandboxChannel => TEAM.channels[0] as SandboxChannel;

function teamResource(): Record<string, unknown> {
  return {
    id: TEAM.id, createdDateTime: CREATED, displayName: TEAM.displayName, description: TEAM.description,
    internalId: general().id, classification: null, specialization: 'none', visibility: 'private',
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(general().id)}/conversations?groupId=${TEAM.id}&tenantId=${TENANT}`,
    isArchived: false, tenantId: TENANT, isMembershipLimitedToOwners: false,
    memberSettings: { allowCreateUpdateChannels: true, allowDeleteChannels: true, allowAddRemoveApps: true },
    messagingSettings: { allowUserEditMessages: true, allowUserDeleteMessages: true, allowChannelMentions: true, allowTeamMentions: true },
  };
}

export function channelResource(c: SandboxChannel): Record<string, unknown> {
  return {
    id: c.id, createdDateTime: CREATED, displayName: c.displayName, description: c.description, isFavoriteByDefault: null,
    email: '', tenantId: TENANT, membershipType: 'standard',
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.displayName)}?groupId=${TEAM.id}&tenantId=${TENANT}`,
  };
}

function joinedTeams(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const value = canAccessTeam({ kind: 'user', user: owner }, teamMemberIds())
    ? [{ id: TEAM.id, displayName: TEAM.displayName, description: TEAM.description, isArchived: false, tenantId: TENANT }]
    : [];
  return ok({ '@odata.context': metadata(ctx, 'teams'), '@odata.count': value.length, value });
}

function members(ctx: RequestContext) {
  requireTeam(ctx.caller, ctx.params.team ?? '');
  const value = teamMemberIds().map((id) => {
    const u = findUser(id);
    return {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: Buffer.from(`0#${TEAM.id}#${id}`).toString('base64'),
      roles: TEAM.ownerIds.includes(id) ? ['owner'] : [],
      displayName: u?.displayName ?? '', visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId: id, email: u?.mail ?? '', tenantId: TENANT,
    };
  });
  const filtered = applyFilter(value, ctx.query.get('$filter'));
  return ok(collection(filtered, { requestUrl: ctx.requestUrl, query: ctx.query, rules: { ...TEAMS_PAGING, defaultTop: 100, maxTop: 999 }, context: metadata(ctx, `teams('${TEAM.id}')/members`) }));
}

export function registerTeamRoutes(router: Router): void {
  router.get('/users/:user/joinedTeams', joinedTeams);
  router.get('/teams/:team', (ctx) => {
    requireTeam(ctx.caller, ctx.params.team ?? '');
    return ok({ '@odata.context': metadata(ctx, 'teams/$entity'), ...applySelect(teamResource(), ctx.query.get('$select'), ['id']) });
  });
  router.get('/teams/:team/channels', (ctx) => {
    requireTeam(ctx.caller, ctx.params.team ?? '');
    const value = applyFilter(TEAM.channels.map(channelResource), ctx.query.get('$filter'));
    return ok({ '@odata.context': metadata(ctx, `teams('${TEAM.id}')/channels`), '@odata.count': value.length, value });
  });
  router.get('/teams/:team/primaryChannel', (ctx) => {
    requireTeam(ctx.caller, ctx.params.team ?? '');
    return ok({ '@odata.context': metadata(ctx, `teams('${TEAM.id}')/primaryChannel/$entity`), ...channelResource(general()) });
  });
  router.get('/teams/:team/channels/:channel', (ctx) => {
    const channel = requireChannel(ctx.caller, ctx.params.team ?? '', ctx.params.channel ?? '');
    return ok({ '@odata.context': metadata(ctx, `teams('${TEAM.id}')/channels/$entity`), ...channelResource(channel) });
  });
  router.get('/teams/:team/members', members);
}
