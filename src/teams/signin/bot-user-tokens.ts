import type { Activity } from 'botbuilder';
// botbuilder's own foundation (same version, installed with it): the claims of a proactive turn.
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from '../../engine/ports';
import type { UserTokenSource } from '../../graph/user-tokens';
import { TeamsUserIds } from './teams-user-ids';

/** The channel whose token store Delegate's people sign in to. */
const TEAMS_CHANNEL = 'msteams';

export interface BotUserTokensOptions {
  /** The adapter's Bot Framework authentication (the `ConfigurationBotFrameworkAuthentication`). */
  readonly auth: Pick<BotFrameworkAuthentication, 'createUserTokenClient'>;
  /** The bot's Microsoft App id: the token service hands out tokens per bot. */
  readonly botAppId: string;
  /** The Azure Bot resource's OAuth connection (OAUTH_CONNECTION_NAME). */
  readonly connectionName: string;
  /** How long one token service call may take. Default 10 s. */
  readonly timeoutMs?: number;
  /** How many people's Teams ids to remember. Default 5,000. */
  readonly capacity?: number;
  readonly logger: Logger;
}

/**
 * People's Teams SSO tokens, read from the Bot Framework token service (the bot's OAuth
 * connection) outside any turn, so the worker can run a step as the requester. The service keys
 * tokens by Teams user id, so the bot teaches this class who is who with {@link remember} on every
 * activity. The token itself is never cached here nor logged: the service owns its lifetime.
 */
export class BotUserTokens implements UserTokenSource {
  private readonly ids: TeamsUserIds;
  private client: Promise<UserTokenClient> | undefined;

  constructor(private readonly options: BotUserTokensOptions) {
    this.ids = new TeamsUserIds(options.capacity);
  }

  /** Learn the sender of an admitted activity (`from.id` ↔ `from.aadObjectId`). */
  remember(activity: Pick<Partial<Activity>, 'from'>): void {
    this.ids.remember(activity);
  }

  /** The Teams user id (`29:…`) of an Entra object id, when they have been seen since start-up. */
  teamsIdOf(actorId: string): string | undefined {
    return this.ids.teamsIdOf(actorId);
  }

  async tokenFor(actorId: string): Promise<string | undefined> {
    const teamsId = this.ids.teamsIdOf(actorId);
    if (teamsId === undefined) {
      this.options.logger.debug({ actorId }, 'no Teams id known for this person yet: sign-in needed');
      return undefined;
    }
    const client = await this.userTokenClient();
    let token: unknown;
    try {
      // No magic code: the declared type wants one, but the service treats "absent" as "just read".
      const read = client.getUserToken(
        teamsId,
        this.options.connectionName,
        TEAMS_CHANNEL,
        undefined as unknown as string,
      );
      // A 404 from GetToken (not signed in, or expired) arrives as a response without a token.
      token = (await withTimeout(read, this.options.timeoutMs ?? 10_000))?.token;
    } catch (error) {
      throw tokenServiceFailure(error);
    }
    return typeof token === 'string' && token !== '' ? token : undefined;
  }

  /** One client for the bot's own identity, as the adapter builds for a proactive turn. */
  private userTokenClient(): Promise<UserTokenClient> {
    const { auth, botAppId } = this.options;
    const client = (this.client ??= auth.createUserTokenClient(botIdentity(botAppId)).catch((error: unknown) => {
      this.client = undefined;
      throw error;
    }));
    return client;
  }
}

/** The claims CloudAdapter gives a proactive turn of this bot (audience and app id). */
function botIdentity(botAppId: string): ClaimsIdentity {
  return new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: botAppId },
    ],
    true,
  );
}

/**
 * A failure of the token service, stripped of the HTTP request it carried: that request holds the
 * bot's own bearer token, and whatever we throw may end up in a log line.
 */
export function tokenServiceFailure(error: unknown): Error {
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  const reason =
    typeof status === 'number'
      ? `answered ${status}`
      : error instanceof Error && error.message.includes('did not answer')
        ? 'timed out'
        : 'could not be reached';
  return new Error(`the Bot Framework token service ${reason}`);
}

/** The token service is an external call like any other: it gets a deadline. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the Bot Framework token service did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
