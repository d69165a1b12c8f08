import { created, ok, type RequestContext } from '../context';
import { badRequest, GraphError } from '../errors';
import type { ChannelMessage } from '../model';
import { applySelect, checkSelect, collection, TEAMS_PAGING } from '../odata/query';
import type { Router } from '../router';
import { requireChannel } from '../teams/access';
import { chatFrom, composeChatMessage } from '../teams/messages';
import { readPostInput } from '../teams/post-input';
import { metadata } from './shared';

function target(ctx: RequestContext) {
  const teamId = ctx.params.team ?? '';
  const channel = requireChannel(ctx.caller, teamId, ctx.params.channel ?? '');
  return { teamId: teamId.toLowerCase(), channelId: channel.id };
}

function requireMessage(ctx: RequestContext, channelId: string, id: string, parent: string | null): ChannelMessage {
  const message = ctx.store.getChannelMessage(channelId, id);
  if (!message || message.replyToId !== parent) throw new GraphError(404, 'NotFound', `Message ${id} was not found.`);
  return message;
}

/** One message, `$select`ed. */
const selectMessage = (ctx: RequestContext, m: ChannelMessage) =>
  applySelect({ ...m } as unknown as Record<string, unknown>, ctx.query.get('$select'), 'chatMessage', ['id']);

function list(ctx: RequestContext, parent: string | null) {
  const { teamId, channelId } = target(ctx);
  if (parent) requireMessage(ctx, channelId, parent, null);
  const select = ctx.query.get('$select');
  checkSelect(select, 'chatMessage');
  const expandReplies = /^replies$/i.test(ctx.query.get('$expand') ?? '');
  if (ctx.query.get('$expand') && !expandReplies)
    throw badRequest(`Unsupported $expand '${ctx.query.get('$expand')}'.`);
  const shown = (replyTo: string | null) =>
    ctx.listable('channelMessage', ctx.store.listChannelMessages(channelId, replyTo), (m) => `${channelId}/${m.id}`);
  const items = shown(parent).map((m) =>
    applySelect(
      (expandReplies && !parent ? { ...m, replies: shown(m.id) } : m) as unknown as Record<string, unknown>,
      select,
      'chatMessage',
      ['id', ...(expandReplies ? ['replies'] : [])],
    ),
  );
  const where = `teams('${teamId}')/channels('${channelId}')/messages${parent ? `('${parent}')/replies` : ''}`;
  return ok(
    collection(items, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: TEAMS_PAGING,
      context: metadata(ctx, where),
    }),
  );
}

function post(ctx: RequestContext, parent: string | null) {
  const { teamId, channelId } = target(ctx);
  if (parent) requireMessage(ctx, channelId, parent, null);
  const select = ctx.query.get('$select');
  checkSelect(select, 'chatMessage');
  const input = readPostInput(ctx);
  // Ids are creation milliseconds; bump past any taken one so that ids stay unique and ordered.
  let ms = ctx.now.getTime();
  while (ctx.store.getChannelMessage(channelId, String(ms))) ms++;
  const message = composeChatMessage({
    teamId,
    channelId,
    replyToId: parent,
    createdMs: ms,
    from: chatFrom(ctx.caller),
    body: input.body,
    subject: input.subject,
    importance: input.importance,
    mentions: input.mentions,
  });
  ctx.store.putChannelMessage(message);
  ctx.store.markNew('channelMessage', `${channelId}/${message.id}`, ctx.now);
  const where = `teams('${teamId}')/channels('${channelId}')/messages${parent ? `('${parent}')/replies` : ''}/$entity`;
  return created({ '@odata.context': metadata(ctx, where), ...message });
}

export function registerChannelMessageRoutes(router: Router): void {
  const base = '/teams/:team/channels/:channel/messages';
  router.get(base, (ctx) => list(ctx, null));
  router.post(base, (ctx) => post(ctx, null));
  router.get(`${base}/:id`, (ctx) => {
    const { teamId, channelId } = target(ctx);
    const m = requireMessage(ctx, channelId, ctx.params.id ?? '', null);
    return ok({
      '@odata.context': metadata(ctx, `teams('${teamId}')/channels('${channelId}')/messages/$entity`),
      ...selectMessage(ctx, m),
    });
  });
  router.get(`${base}/:id/replies`, (ctx) => list(ctx, ctx.params.id ?? ''));
  router.post(`${base}/:id/replies`, (ctx) => post(ctx, ctx.params.id ?? ''));
  router.get(`${base}/:id/replies/:reply`, (ctx) => {
    const { teamId, channelId } = target(ctx);
    requireMessage(ctx, channelId, ctx.params.id ?? '', null);
    const m = requireMessage(ctx, channelId, ctx.params.reply ?? '', ctx.params.id ?? '');
    return ok({
      '@odata.context': metadata(
        ctx,
        `teams('${teamId}')/channels('${channelId}')/messages('${ctx.params.id}')/replies/$entity`,
      ),
      ...selectMessage(ctx, m),
    });
  });
}
