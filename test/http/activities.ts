import { randomUUID } from 'node:crypto';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';

/** A Teams user as activities carry them. */
export interface TeamsUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly upn: string;
}

function user(alias: string): TeamsUser {
  const u = SANDBOX_DIRECTORY.users.find((candidate) => candidate.userPrincipalName.startsWith(`${alias}@`));
  if (!u) throw new Error(`no sandbox user ${alias}`);
  return { id: `29:${alias}-teams-id`, name: u.displayName, aadObjectId: u.id, upn: u.userPrincipalName };
}

export const ALEX = user('alexw');
export const MEGAN = user('meganb');

const BOT = { id: '28:delegate-bot', name: 'Delegate' };

/** Builds genuine Teams activity JSON for a personal chat with the bot. */
export class PersonalChat {
  readonly conversationId = `a:${randomUUID()}`;
  private sequence = 0;
  constructor(
    private readonly serviceUrl: string,
    readonly from: TeamsUser = ALEX,
  ) {}

  private base(type: string): Record<string, unknown> {
    const now = new Date().toISOString();
    return {
      type,
      id: `${Date.now()}${++this.sequence}`,
      timestamp: now,
      localTimestamp: now,
      localTimezone: 'UTC',
      serviceUrl: this.serviceUrl,
      channelId: 'msteams',
      from: { id: this.from.id, name: this.from.name, aadObjectId: this.from.aadObjectId },
      conversation: { conversationType: 'personal', tenantId: SANDBOX_DIRECTORY.tenantId, id: this.conversationId },
      recipient: BOT,
      locale: 'en-US',
      entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'UTC' }],
      channelData: { tenant: { id: SANDBOX_DIRECTORY.tenantId } },
    };
  }

  message(text: string): Record<string, unknown> {
    return { ...this.base('message'), text, textFormat: 'plain' };
  }

  /** An `adaptiveCard/action` invoke, as Teams sends it when an Action.Execute button is clicked. */
  invoke(
    verb: string,
    data: Record<string, unknown>,
    options: { replyToId?: string; id?: string; from?: TeamsUser } = {},
  ): Record<string, unknown> {
    const activity: Record<string, unknown> = {
      ...this.base('invoke'),
      name: 'adaptiveCard/action',
      replyToId: options.replyToId ?? 'activity-1',
      value: { action: { type: 'Action.Execute', title: verb, verb, data }, trigger: 'manual' },
    };
    if (options.id) activity.id = options.id;
    if (options.from)
      activity.from = { id: options.from.id, name: options.from.name, aadObjectId: options.from.aadObjectId };
    return activity;
  }
}
