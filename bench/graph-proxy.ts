import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP request Delegate sent to Graph, as seen on the wire. */
export interface WireRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly status: number;
  /**
   * What a naive client would have needed for this request: one request per item read (each
   * entity of a collection, each answer inside a `$batch`), one per write.
   */
  readonly naive: number;
}

/**
 * A counting HTTP proxy in front of the sandbox tenant: Delegate is pointed at it instead of
 * the sandbox, so every request is counted where it happens (retries, `$batch` POSTs and
 * planner look-ups included) without touching Delegate's code.
 */
export interface GraphCounter {
  readonly baseUrl: string;
  readonly requests: WireRequest[];
  close(): Promise<void>;
}

export async function startGraphCounter(sandboxBaseUrl: string): Promise<GraphCounter> {
  const target = new URL(sandboxBaseUrl);
  const requests: WireRequest[] = [];
  const server: Server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const method = req.method ?? 'GET';
          const path = (req.url ?? '/').split('?')[0] ?? '/';
          requests.push({ method, path, status: answer.statusCode ?? 0, naive: naiveCount(method, path, body) });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(body);
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
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Requests a client without `$batch` or `$select`/`$top` bounds would send for this one. */
function naiveCount(method: string, path: string, body: Buffer): number {
  let json: unknown;
  try {
    json = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    json = undefined;
  }
  if (path.endsWith('/$batch')) {
    const responses = (json as { responses?: Array<{ body?: unknown }> } | undefined)?.responses ?? [];
    return responses.reduce((sum, r) => sum + itemsIn(r.body), 0);
  }
  return method === 'GET' ? itemsIn(json) : 1;
}

/** A collection counts one per entity (at least one request to list it); anything else one. */
function itemsIn(body: unknown): number {
  const value = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? Math.max(1, value.length) : 1;
}
