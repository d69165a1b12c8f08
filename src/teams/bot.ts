import {
  ActivityHandler,
  InvokeException,
  StatusCodes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../engine/ports';
import { tenantOf } from './activity';
import type { InvokeHandler } from './invoke-handler';
import type { MessageHandler } from './message-handler';
import { isScheduleVerb, type ScheduleInvokes } from './schedule-invokes';
import type { BotUserTokens } from './signin/bot-user-tokens';
import { answerSignInInvoke } from './signin/signin-invokes';

/** Teams sign-in for on-behalf-of Graph calls (`GRAPH_AUTH=obo`). */
export interface SignIn {
  readonly tokens: BotUserTokens;
  readonly connectionName: string;
}

/**
 * Routes Teams activities to Delegate's handlers:
 * 1. refuse activities from other tenants (when a tenant is configured);
 * 2. a message → MessageHandler (command or new outcome);
 * 2a. a conversationUpdate that adds the bot → the welcome card;
 * 3. an `adaptiveCard/action` invoke → InvokeHandler (a schedule card's → ScheduleInvokes), answered
 *    with the replacement card;
 * 4. with Teams sign-in: every admitted activity teaches who is who (Entra id ↔ Teams id), and
 *    the `signin/verifyState` and `signin/tokenExchange` invokes are answered.
 */
export class DelegateBot extends ActivityHandler {
  constructor(
    private readonly messages: MessageHandler,
    private readonly invokes: InvokeHandler,
    private readonly allowedTenant: string | undefined,
    private readonly logger: Logger,
    private readonly signIn?: SignIn,
    /** Recurring work: the schedule card's buttons. */
    private readonly schedules?: ScheduleInvokes,
  ) {
    super();
    this.onTurn(async (context, next) => {
      if (this.signIn && this.admitted(context)) this.signIn.tokens.remember(context.activity);
      await next();
    });
    this.onMessage(async (context, next) => {
      if (this.admitted(context)) await this.messages.handle(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (this.admitted(context)) await this.messages.welcome(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (!this.admitted(context)) {
      return {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: 'This tenant is not allowed.' } as never,
      };
    }
    const verb = value.action.verb;
    const card =
      this.schedules && isScheduleVerb(verb)
        ? await this.schedules.handle(context.activity, verb, value.action.data)
        : await this.invokes.handle(context.activity, verb, value.action.data);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }

  protected override async onSignInInvoke(context: TurnContext): Promise<void> {
    if (!this.signIn || !this.admitted(context)) throw new InvokeException(StatusCodes.NOT_IMPLEMENTED);
    await answerSignInInvoke(context, { connectionName: this.signIn.connectionName, logger: this.logger });
  }

  private admitted(context: TurnContext): boolean {
    if (this.allowedTenant === undefined) return true;
    const tenant = tenantOf(context.activity);
    if (tenant === this.allowedTenant) return true;
    this.logger.warn({ tenant, activityId: context.activity.id }, 'activity from another tenant refused');
    return false;
  }
}
