import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly at: number;
}

/** Answers a request; may write anything, stall, or destroy the socket. */
export type Handler = (req: SeenRequest, res: ServerResponse) => void | Promise<void>;

/** A scriptable HTTP server on 127.0.0.1:0 that records what it receives. */
export interface FakeServer {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  /** Handlers used one per request, in order; the last one repeats. */
  script(...handlers: Handler[]): void;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  let handlers: Handler[] = [json(200, {})];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      const handler = handlers.length > 1 ? handlers.shift() : handlers[0];
      void Promise.resolve(handler?.(seen, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    script: (...next) => {
      handlers = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answer with JSON and optional headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** A Graph-shaped error body. */
export function graphError(status: number, code: string, headers: Record<string, string> = {}): Handler {
  return json(
    status,
    { error: { code, message: `secret body text ${code}`, innerError: { date: new Date().toISOString() } } },
    headers,
  );
}

/** Never answer (until the socket is closed). */
export const stall: Handler = () => undefined;

/** Drop the connection without answering. */
export const reset: Handler = (_req, res) => {
  res.socket?.destroy();
};
