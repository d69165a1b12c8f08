import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What to do to the answer of a request the proxy sabotages, after the target processed it. */
export type Sabotage = 'drop' | 504;

/**
 * An HTTP proxy in front of a Graph-compatible server that can lose answers: the request
 * reaches the target and takes effect, then the client sees a dropped connection or a 504.
 * That is the ambiguous failure a real gateway timeout produces.
 */
export interface LossyProxy {
  /** Service root through the proxy, e.g. `http://127.0.0.1:1234/v1.0`. */
  readonly baseUrl: string;
  /** Requests that reached the target, in order (`METHOD /path`). */
  readonly forwarded: string[];
  /** Sabotage the next `count` requests whose `METHOD /path` matches. */
  sabotage(match: RegExp, how: Sabotage, count?: number): void;
  close(): Promise<void>;
}

export async function startLossyProxy(targetBaseUrl: string): Promise<LossyProxy> {
  const target = new URL(targetBaseUrl);
  const forwarded: string[] = [];
  let rules: Array<{ match: RegExp; how: Sabotage; left: number }> = [];
  const server: Server = createServer((req, res) => {
    const line = `${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0] ?? ''}`;
    const rule = rules.find((r) => r.match.test(line));
    if (rule) {
      rule.left -= 1;
      rules = rules.filter((r) => r.left > 0);
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      // The Host header is passed as is, so links the target writes point back through the proxy.
      (answer) => {
        forwarded.push(line);
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (rule?.how === 'drop') return void res.socket?.destroy();
          if (rule?.how === 504) {
            res.writeHead(504, { 'content-type': 'application/json' });
            return void res.end(
              JSON.stringify({ error: { code: 'GatewayTimeout', message: 'The gateway timed out.' } }),
            );
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname}`,
    forwarded,
    sabotage: (match, how, count = 1) => void rules.push({ match, how, left: count }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
