import type { RequestContext } from '../context';
import { jsonBody } from '../context';
import { findUser, type SandboxUser } from '../directory';
import { badRequest, GraphError } from '../errors';
import { CHAT_KIND, composeChat, groupChatId, oneOnOneChatId, putChat, type ChatDoc } from './chats';

/** `users('id-or-upn')` in a `user@odata.bind` value, absolute or relative. */
const BIND = /users\(\s*'([^']+)'\s*\)\s*$/i;

function memberUser(raw: unknown): SandboxUser {
  const bind = (raw as Record<string, unknown> | null)?.['user@odata.bind'];
  const key = typeof bind === 'string' ? BIND.exec(bind)?.[1] : undefined;
  if (!key)
    throw badRequest("Each member needs a 'user@odata.bind' such as https://graph.microsoft.com/v1.0/users('{id}').");
  const user = findUser(key);
  if (!user) throw new GraphError(404, 'NotFound', `User '${key}' was not found.`);
  return user;
}

/**
 * `POST /chats`: a one-on-one chat between exactly two people (the existing one when the pair
 * already has one, as Teams keeps one per pair) or a group chat. A signed-in caller must be a member.
 */
export function createChat(ctx: RequestContext): { chat: ChatDoc; existed: boolean } {
  const input = jsonBody(ctx);
  const chatType = input.chatType;
  if (chatType !== 'oneOnOne' && chatType !== 'group')
    throw badRequest(`Invalid chatType '${String(chatType)}': oneOnOne or group.`);
  if (!Array.isArray(input.members)) throw badRequest("Missing 'members'.");
  const ids = [...new Set(input.members.map((m) => memberUser(m).id))];
  if (ctx.caller.kind === 'user' && !ids.includes(ctx.caller.user.id)) {
    throw new GraphError(403, 'Forbidden', 'The signed-in user must be a member of the chat being created.');
  }
  const [a, b] = ids;
  if (chatType === 'oneOnOne') {
    if (ids.length !== 2 || !a || !b) throw badRequest('A oneOnOne chat needs exactly two distinct members.');
    const id = oneOnOneChatId(a, b);
    const existing = ctx.store.getDoc<ChatDoc>(CHAT_KIND, id);
    if (existing) return { chat: existing, existed: true };
    const chat = composeChat(id, 'oneOnOne', [a, b], ctx.now.getTime());
    putChat(ctx.store, chat);
    return { chat, existed: false };
  }
  if (ids.length < 2) throw badRequest('A group chat needs at least two members.');
  const topic = typeof input.topic === 'string' && input.topic.trim() ? input.topic.trim() : null;
  const chat = composeChat(groupChatId(ids, ctx.now.getTime()), 'group', ids, ctx.now.getTime(), topic);
  putChat(ctx.store, chat);
  return { chat, existed: false };
}
