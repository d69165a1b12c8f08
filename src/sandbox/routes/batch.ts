import { jsonBody, ok, type CoreResponse, type RequestContext } from '../context';
import { badRequest } from '../errors';
import type { Router } from '../router';

/** Graph's limit on requests per JSON batch. */
export const MAX_BATCH = 20;

interface BatchItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn: string[];
}

function readItems(ctx: RequestContext): BatchItem[] {
  const requests = jsonBody(ctx).requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw badRequest('Invalid batch payload format: requests must be a non-empty array.');
  if (requests.length > MAX_BATCH) throw badRequest(`Number of requests in a batch exceeded limit of ${MAX_BATCH}.`);
  const seen = new Set<string>();
  return requests.map((raw: unknown) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : '';
    if (!id || typeof r.method !== 'string' || typeof r.url !== 'string')
      throw badRequest('Invalid batch payload format: each request needs id, method and url.');
    if (seen.has(id)) throw badRequest(`Batch request id '${id}' is not unique.`);
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    for (const d of dependsOn)
      if (!seen.has(d)) throw badRequest(`Request '${id}' depends on '${d}', which must come earlier in the batch.`);
    seen.add(id);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.headers ?? {}) as Record<string, unknown>))
      headers[k.toLowerCase()] = String(v);
    return { id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
}

/**
 * Turn a batch item's url into a pipeline url. Graph takes urls relative to the version
 * (`/me`, `me/messages?$top=1`); the SDK's BatchRequestContent sends `/v1.0/me`, which Graph also accepts.
 */
function innerUrl(ctx: RequestContext, url: string): string {
  const stripped = (url.startsWith(ctx.baseUrl) ? url.slice(ctx.baseUrl.length) : url).replace(/^\/+/, '');
  return /^v1\.0(\/|$)/i.test(stripped) ? `/${stripped}` : `/v1.0/${stripped}`;
}

function innerResponse(id: string, res: CoreResponse) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (k === 'content-type') headers['Content-Type'] = v;
    else if (k === 'retry-after') headers['Retry-After'] = v;
    else if (k === 'location' || k === 'preference-applied') headers[k] = v;
  }
  return res.body === undefined
    ? { id, status: res.status, headers }
    : { id, status: res.status, headers, body: res.body };
}

/**
 * `POST /$batch`: each request runs through the same pipeline (auth, faults, routing) with the
 * batch's Authorization, in order, so that `dependsOn` holds; a request whose dependency failed
 * gets 424 like Graph.
 */
async function batch(ctx: RequestContext) {
  const items = readItems(ctx);
  const statuses = new Map<string, number>();
  const responses = [];
  for (const item of items) {
    if (item.dependsOn.some((d) => (statuses.get(d) ?? 500) >= 400)) {
      statuses.set(item.id, 424);
      responses.push({
        id: item.id,
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'FailedDependency', message: 'A dependent request failed.' } },
      });
      continue;
    }
    let res: CoreResponse;
    if (/^\/?\$batch/i.test(item.url)) {
      res = {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: { error: { code: 'BadRequest', message: 'Nested batch requests are not supported.' } },
      };
    } else if (item.body !== undefined && !item.headers['content-type']) {
      res = {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: {
          error: { code: 'BadRequest', message: 'Content-Type header must be specified for a request with a body.' },
        },
      };
    } else {
      const headers = { ...item.headers };
      if (ctx.headers.authorization) headers.authorization = ctx.headers.authorization;
      if (ctx.headers.host) headers.host = ctx.headers.host;
      res = await ctx.dispatch({ method: item.method, url: innerUrl(ctx, item.url), headers, body: item.body });
    }
    statuses.set(item.id, res.status);
    responses.push(innerResponse(item.id, res));
  }
  return ok({ responses });
}

export function registerBatchRoute(router: Router): void {
  router.post('/$batch', batch);
}
