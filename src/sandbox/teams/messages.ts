import { SANDBOX_DIRECTORY } from '../directory';
import type { Caller } from '../context';
import type { ChannelMessage, ChatFrom } from '../model';
import type { ChatMention } from './mentions';

const TENANT = SANDBOX_DIRECTORY.tenantId;

/** Graph's identity set for whoever posts: the signed-in user, or the application (bot). */
export function chatFrom(caller: Caller): ChatFrom {
  if (caller.kind === 'app') {
    return {
      application: {
        '@odata.type': '#microsoft.graph.teamworkApplicationIdentity',
        id: SANDBOX_DIRECTORY.app.id,
        displayName: SANDBOX_DIRECTORY.app.displayName,
        applicationIdentityType: 'bot',
      },
      device: null,
      user: null,
    };
  }
  const u = caller.user;
  return {
    application: null,
    device: null,
    user: {
      '@odata.type': '#microsoft.graph.teamworkUserIdentity',
      id: u.id,
      displayName: u.displayName,
      userIdentityType: 'aadUser',
      tenantId: TENANT,
    },
  };
}

/** What it takes to make a channel post or reply. */
export interface ChatSpec {
  readonly teamId: string;
  readonly channelId: string;
  readonly replyToId: string | null;
  /** Milliseconds since epoch: Teams uses it as the message id too. */
  readonly createdMs: number;
  readonly from: ChatFrom;
  readonly body: ChannelMessage['body'];
  readonly subject?: string | null;
  readonly importance?: ChannelMessage['importance'];
  readonly mentions?: readonly ChatMention[];
}

/** Build a Graph chatMessage; its id is the creation time in ms, as Teams does. */
export function composeChatMessage(spec: ChatSpec): ChannelMessage {
  const id = String(spec.createdMs);
  const created = new Date(spec.createdMs).toISOString();
  const parent = spec.replyToId ?? id;
  return {
    id,
    replyToId: spec.replyToId,
    etag: id,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: spec.subject ?? null,
    summary: null,
    chatId: null,
    importance: spec.importance ?? 'normal',
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(spec.channelId)}/${id}?groupId=${spec.teamId}&tenantId=${TENANT}&createdTime=${spec.createdMs}&parentMessageId=${parent}`,
    policyViolation: null,
    from: spec.from,
    body: spec.body,
    channelIdentity: { teamId: spec.teamId, channelId: spec.channelId },
    attachments: [],
    mentions: [...(spec.mentions ?? [])],
    reactions: [],
  };
}
