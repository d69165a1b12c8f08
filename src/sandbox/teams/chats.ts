import { createHash } from 'node:crypto';
import type { Caller } from '../context';
import { findUser, SANDBOX_DIRECTORY, type SandboxUser } from '../directory';
import { GraphError } from '../errors';
import type { ChannelMessage, ChatFrom } from '../model';
import type { SandboxStore } from '../store/store';
import type { ChatMention } from './mentions';

const TENANT = SANDBOX_DIRECTORY.tenantId;
export const CHAT_KIND = 'chats.chat';
export const CHAT_MESSAGE_KIND = 'chats.message';

/** A stored chat: Graph's `chat` resource plus who is in it (Graph shows members separately). */
export interface ChatDoc {
  readonly id: string;
  readonly topic: string | null;
  readonly createdDateTime: string;
  readonly lastUpdatedDateTime: string;
  readonly chatType: 'oneOnOne' | 'group';
  readonly webUrl: string;
  readonly tenantId: string;
  readonly memberIds: readonly string[];
}

/** A stored chatMessage in a chat (no channel, a chatId instead). */
export type ChatThreadMessage = Omit<ChannelMessage, 'chatId' | 'channelIdentity' | 'webUrl' | 'replyToId'> & {
  readonly chatId: string;
  readonly channelIdentity: null;
  readonly webUrl: null;
  readonly replyToId: null;
};

/** Teams' id of the one chat two people share: both object ids, sorted, in the `@unq.gbl.spaces` form. */
export function oneOnOneChatId(a: string, b: string): string {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()].sort();
  return `19:${x}_${y}@unq.gbl.spaces`;
}

/** A group chat's id in Teams' `19:…@thread.v2` form, derived from its members and creation time. */
export function groupChatId(memberIds: readonly string[], createdMs: number): string {
  const hex = createHash('sha256')
    .update(`${[...memberIds].sort().join(',')}#${createdMs}`)
    .digest('hex')
    .slice(0, 32);
  return `19:${hex}@thread.v2`;
}

/** A new chat document. */
export function composeChat(
  id: string,
  chatType: ChatDoc['chatType'],
  memberIds: readonly string[],
  createdMs: number,
  topic: string | null = null,
): ChatDoc {
  const created = new Date(createdMs).toISOString();
  return {
    id,
    topic,
    createdDateTime: created,
    lastUpdatedDateTime: created,
    chatType,
    tenantId: TENANT,
    memberIds: [...memberIds],
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(id)}/0?tenantId=${TENANT}`,
  };
}

/** The chat as Graph returns it (members are a separate navigation). */
export function chatResource(chat: ChatDoc): Record<string, unknown> {
  const { memberIds: _members, ...resource } = chat;
  void _members;
  return {
    ...resource,
    onlineMeetingInfo: null,
    isHiddenForAllMembers: false,
    viewpoint: { isHidden: false, lastMessageReadDateTime: chat.lastUpdatedDateTime },
  };
}

/** A chat's `aadUserConversationMember`. */
export function chatMemberResource(chat: ChatDoc, userId: string): Record<string, unknown> {
  const user: SandboxUser | undefined = findUser(userId);
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: Buffer.from(`8#${chat.id}#${userId}`).toString('base64'),
    roles: ['owner'],
    displayName: user?.displayName ?? '',
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId,
    email: user?.mail ?? '',
    tenantId: TENANT,
  };
}

export function putChat(store: SandboxStore, chat: ChatDoc): void {
  store.putDoc(CHAT_KIND, chat.id, chat, { sort: chat.lastUpdatedDateTime });
}

/** Every chat this person is in, most recently active first. */
export function chatsOf(store: SandboxStore, userId: string): ChatDoc[] {
  return store
    .listDocs<ChatDoc>(CHAT_KIND)
    .filter((c) => c.memberIds.includes(userId))
    .reverse();
}

/** A chat by id, checking existence (404) and that a signed-in caller is in it (403); the app may read any. */
export function requireChat(store: SandboxStore, caller: Caller, chatId: string): ChatDoc {
  const chat = store.getDoc<ChatDoc>(CHAT_KIND, chatId);
  if (!chat) throw new GraphError(404, 'NotFound', `Chat ${chatId} was not found.`);
  if (caller.kind === 'user' && !chat.memberIds.includes(caller.user.id))
    throw new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of this chat.');
  return chat;
}

const messageKey = (chatId: string, id: string): string => `${chatId}/${id}`;
const sortKey = (createdMs: number): string => String(createdMs).padStart(16, '0');

/** A chat's messages, newest first. */
export function chatMessages(store: SandboxStore, chatId: string): ChatThreadMessage[] {
  return store.listDocs<ChatThreadMessage>(CHAT_MESSAGE_KIND, { parent: chatId }).reverse();
}

export function getChatMessage(store: SandboxStore, chatId: string, id: string): ChatThreadMessage | undefined {
  return store.getDoc<ChatThreadMessage>(CHAT_MESSAGE_KIND, messageKey(chatId, id));
}

/** What it takes to add a message to a chat. */
export interface ChatMessageSpec {
  readonly chat: ChatDoc;
  readonly createdMs: number;
  readonly from: ChatFrom;
  readonly body: ChannelMessage['body'];
  readonly importance?: ChannelMessage['importance'];
  readonly mentions?: readonly ChatMention[];
}

/** Store a new chat message (its id is its creation time in ms, bumped past taken ones) and touch the chat. */
export function addChatMessage(store: SandboxStore, spec: ChatMessageSpec): ChatThreadMessage {
  let ms = spec.createdMs;
  while (getChatMessage(store, spec.chat.id, String(ms))) ms++;
  const id = String(ms);
  const created = new Date(ms).toISOString();
  const message: ChatThreadMessage = {
    id,
    replyToId: null,
    etag: id,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId: spec.chat.id,
    importance: spec.importance ?? 'normal',
    locale: 'en-us',
    webUrl: null,
    policyViolation: null,
    channelIdentity: null,
    from: spec.from,
    body: spec.body,
    attachments: [],
    mentions: [...(spec.mentions ?? [])],
    reactions: [],
  };
  store.putDoc(CHAT_MESSAGE_KIND, messageKey(spec.chat.id, id), message, { parent: spec.chat.id, sort: sortKey(ms) });
  if (created > spec.chat.lastUpdatedDateTime) putChat(store, { ...spec.chat, lastUpdatedDateTime: created });
  return message;
}
