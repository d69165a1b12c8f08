import { mailboxOwner } from '../auth';
import { ok, type RequestContext } from '../context';
import { findUser, SANDBOX_DIRECTORY, type SandboxChannel, type SandboxTeam } from '../directory';
import { applyFilter, applySelect, checkSelect, collection, TEAMS_PAGING } from '../odata/query';
import type { Router } from '../router';
import { canAccessTeam, requireChannel, requireTeam } from '../teams/access';
import { metadata } from './shared';

const TENANT = SANDBOX_DIRECTORY.tenantId;
const CREATED = '2024-09-02T08:00:00.000Z';
const general = (team: SandboxTeam): SandboxChannel => team.channels[0] as SandboxChannel;

function teamResource(team: SandboxTeam): Record<string, unknown> {
  return {
    id: team.id,
    createdDateTime: CREATED,
    displayName: team.displayName,
    description: team.description,
    internalId: general(team).id,
    classification: null,
    specialization: 'none',
    visibility: 'private',
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(general(team).id)}/conversations?groupId=${team.id}&tenantId=${TENANT}`,
    isArchived: false,
    tenantId: TENANT,
    isMembershipLimitedToOwners: false,
    memberSettings: { allowCreateUpdateChannels: true, allowDeleteChannels: true, allowAddRemoveApps: true },
    messagingSettings: {
      allowUserEditMessages: true,
      allowUserDeleteMessages: true,
      allowChannelMentions: true,
      allowTeamMentions: true,
    },
  };
}

export function channelResource(c: SandboxChannel, team: SandboxTeam): Record<string, unknown> {
  return {
    id: c.id,
    createdDateTime: CREATED,
    displayName: c.displayName,
    description: c.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: TENANT,
    membershipType: 'standard',
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.displayName)}?groupId=${team.id}&tenantId=${TENANT}`,
  };
}

function joinedTeams(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const select = ctx.query.get('$select');
  checkSelect(select, 'team');
  const value = SANDBOX_DIRECTORY.teams
    .filter((team) => canAccessTeam({ kind: 'user', user: owner }, team.memberIds))
    .map((team) => ({
      id: team.id,
      displayName: team.displayName,
      description: team.description,
      isArchived: false,
      tenantId: TENANT,
    }))
    .map((team) => applySelect(team, select, 'team', ['id']));
  return ok({ '@odata.context': metadata(ctx, 'teams'), '@odata.count': value.length, value });
}

function members(ctx: RequestContext) {
  const team = requireTeam(ctx.caller, ctx.params.team ?? '');
  const select = ctx.query.get('$select');
  checkSelect(select, 'conversationMember');
  const value = team.memberIds.map((id) => {
    const u = findUser(id);
    return {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: Buffer.from(`0#${team.id}#${id}`).toString('base64'),
      roles: team.ownerIds.includes(id) ? ['owner'] : [],
      displayName: u?.displayName ?? '',
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId: id,
      email: u?.mail ?? '',
      tenantId: TENANT,
    };
  });
  const filtered = applyFilter(value, ctx.query.get('$filter')).map((m) =>
    applySelect(m, select, 'conversationMember', ['id', '@odata.type']),
  );
  return ok(
    collection(filtered, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: { ...TEAMS_PAGING, defaultTop: 100, maxTop: 999 },
      context: metadata(ctx, `teams('${team.id}')/members`),
    }),
  );
}

export function registerTeamRoutes(router: Router): void {
  router.get('/users/:user/joinedTeams', joinedTeams);
  router.get('/teams/:team', (ctx) => {
    const team = requireTeam(ctx.caller, ctx.params.team ?? '');
    return ok({
      '@odata.context': metadata(ctx, 'teams/$entity'),
      ...applySelect(teamResource(team), ctx.query.get('$select'), 'team', ['id']),
    });
  });
  router.get('/teams/:team/channels', (ctx) => {
    const team = requireTeam(ctx.caller, ctx.params.team ?? '');
    const select = ctx.query.get('$select');
    checkSelect(select, 'channel');
    const value = applyFilter(
      team.channels.map((c) => channelResource(c, team)),
      ctx.query.get('$filter'),
    ).map((c) => applySelect(c, select, 'channel', ['id']));
    return ok({ '@odata.context': metadata(ctx, `teams('${team.id}')/channels`), '@odata.count': value.length, value });
  });
  router.get('/teams/:team/primaryChannel', (ctx) => {
    const team = requireTeam(ctx.caller, ctx.params.team ?? '');
    return ok({
      '@odata.context': metadata(ctx, `teams('${team.id}')/primaryChannel/$entity`),
      ...applySelect(channelResource(general(team), team), ctx.query.get('$select'), 'channel', ['id']),
    });
  });
  router.get('/teams/:team/channels/:channel', (ctx) => {
    const team = requireTeam(ctx.caller, ctx.params.team ?? '');
    const channel = requireChannel(ctx.caller, team.id, ctx.params.channel ?? '');
    return ok({
      '@odata.context': metadata(ctx, `teams('${team.id}')/channels/$entity`),
      ...applySelect(channelResource(channel, team), ctx.query.get('$select'), 'channel', ['id']),
    });
  });
  router.get('/teams/:team/members', members);
}
