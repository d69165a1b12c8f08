import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import type { TeamsUser } from './activities';

const BOT = { id: '28:delegate-bot', name: 'Delegate' };

/** Any sandbox user as Teams puts them on an activity. */
export function teamsUser(alias: string): TeamsUser {
  const u = SANDBOX_DIRECTORY.users.find((candidate) => candidate.userPrincipalName.startsWith(`${alias}@`));
  if (!u) throw new Error(`no sandbox user ${alias}`);
  return { id: `29:${alias}-teams-id`, name: u.displayName, aadObjectId: u.id, upn: u.userPrincipalName };
}

let counter = 0;

/**
 * Genuine Teams activity JSON for one thread of a team channel: the root post mentions the bot,
 * the conversation id names the thread (`…;messageid=<root id>`), and `channelData.team.id` is
 * the General channel's thread id with no `aadGroupId` (as the Agents Playground sends it), so
 * the bot must find the Graph team itself.
 */
export class ChannelThread {
  readonly rootId = `${Date.now()}${++counter}`;
  readonly channelId: string;
  readonly conversationId: string;
  private sequence = 0;

  constructor(
    private readonly serviceUrl: string,
    channelName = 'General',
    private readonly team = SANDBOX_DIRECTORY.team,
  ) {
    const channel = team.channels.find((c) => c.displayName === channelName);
    if (!channel) throw new Error(`no channel ${channelName}`);
    this.channelId = channel.id;
    this.conversationId = `${channel.id};messageid=${this.rootId}`;
  }

  private base(type: string, from: TeamsUser, id: string): Record<string, unknown> {
    const now = new Date().toISOString();
    const general = this.team.channels[0]?.id ?? '';
    return {
      type,
      id,
      timestamp: now,
      localTimestamp: now,
      localTimezone: 'UTC',
      serviceUrl: this.serviceUrl,
      channelId: 'msteams',
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        tenantId: SANDBOX_DIRECTORY.tenantId,
        id: this.conversationId,
      },
      recipient: BOT,
      locale: 'en-US',
      channelData: {
        teamsChannelId: this.channelId,
        teamsTeamId: general,
        channel: { id: this.channelId },
        team: { id: general },
        tenant: { id: SANDBOX_DIRECTORY.tenantId },
      },
    };
  }

  /** `@Delegate <text>` from someone: the thread's root post the first time, a reply after that. */
  message(from: TeamsUser, text: string): Record<string, unknown> {
    const id = this.sequence === 0 ? this.rootId : `${this.rootId}${++this.sequence}`;
    if (this.sequence === 0) this.sequence = 1;
    return {
      ...this.base('message', from, id),
      text: `<at>Delegate</at> ${text}`,
      textFormat: 'plain',
      entities: [{ type: 'mention', text: '<at>Delegate</at>', mentioned: BOT }],
    };
  }

  /** An `adaptiveCard/action` invoke from `from` clicking a card in this thread. */
  invoke(from: TeamsUser, verb: string, data: Record<string, unknown>, replyToId?: string): Record<string, unknown> {
    return {
      ...this.base('invoke', from, `${this.rootId}-i${++this.sequence}`),
      name: 'adaptiveCard/action',
      replyToId: replyToId ?? this.rootId,
      value: { action: { type: 'Action.Execute', title: verb, verb, data }, trigger: 'manual' },
    };
  }
}
