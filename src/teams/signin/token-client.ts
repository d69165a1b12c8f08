import { CloudAdapterBase, type TurnContext } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';

/**
 * The token service client the adapter put on this turn (inbound, proactive or a new
 * conversation alike): it already carries the bot's credentials and the configured endpoint.
 */
export function tokenClientOf(context: TurnContext): UserTokenClient {
  const adapter = context.adapter;
  const client: unknown =
    adapter instanceof CloudAdapterBase ? context.turnState.get(adapter.UserTokenClientKey) : undefined;
  if (!client) throw new Error('this turn has no Bot Framework token service client (a CloudAdapter is required)');
  return client as UserTokenClient;
}

/**
 * The declared signatures want strings for optional query parameters (magic code, final
 * redirect); absent means "not sent", which an empty string would not be.
 */
export function absent(): string {
  return undefined as unknown as string;
}
