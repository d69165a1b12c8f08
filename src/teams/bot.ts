import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import type { Logger } from '../engine/ports';
import { tenantOf } from './activity';
import type { InvokeHandler } from './invoke-handler';
import type { MessageHandler } from './message-handler';

/**
 * Routes Teams activities to Delegate's handlers:
 * 1. refuse activities from other tenants (when a tenant is configured);
 * 2. a message → MessageHandler (command or new outcome);
 * 3. an `adaptiveCard/action` invoke → InvokeHandler, answered with the replacement card.
 */
export class DelegateBot extends ActivityHandler {
  constructor(
    private readonly messages: MessageHandler,
    private readonly invokes: InvokeHandler,
    private readonly allowedTenant: string | undefined,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      if (this.admitted(context)) await this.messages.handle(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (!this.admitted(context)) {
      return { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: 'This tenant is not allowed.' } as never };
    }
    const card = await this.invokes.handle(context.activity, value.action.verb, value.action.data);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }

  private admitted(context: TurnContext): boolean {
    if (this.allowedTenant === undefined) return true;
    const tenant = tenantOf(context.activity);
    if (tenant === this.allowedTenant) return true;
    this.logger.warn({ tenant, activityId: context.activity.id }, 'activity from another tenant refused');
    return false;
  }
}
