import {
  ActivityHandler,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  TeamsSSOTokenExchangeMiddleware,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import { createCatalogue } from '../../src/actions';
import type { Catalogue } from '../../src/engine/catalogue';
import type { Logger } from '../../src/engine/ports';
import type { GraphGateway } from '../../src/graph/types';
import { createLogger } from '../../src/log';
import { startServer, type HttpServer } from '../../src/server';
import { EdgeAdapter } from '../../src/edge/edge-adapter';
import { CardRenderer, defaultCardsDirectory } from '../../src/teams/cards';
import { BotUserTokens } from '../../src/teams/signin/bot-user-tokens';
import { answerSignInInvoke } from '../../src/teams/signin/signin-invokes';
import { FakeBotServices } from './fake-bot-services';

export const CONNECTION = 'delegate-sso';

/**
 * A bot wired the way DelegateBot should be: every activity teaches BotUserTokens who is who,
 * and the sign-in invokes are answered by answerSignInInvoke. Messages get a plain reply.
 */
class SignInBot extends ActivityHandler {
  constructor(
    tokens: BotUserTokens,
    private readonly logger: Logger,
  ) {
    super();
    this.onTurn(async (context, next) => {
      tokens.remember(context.activity);
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity('ok');
      await next();
    });
  }

  protected override onSignInInvoke(context: TurnContext): Promise<void> {
    return answerSignInInvoke(context, { connectionName: CONNECTION, logger: this.logger });
  }
}

/** The real HTTP server and CloudAdapter, with the token service and connector faked over HTTP. */
export interface SignInRig {
  readonly services: FakeBotServices;
  readonly adapter: EdgeAdapter;
  readonly tokens: BotUserTokens;
  readonly renderer: CardRenderer;
  readonly catalogue: Catalogue;
  readonly logger: Logger;
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** Runs `logic` in a proactive turn on the conversation this activity came from. */
  proactive<T>(activity: Record<string, unknown>, logic: (context: TurnContext) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** `ssoMiddleware: false` leaves out botbuilder's TeamsSSOTokenExchangeMiddleware (a wiring slip). */
export async function startSignInRig(options: { readonly ssoMiddleware?: boolean } = {}): Promise<SignInRig> {
  const services = new FakeBotServices();
  await services.start();
  const logger = createLogger('silent');
  // Local mode (no app id, no auth) with the token service moved to the fake: `OAuthUrl`.
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    OAuthUrl: services.url,
  });
  const adapter = new EdgeAdapter(auth);
  if (options.ssoMiddleware !== false)
    adapter.use(new TeamsSSOTokenExchangeMiddleware(new MemoryStorage(), CONNECTION));
  const tokens = new BotUserTokens({ auth, botAppId: '', connectionName: CONNECTION, logger, timeoutMs: 2_000 });
  const server: HttpServer = await startServer({
    adapter,
    auth,
    bot: new SignInBot(tokens, logger),
    host: '127.0.0.1',
    port: 0,
    logger,
    local: true,
    maxInFlight: 64,
  });
  return {
    services,
    adapter,
    tokens,
    renderer: new CardRenderer(defaultCardsDirectory()),
    catalogue: createCatalogue({} as GraphGateway),
    logger,
    async post(activity) {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async proactive<T>(activity: Record<string, unknown>, logic: (context: TurnContext) => Promise<T>): Promise<T> {
      const reference = TurnContext.getConversationReference(
        activity as Partial<Activity>,
      ) as Partial<ConversationReference>;
      let result: T | undefined;
      let ran = false;
      await adapter.continueConversationAsync('', reference, async (context) => {
        result = await logic(context);
        ran = true;
      });
      if (!ran) throw new Error('the proactive turn did not run');
      return result as T;
    },
    async stop() {
      await server.close();
      await services.stop();
    },
  };
}
