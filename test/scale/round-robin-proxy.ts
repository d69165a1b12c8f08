import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer for the test: each request goes to the next instance in turn; an instance
 * that refuses the connection (killed) is skipped, as a balancer's health check would.
 */
export class RoundRobinProxy {
  private server: http.Server | undefined;
  private next = 0;
  url = '';

  constructor(private readonly targets: readonly string[]) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.forward(req, Buffer.concat(chunks)).then(
          ({ status, body, type }) => {
            res.statusCode = status;
            if (type) res.setHeader('content-type', type);
            res.end(body);
          },
          () => {
            res.statusCode = 502;
            res.end();
          },
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async forward(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; body: Buffer; type?: string }> {
    for (let tries = 0; tries < this.targets.length; tries += 1) {
      const target = this.targets[this.next++ % this.targets.length]!;
      try {
        const res = await fetch(`${target}${req.url ?? '/'}`, {
          method: req.method,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
          body: req.method === 'GET' ? undefined : body,
        });
        return {
          status: res.status,
          body: Buffer.from(await res.arrayBuffer()),
          type: res.headers.get('content-type') ?? undefined,
        };
      } catch {
        // Connection refused: that instance is down; try the next one.
      }
    }
    throw new Error('no instance is up');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
