import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CoreRequest, CoreResponse } from './context';
import { GraphError, graphErrorBody } from './errors';
import { parseFaultRule, type FaultInjector } from './faults';
import { MAX_SIMPLE_UPLOAD } from './drive/limits';
import { runPipeline, type PipelineDeps } from './pipeline';

/** Graph refuses JSON payloads above 4 MB. */
const MAX_JSON_BODY = 4 * 1024 * 1024;

/** What the admin endpoints (`/_sandbox/…`, loopback only) can do. */
export interface AdminActions {
  readonly faults: FaultInjector;
  reset(now?: Date): Promise<void>;
}

/** True when the body is meant as JSON: no content type (today's clients), or `application/json`, `…+json`. */
export function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

/**
 * The body's bytes. JSON is capped at 4 MB; other bodies (file content) at what simple upload
 * takes. Past the cap the rest is drained unread and the caller answers 413 and closes.
 */
function readBody(req: IncomingMessage, limit: number, tooLarge: () => GraphError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: ServerResponse, out: CoreResponse, close = false): void {
  const payload = out.body === undefined ? undefined : JSON.stringify(out.body);
  const extra = {
    ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
    ...(close ? { connection: 'close' } : {}),
  };
  res.writeHead(out.status, { ...out.headers, ...extra });
  res.end(payload);
}

const isLoopback = (addr: string | undefined): boolean =>
  !!addr && (addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.'));

async function admin(
  actions: AdminActions,
  method: string,
  path: string,
  raw: string,
  remote: string | undefined,
): Promise<CoreResponse> {
  const json = { 'content-type': 'application/json' };
  if (!isLoopback(remote))
    return {
      status: 403,
      headers: json,
      body: { error: { code: 'Forbidden', message: 'Sandbox admin is loopback-only.' } },
    };
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  if (method === 'POST' && path === '/_sandbox/reset') {
    const now = typeof body.now === 'string' ? new Date(body.now) : undefined;
    if (now && Number.isNaN(now.getTime())) throw new GraphError(400, 'BadRequest', 'now must be an ISO date.');
    await actions.reset(now);
    return { status: 200, headers: json, body: { reset: true } };
  }
  if (method === 'POST' && path === '/_sandbox/faults') {
    const rule = parseFaultRule(body);
    actions.faults.add(rule);
    return { status: 201, headers: json, body: { added: rule } };
  }
  if (method === 'DELETE' && path === '/_sandbox/faults') {
    actions.faults.clear();
    return { status: 204, headers: {} };
  }
  return {
    status: 404,
    headers: json,
    body: { error: { code: 'NotFound', message: `No admin endpoint ${method} ${path}.` } },
  };
}

/** The HTTP front: admin endpoints, then everything else through the Graph pipeline. */
export function createSandboxServer(deps: PipelineDeps, actions: AdminActions): Server {
  return createServer((req, res) => {
    void (async () => {
      const method = (req.method ?? 'GET').toUpperCase();
      const url = req.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      const headers = headersOf(req);
      const json = isJsonType(headers['content-type']);
      let raw: Buffer;
      try {
        raw = json
          ? await readBody(
              req,
              MAX_JSON_BODY,
              () => new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.'),
            )
          : await readBody(
              req,
              MAX_SIMPLE_UPLOAD,
              () =>
                new GraphError(
                  413,
                  'requestTooLarge',
                  'The file is larger than simple upload allows: use an upload session.',
                ),
            );
        if (path.startsWith('/_sandbox/')) {
          send(res, await admin(actions, method, path, raw.toString('utf8'), req.socket.remoteAddress));
          return;
        }
      } catch (e) {
        const err = e instanceof GraphError ? e : new GraphError(400, 'BadRequest', 'Invalid JSON.');
        // A refused body may still be arriving: answer, then close rather than read it all.
        send(
          res,
          {
            status: err.status,
            headers: { 'content-type': 'application/json' },
            body: graphErrorBody(err.code, err.message, { requestId: '', clientRequestId: '', date: deps.clock() }),
          },
          err.status === 413,
        );
        return;
      }
      let body: unknown;
      let bodyError = false;
      const text = json ? raw.toString('utf8') : '';
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch {
          bodyError = true;
        }
      }
      const request: CoreRequest = { method, url, headers, body, bodyError, rawBody: raw };
      send(res, await runPipeline(deps, request));
    })().catch((e: unknown) => {
      deps.logger?.warn({ err: e instanceof Error ? e.message : String(e) }, 'sandbox request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
