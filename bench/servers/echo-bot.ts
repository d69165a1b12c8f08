import {
  ActivityHandler,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
} from 'botbuilder';
import { silentLogger } from '../../src/engine/fakes';
import { startServer, type HttpServer } from '../../src/server';
import { EdgeAdapter } from '../../src/edge/edge-adapter';

/**
 * The baseline: a bare botbuilder echo bot behind the very same HTTP front as Delegate
 * (src/server.ts: restify, body parser, /api/messages → CloudAdapter.process) with the same
 * local-mode authentication (no app id). Whatever Delegate costs beyond this is Delegate's.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }

  /** Answers a card button with a one-line card, like Delegate answers with the replacement card. */
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Echo' }] };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

export async function startEchoBot(): Promise<HttpServer> {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  });
  const adapter = new EdgeAdapter(auth);
  return startServer({
    adapter,
    auth,
    bot: new EchoBot(),
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    local: true,
    maxInFlight: 1_000,
  });
}
