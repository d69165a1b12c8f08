import type { Scope } from '../engine/model';

/** Where a task lives, as the tab names it and links to it. */
export interface TabConversation {
  readonly id: string;
  readonly kind: Scope['kind'];
  readonly label: string;
  /** A Teams deep link to the conversation, when running in Teams; absent locally. */
  readonly chatUrl?: string;
}

const LABELS: Record<Scope['kind'], string> = {
  personal: 'Personal chat',
  groupChat: 'Group chat',
  channel: 'Channel',
};

/** The conversation of a task; `botId` (Teams mode only) makes the "Open in chat" link. */
export function conversationOf(scope: Scope, botId: string | undefined): TabConversation {
  return {
    id: scope.conversationId,
    kind: scope.kind,
    label: LABELS[scope.kind],
    chatUrl: botId ? chatUrl(scope, botId) : undefined,
  };
}

function chatUrl(scope: Scope, botId: string): string | undefined {
  const tenant = scope.tenantId ? `tenantId=${encodeURIComponent(scope.tenantId)}` : '';
  switch (scope.kind) {
    case 'personal':
      return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId)}`;
    case 'groupChat':
      return `https://teams.microsoft.com/l/chat/${encodeURIComponent(scope.conversationId)}/conversations`;
    case 'channel':
      return scope.channelId && scope.teamId
        ? `https://teams.microsoft.com/l/channel/${encodeURIComponent(scope.channelId)}/Delegate?groupId=${encodeURIComponent(scope.teamId)}${tenant ? `&${tenant}` : ''}`
        : undefined;
  }
}
