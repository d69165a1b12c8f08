import { randomUUID } from 'node:crypto';
import { authenticate, meUser } from './auth';
import type { CoreRequest, CoreResponse, RequestContext } from './context';
import { badRequest, GraphError, graphErrorBody } from './errors';
import type { FaultInjector } from './faults';
import { authorise } from './permissions/check';
import type { Router } from './router';
import type { SandboxStore } from './store/store';

/** Structured logger the sandbox writes to (pino-compatible subset). */
export interface SandboxLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface PipelineDeps {
  readonly router: Router;
  readonly store: SandboxStore;
  readonly faults: FaultInjector;
  readonly clock: () => Date;
  /** `http://host:port/v1.0`, known once the server listens. */
  readonly baseUrl: () => string;
  readonly logger?: SandboxLogger;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/**
 * One Graph request, start to finish:
 * 1. injected faults (latency, then 429/503 with Retry-After);
 * 2. path normalisation (`/v1.0` prefix, `seg('key')` → `seg/key`);
 * 3. body check and authentication;
 * 4. `/me` → `/users/{caller}` (400 for the app);
 * 5. route, check the token's permissions against what Graph requires (403 like Graph), run the handler;
 * 6. Graph's headers (`request-id`, `client-request-id`) and error bodies on every answer.
 */
export async function runPipeline(deps: PipelineDeps, req: CoreRequest): Promise<CoreResponse> {
  const requestId = randomUUID();
  const clientRequestId = req.headers['client-request-id'] ?? requestId;
  const headers: Record<string, string> = {
    'request-id': requestId,
    'client-request-id': clientRequestId,
    'x-ms-ags-diagnostic': JSON.stringify({
      ServerInfo: { DataCenter: 'Sandbox', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'SANDBOX' },
    }),
    'cache-control': 'no-cache',
  };
  // Links and contexts use the host the client called (localhost vs 127.0.0.1), so a client can
  // recognise nextLinks as its own service root.
  const base = new URL(deps.baseUrl());
  const host = req.headers.host;
  const origin = host && /^[\w.[\]:-]+$/.test(host) ? `${base.protocol}//${host}` : base.origin;
  // Resolved against the origin as a path, never as a URL of its own: `//v1.0//users` must not
  // read as a host called v1.0.
  const url = new URL(`${origin}${req.url.startsWith('/') ? '' : '/'}${req.url}`);
  let status = 500;
  try {
    const fault = deps.faults.take(url.pathname + url.search);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.status) {
      throw new GraphError(
        fault.status,
        fault.status === 429 ? 'TooManyRequests' : 'ServiceNotAvailable',
        fault.status === 429
          ? 'Too many requests. Please retry after the time in the Retry-After header.'
          : 'The service is temporarily unavailable. Please retry.',
        { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
      );
    }
    const segments = normalisePath(url.pathname);
    if (req.bodyError)
      throw badRequest(
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      );
    const caller = authenticate(req.headers.authorization);
    if (segments[0]?.toLowerCase() === 'me') segments.splice(0, 1, 'users', meUser(caller).id);
    const match = deps.router.match(req.method, segments);
    authorise(caller, match.permissions);
    const now = deps.clock();
    // Test and inspection reads may ask to see what the lag still hides.
    const strong = req.headers['x-sandbox-consistency']?.toLowerCase() === 'strong';
    const ctx: RequestContext = {
      method: req.method,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body: req.body,
      rawBody: req.rawBody,
      caller,
      requestUrl: new URL(`${origin}${url.pathname}${url.search}`),
      baseUrl: `${origin}/v1.0`,
      now,
      store: deps.store,
      listable: (kind, items, keyOf) => {
        const hidden = strong ? new Set<string>() : deps.store.hiddenKeys(kind, now);
        return hidden.size === 0 ? [...items] : items.filter((item) => !hidden.has(keyOf(item)));
      },
      dispatch: (sub) => runPipeline(deps, sub),
    };
    const reply = await match.handler(ctx);
    status = reply.status;
    Object.assign(headers, reply.headers);
    if (reply.body === undefined) return { status, headers };
    headers['content-type'] = JSON_TYPE;
    headers['odata-version'] = '4.0';
    return { status, headers, body: reply.body };
  } catch (e) {
    const err =
      e instanceof GraphError
        ? e
        : new GraphError(500, 'generalException', 'An unexpected error occurred in the sandbox.');
    if (!(e instanceof GraphError))
      deps.logger?.warn(
        { err: e instanceof Error ? e.message : String(e), requestId, path: url.pathname },
        'sandbox handler failed',
      );
    status = err.status;
    Object.assign(headers, err.headers, { 'content-type': 'application/json' });
    return {
      status,
      headers,
      body: graphErrorBody(err.code, err.message, { requestId, clientRequestId, date: deps.clock() }),
    };
  } finally {
    deps.logger?.info({ method: req.method, path: url.pathname, status, requestId }, 'sandbox graph request');
  }
}

/** Split a `/v1.0/…` path into decoded segments, turning OData key syntax into plain segments. */
export function normalisePath(pathname: string): string[] {
  // Graph refuses empty segments (`//v1.0//users`) rather than guessing what was meant.
  const raw = pathname.replace(/\/$/, '').split('/').slice(1);
  if (raw.some((piece) => piece === '')) throw badRequest('Invalid request: the path has an empty segment.');
  const version = raw.shift();
  if (version?.toLowerCase() !== 'v1.0') throw badRequest(`Invalid version: ${version ?? ''}`);
  const out: string[] = [];
  for (const piece of raw) {
    let seg: string;
    try {
      seg = decodeURIComponent(piece);
    } catch {
      throw badRequest(`Invalid segment '${piece}'.`);
    }
    const key = /^([A-Za-z$]+)\('?(.*?)'?\)$/.exec(seg);
    if (key?.[1] && key[2] !== undefined) out.push(key[1], key[2]);
    else out.push(seg);
  }
  return out;
}
