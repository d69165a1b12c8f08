import http from 'node:http';
import { msSince } from './stats';

/** An HTTP response as the benchmark needs it. */
export interface Reply {
  readonly status: number;
  readonly text: string;
  /** Time from sending the request to the last byte of the response, in ms. */
  readonly ms: number;
}

/** A keep-alive client for one server, so connection setup is not part of what is measured. */
export class JsonClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(baseUrl: string, maxSockets: number) {
    this.target = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(path: string, body: unknown): Promise<Reply> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      const req = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: msSince(start) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** One closed-loop load run: `clients` callers, each sending its next request when the last one answered. */
export interface LoadSpec {
  readonly client: JsonClient;
  readonly path: string;
  readonly clients: number;
  readonly requestsPerClient: number;
  /** The body of request `i` of caller `caller`; undefined ends that caller early (e.g. out of fresh tasks). */
  readonly body: (caller: number, i: number) => unknown;
  /** Throws when a reply is not what the scenario expects; such a reply counts as an error, not a sample. */
  readonly check?: (reply: Reply) => void;
}

export interface LoadResult {
  readonly samples: number[];
  readonly errors: number;
  readonly firstError?: string;
  readonly wallMs: number;
  /** CPU time the server process used during the run, when measured (see withServerStats). */
  readonly serverCpuMs?: number;
  /** The server's event-loop delay during the run (ms), when measured. */
  readonly loopDelay?: { readonly p99: number; readonly max: number };
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = process.hrtime.bigint();
  const caller = async (c: number) => {
    for (let i = 0; i < spec.requestsPerClient; i++) {
      const body = spec.body(c, i);
      if (body === undefined) return;
      try {
        const reply = await spec.client.post(spec.path, body);
        spec.check?.(reply);
        samples.push(reply.ms);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.clients }, (_, c) => caller(c)));
  return { samples, errors, firstError, wallMs: msSince(start) };
}
