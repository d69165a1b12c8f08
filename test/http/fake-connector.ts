import http from 'node:http';
import { startLocalServer, type LocalServer } from './local-server';

/** An activity the bot sent or updated through the Bot Connector API. */
export interface ConnectorCall {
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  readonly activityId: string;
  readonly replyToId?: string;
  readonly activity: Record<string, unknown> & {
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    text?: string;
  };
}

/**
 * A fake Bot Connector (`/v3/conversations/...`) that records what the bot sends, as Teams'
 * connector would receive it. Activity ids are assigned like the real service does.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: LocalServer;
  private next = 0;
  private waiters: (() => void)[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = await startLocalServer((req, res, body) => this.handle(req, res, body));
    this.url = this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** Cards (adaptive card contents) sent or updated, in order. */
  cards(): { call: ConnectorCall; card: Record<string, unknown> }[] {
    return this.calls.flatMap((call) =>
      (call.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => ({ call, card: a.content })),
    );
  }

  /** Wait until `predicate` holds over the recorded calls (checked on every call), or fail after `ms`. */
  async waitFor<T>(predicate: () => T | undefined | false, ms = 10_000, what = 'connector call'): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = predicate();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: req.url } }));
      return;
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const pathId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const activity = JSON.parse(body || '{}') as ConnectorCall['activity'];
    const activityId = req.method === 'PUT' && pathId ? pathId : `activity-${++this.next}`;
    this.calls.push({
      method: req.method,
      conversationId,
      activityId,
      replyToId: req.method === 'POST' ? pathId : undefined,
      activity,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: activityId }));
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }
}
