import { mailboxOwner } from '../auth';
import { created, ok, type RequestContext } from '../context';
import { GraphError } from '../errors';
import { applyFilter, applySelect, collection, TEAMS_PAGING, checkSelect } from '../odata/query';
import type { Router } from '../router';
import { createChat } from '../teams/chat-create';
import {
  addChatMessage,
  chatMemberResource,
  chatMessages,
  chatResource,
  chatsOf,
  getChatMessage,
  requireChat,
  type ChatDoc,
} from '../teams/chats';
import { chatFrom } from '../teams/messages';
import { readPostInput } from '../teams/post-input';
import { metadata } from './shared';

const CHATS_PAGING = { ...TEAMS_PAGING, defaultTop: 50, maxTop: 50 };

function withMembers(chat: ChatDoc, ctx: RequestContext): Record<string, unknown> {
  const expand = ctx.query.get('$expand');
  if (expand && !/^members$/i.test(expand)) throw new GraphError(400, 'BadRequest', `Unsupported $expand '${expand}'.`);
  const resource = applySelect(chatResource(chat), ctx.query.get('$select'), 'chat', ['id']);
  return expand ? { ...resource, members: chat.memberIds.map((id) => chatMemberResource(chat, id)) } : resource;
}

function listChats(ctx: RequestContext, userId: string) {
  checkSelect(ctx.query.get('$select'), 'chat');
  const value = applyFilter(
    chatsOf(ctx.store, userId).map((c) => withMembers(c, ctx)),
    ctx.query.get('$filter'),
  );
  return ok(
    collection(value, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: CHATS_PAGING,
      context: metadata(ctx, 'chats'),
    }),
  );
}

function postMessage(ctx: RequestContext) {
  const chat = requireChat(ctx.store, ctx.caller, ctx.params.chat ?? '');
  // Graph lets applications send chat messages only for migration; Delegate always sends as the person.
  if (ctx.caller.kind === 'app')
    throw new GraphError(
      403,
      'Forbidden',
      'Sending chat messages needs a signed-in user (ChatMessage.Send is delegated only).',
    );
  const input = readPostInput(ctx);
  const message = addChatMessage(ctx.store, {
    chat,
    createdMs: ctx.now.getTime(),
    from: chatFrom(ctx.caller),
    body: input.body,
    importance: input.importance,
    mentions: input.mentions,
  });
  ctx.store.markNew('chatMessage', `${chat.id}/${message.id}`, ctx.now);
  return created({ '@odata.context': metadata(ctx, `chats('${chat.id}')/messages/$entity`), ...message });
}

export function registerChatRoutes(router: Router): void {
  router.get('/chats', (ctx) => {
    if (ctx.caller.kind !== 'user')
      throw new GraphError(
        403,
        'Forbidden',
        'Listing /chats needs a signed-in user; the application lists /users/{id}/chats.',
      );
    return listChats(ctx, ctx.caller.user.id);
  });
  router.get('/users/:user/chats', (ctx) => listChats(ctx, mailboxOwner(ctx).id));
  router.post('/chats', (ctx) => {
    const { chat } = createChat(ctx);
    return created({ '@odata.context': metadata(ctx, 'chats/$entity'), ...chatResource(chat) });
  });
  router.get('/chats/:chat', (ctx) => {
    const chat = requireChat(ctx.store, ctx.caller, ctx.params.chat ?? '');
    return ok({ '@odata.context': metadata(ctx, 'chats/$entity'), ...withMembers(chat, ctx) });
  });
  router.get('/chats/:chat/members', (ctx) => {
    const chat = requireChat(ctx.store, ctx.caller, ctx.params.chat ?? '');
    const select = ctx.query.get('$select');
    checkSelect(select, 'conversationMember');
    const value = applyFilter(
      chat.memberIds.map((id) => chatMemberResource(chat, id)),
      ctx.query.get('$filter'),
    ).map((m) => applySelect(m, select, 'conversationMember', ['id', '@odata.type']));
    return ok({ '@odata.context': metadata(ctx, `chats('${chat.id}')/members`), '@odata.count': value.length, value });
  });
  router.get('/chats/:chat/messages', (ctx) => {
    const chat = requireChat(ctx.store, ctx.caller, ctx.params.chat ?? '');
    const select = ctx.query.get('$select');
    checkSelect(select, 'chatMessage');
    const items = ctx
      .listable('chatMessage', chatMessages(ctx.store, chat.id), (m) => `${chat.id}/${m.id}`)
      .map((m) => applySelect({ ...m }, select, 'chatMessage', ['id']));
    return ok(
      collection(items, {
        requestUrl: ctx.requestUrl,
        query: ctx.query,
        rules: TEAMS_PAGING,
        context: metadata(ctx, `chats('${chat.id}')/messages`),
      }),
    );
  });
  router.post('/chats/:chat/messages', postMessage);
  router.get('/chats/:chat/messages/:id', (ctx) => {
    const chat = requireChat(ctx.store, ctx.caller, ctx.params.chat ?? '');
    const message = getChatMessage(ctx.store, chat.id, ctx.params.id ?? '');
    if (!message) throw new GraphError(404, 'NotFound', `Message ${ctx.params.id ?? ''} was not found.`);
    return ok({
      '@odata.context': metadata(ctx, `chats('${chat.id}')/messages/$entity`),
      ...applySelect({ ...message }, ctx.query.get('$select'), 'chatMessage', ['id']),
    });
  });
}
