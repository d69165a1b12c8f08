import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal Bot Connector for the worker's proactive sends (card posts and in-place updates).
 * It only counts: keeping every activity would grow memory with the run and skew later phases.
 */
export class CountingConnector {
  posts = 0;
  updates = 0;
  /** Posted cards that are checkpoints (the worker finished a task's automatic steps). */
  checkpoints = 0;
  private server?: http.Server;
  private nextId = 0;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const match = /^\/v3\/conversations\/[^/]+\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'no such route' } }));
      return;
    }
    if (req.method === 'PUT') this.updates++;
    else {
      this.posts++;
      // A checkpoint card's refresh action names its kind; a substring test is enough to count them.
      if (body.includes('"card":"checkpoint"')) this.checkpoints++;
    }
    const id = req.method === 'PUT' && match[1] ? decodeURIComponent(match[1]) : `activity-${++this.nextId}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  }
}
