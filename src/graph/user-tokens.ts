/**
 * Where the gateway gets a person's Teams SSO token: the assertion that on-behalf-of exchanges
 * for a Microsoft Graph token in their name. The Teams edge implements it over the Bot
 * Framework token service (the bot's OAuth connection); the gateway only asks.
 */
export interface UserTokenSource {
  /**
   * The person's current token for Delegate's own API (audience: Delegate's app), or undefined
   * when they have not signed in or it has expired. Never a Graph token of someone else.
   */
  tokenFor(actorId: string): Promise<string | undefined>;
}

/** A {@link UserTokenSource} held in memory: the test double, and a cache shape for the edge. */
export class InMemoryUserTokens implements UserTokenSource {
  private readonly tokens = new Map<string, string>();

  /** Record (or replace) a person's token, e.g. after a `signin/tokenExchange` invoke. */
  set(actorId: string, token: string): void {
    this.tokens.set(actorId, token);
  }

  /** Forget a person's token, e.g. on sign-out or when Entra ID refused it. */
  delete(actorId: string): void {
    this.tokens.delete(actorId);
  }

  async tokenFor(actorId: string): Promise<string | undefined> {
    return this.tokens.get(actorId);
  }
}
