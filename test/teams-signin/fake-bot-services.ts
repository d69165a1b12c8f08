import http from 'node:http';
import { startLocalServer, type LocalServer } from '../http/local-server';

/** What the bot sent through the Bot Connector API. */
export interface SentActivity {
  readonly conversationId: string;
  readonly activity: Record<string, unknown> & {
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

/** The token exchange state a sign-in link was made for (decoded from `state`). */
export interface SignInState {
  readonly connectionName: string;
  readonly msAppId: string;
  readonly conversation: {
    readonly user?: { id?: string; aadObjectId?: string };
    readonly conversation?: { id?: string };
  };
}

/**
 * The Bot Framework services a Teams bot calls, as one fake HTTP server: the token service
 * (`/api/usertoken/GetToken`, `/api/usertoken/exchange`, `/api/botsignin/GetSignInResource`),
 * keyed by Teams user id and connection like the real one, and the Bot Connector
 * (`/v3/conversations` to create a 1:1 chat, `/v3/conversations/{id}/activities` to post).
 */
export class FakeBotServices {
  readonly sent: SentActivity[] = [];
  readonly created: Record<string, unknown>[] = [];
  readonly signInStates: SignInState[] = [];
  /** Every token service request (method and path with query), to assert what was asked. */
  readonly tokenRequests: string[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly codes = new Map<string, { userId: string; connectionName: string; token: string }>();
  private readonly exchangeable = new Map<string, string>();
  private server?: LocalServer;
  private next = 0;
  /** When set, the token service answers every call with this status. */
  failWith: number | undefined;
  /** Where sign-in links point (the real service's are https). */
  signInLinkBase = 'https://token.botframework.test';
  url = '';

  /** The person has signed in: the service holds their token for this connection. */
  signIn(userId: string, connectionName: string, token: string): void {
    this.tokens.set(`${userId}|${connectionName}`, token);
  }

  /** A sign-in link was completed in the browser; the token waits for this one-time code. */
  pendingCode(code: string, userId: string, connectionName: string, token: string): void {
    this.codes.set(code, { userId, connectionName, token });
  }

  /** Teams' SSO token `sso` can be exchanged for `token` (consent given). */
  allowExchange(sso: string, token: string): void {
    this.exchangeable.set(sso, token);
  }

  async start(): Promise<void> {
    this.server = await startLocalServer((req, res, body) => this.handle(req, res, body));
    this.url = this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** Adaptive cards sent, with the conversation each went to. */
  cards(): { conversationId: string; card: Record<string, unknown> }[] {
    return this.sent.flatMap((s) =>
      (s.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => ({ conversationId: s.conversationId, card: a.content })),
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const q = (name: string) => url.searchParams.get(name) ?? '';
    const reply = (status: number, json?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    if (url.pathname.startsWith('/api/')) {
      this.tokenRequests.push(`${req.method} ${url.pathname}${url.search}`);
      if (this.failWith !== undefined)
        return reply(this.failWith, { error: { code: 'ServiceError', message: 'token service failure' } });
    }
    if (req.method === 'GET' && url.pathname === '/api/usertoken/GetToken') {
      const key = `${q('userId')}|${q('connectionName')}`;
      const pending = this.codes.get(q('code'));
      if (pending && `${pending.userId}|${pending.connectionName}` === key) {
        this.codes.delete(q('code'));
        this.tokens.set(key, pending.token);
      }
      const token = this.tokens.get(key);
      if (!token) return reply(404, { error: { code: 'NotFound', message: 'No token' } });
      return reply(200, {
        channelId: q('channelId'),
        connectionName: q('connectionName'),
        token,
        expiration: '2099-01-01T00:00:00Z',
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/usertoken/exchange') {
      const token = this.exchangeable.get((JSON.parse(body || '{}') as { token?: string }).token ?? '');
      if (!token) return reply(400, { error: { code: 'ExchangeFailed', message: 'consent required' } });
      this.tokens.set(`${q('userId')}|${q('connectionName')}`, token);
      return reply(200, {
        channelId: q('channelId'),
        connectionName: q('connectionName'),
        token,
        expiration: '2099-01-01T00:00:00Z',
      });
    }
    if (req.method === 'GET' && url.pathname === '/api/botsignin/GetSignInResource') {
      const state = JSON.parse(Buffer.from(q('state'), 'base64').toString('utf8')) as SignInState;
      this.signInStates.push(state);
      return reply(200, { signInLink: `${this.signInLinkBase}/api/oauth/signin?signin=${this.signInStates.length}` });
    }
    if (req.method === 'POST' && url.pathname === '/v3/conversations') {
      const parameters = JSON.parse(body || '{}') as Record<string, unknown>;
      this.created.push(parameters);
      return reply(201, { id: `a:private-${this.created.length}`, serviceUrl: this.url });
    }
    const post = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(url.pathname);
    if (req.method === 'POST' && post) {
      this.sent.push({
        conversationId: decodeURIComponent(post[1] ?? ''),
        activity: JSON.parse(body || '{}') as SentActivity['activity'],
      });
      return reply(200, { id: `activity-${++this.next}` });
    }
    return reply(404, { error: { code: 'NotFound', message: url.pathname } });
  }
}
