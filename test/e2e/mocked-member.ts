import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The Playground's configuration: its bot and its users (the sandbox tenant's people). */
interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly users: readonly { readonly id: string; readonly name: string; readonly aadObjectId: string }[];
  readonly team: { readonly id: string };
}

const CONFIG = parse(
  readFileSync(path.resolve(__dirname, '..', '..', '.m365agentsplayground.yml'), 'utf8'),
) as PlaygroundConfig;

let counter = 0;

/**
 * Activities from another member of the Playground's team, in its General channel, shaped as the
 * Playground shapes its own (its ids from `.m365agentsplayground.yml`): what a developer pastes
 * into Mock an Activity → Custom activity to act as someone other than the signed-in user.
 */
export class MockedMember {
  private readonly member: PlaygroundConfig['users'][number];

  constructor(
    private readonly playgroundUrl: string,
    person: { readonly id: string },
  ) {
    const member = CONFIG.users.find((u) => u.aadObjectId === person.id);
    if (!member) throw new Error(`${person.id} is not a user in .m365agentsplayground.yml`);
    this.member = member;
  }

  private base(type: string): Record<string, unknown> {
    const general = CONFIG.team.id;
    return {
      type,
      id: `mocked-${Date.now()}-${++counter}`,
      timestamp: new Date().toISOString(),
      localTimezone: 'UTC',
      channelId: 'msteams',
      serviceUrl: `${this.playgroundUrl}/_connector`,
      from: { id: this.member.id, name: this.member.name, aadObjectId: this.member.aadObjectId },
      recipient: CONFIG.bot,
      conversation: { id: general, isGroup: true, conversationType: 'channel', tenantId: CONFIG.tenantId },
      channelData: {
        teamsChannelId: general,
        teamsTeamId: general,
        tenant: { id: CONFIG.tenantId },
        team: { id: general },
        channel: { id: general },
      },
      locale: 'en-US',
    };
  }

  /** A new post in General that @mentions the bot. */
  message(text: string): Record<string, unknown> {
    const mention = `<at>${CONFIG.bot.name}</at>`;
    return {
      ...this.base('message'),
      text: `${mention} ${text}`,
      textFormat: 'plain',
      entities: [{ type: 'mention', text: mention, mentioned: CONFIG.bot }],
    };
  }

  /** The `adaptiveCard/action` invoke Teams sends when this member presses a card button. */
  click(verb: string, data: Record<string, unknown>): Record<string, unknown> {
    return {
      ...this.base('invoke'),
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
  }
}
