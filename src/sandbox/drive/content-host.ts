import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphError } from '../errors';
import type { SandboxStore } from '../store/store';
import { blobKey, getItem } from './items';
import { acceptFragment, cancelSession, getSession, sessionStatus } from './sessions';
import { itemView } from './view';

/**
 * OneDrive hands out pre-authenticated URLs on another host for file bytes: the
 * `@microsoft.graph.downloadUrl` of a file and the `uploadUrl` of an upload session. Clients call
 * them without a Graph token. The sandbox serves them from a second loopback server, started on
 * first use and kept per store, as on OneDrive: these URLs are not Graph and take no Graph token.
 */
export interface ContentHost {
  downloadUrl(itemId: string): string;
  uploadUrl(sessionId: string): string;
}

const MAX_BODY = 64 * 1024 * 1024;
const hosts = new WeakMap<SandboxStore, Promise<ContentHost>>();

/** The content host of this store's tenant, started on first use (unref'd: it never holds a process open). */
export function contentHost(store: SandboxStore): Promise<ContentHost> {
  let host = hosts.get(store);
  if (!host) {
    host = startHost(store);
    hosts.set(store, host);
  }
  return host;
}

async function startHost(store: SandboxStore): Promise<ContentHost> {
  const secret = randomBytes(32);
  const sign = (path: string): string => createHmac('sha256', secret).update(path).digest('base64url');
  const server = createServer((req, res) => {
    handle(store, sign, req, res).catch((e: unknown) => fail(res, e));
  });
  // Nothing here may keep a process alive: the sandbox that owns the store cannot close this host.
  server.on('connection', (socket) => socket.unref());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = (path: string): string => `${origin}${path}?tempauth=${sign(path)}`;
  return { downloadUrl: (id) => url(`/download/${id}`), uploadUrl: (id) => url(`/upload/${id}`) };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new GraphError(413, 'requestTooLarge', 'The fragment is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body?: unknown): void {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  res.writeHead(
    status,
    payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
  );
  res.end(payload);
}

function fail(res: ServerResponse, e: unknown): void {
  const err = e instanceof GraphError ? e : new GraphError(500, 'generalException', 'An unexpected error occurred.');
  if (!res.headersSent) json(res, err.status, { error: { code: err.code, message: err.message } });
  else res.end();
}

function authorised(sign: (path: string) => string, path: string, token: string | null): boolean {
  const expected = Buffer.from(sign(path));
  const given = Buffer.from(token ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function handle(
  store: SandboxStore,
  sign: (path: string) => string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://content');
  const body = await readBody(req);
  if (!authorised(sign, url.pathname, url.searchParams.get('tempauth'))) {
    throw new GraphError(401, 'unauthenticated', 'The pre-authenticated URL is not valid.');
  }
  const [, area, id = ''] = url.pathname.split('/');
  const method = req.method ?? 'GET';
  if (area === 'download' && method === 'GET') {
    const item = getItem(store, id);
    const bytes = item && store.getBlob(blobKey(item.id));
    if (!item || !bytes) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
    res.writeHead(200, {
      'content-type': item.mimeType ?? 'application/octet-stream',
      'content-length': bytes.length,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
    });
    res.end(bytes);
    return;
  }
  if (area !== 'upload') throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
  const session = getSession(store, id);
  if (!session) throw new GraphError(404, 'itemNotFound', 'The upload session was not found or has expired.');
  if (method === 'DELETE') {
    cancelSession(store, id);
    json(res, 204);
    return;
  }
  if (method === 'GET') {
    json(res, 200, sessionStatus(session));
    return;
  }
  if (method !== 'PUT') throw new GraphError(405, 'invalidRequest', `The HTTP method '${method}' is not allowed.`);
  const header = req.headers['content-range'];
  const result = acceptFragment(store, session, Array.isArray(header) ? header[0] : header, body);
  if (!result.done) {
    json(res, 202, sessionStatus(result.session));
    return;
  }
  const host = await contentHost(store);
  json(res, result.created ? 201 : 200, itemView(store, result.item, host.downloadUrl));
}
