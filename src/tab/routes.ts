import { createHash } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import { taskStatus } from '../engine/model';
import type { Logger } from '../engine/ports';
import type { TabAuthenticator, TabUser } from './identity';
import type { LocalSessions } from './local-session';
import { openFile, staticFile } from './static-files';
import type { TabService } from './tab-service';

export interface TabRoutesOptions {
  readonly service: TabService;
  /** Teams SSO in Teams mode; the local session in local mode. */
  readonly authenticate: TabAuthenticator;
  /** Local mode only: the sign-in that picks one of the sandbox people. */
  readonly local?: { readonly sessions: LocalSessions; readonly people: () => readonly TabUser[] };
  /** The built front end (dist/tab-app). */
  readonly directory: string;
  readonly logger: Logger;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter((x) => x !== '') : undefined))
    .pipe(z.array(taskStatus).max(20).optional()),
  conversation: z.string().min(1).max(500).optional(),
  from: instant.optional(),
  to: instant.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const decisionBody = z.strictObject({
  verb: z.enum(['approve', 'reject']),
  planVersion: z.number().int().positive(),
  stepId: z.string().min(1).max(100).optional(),
  reason: z.string().trim().max(1000).optional(),
  previewHash: hex64,
  requestId: z.uuid().optional(),
});
const signInBody = z.strictObject({ personId: z.string().min(1).max(100) });
const taskId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * The Tasks tab on the bot's own server: the built front end under `/tab/` and its JSON API
 * under `/api/tab/`. Every API call but the local sign-in is authenticated from its credentials
 * (the `Authorization` header or the session cookie), never from the query string or the body.
 * Answers to reads carry an ETag, so the tab's polling costs a 304 when nothing changed.
 */
export function mountTab(server: restify.Server, options: TabRoutesOptions): void {
  const { service, logger } = options;
  const refused = (res: restify.Response, status: number, reason: string, route: string) => {
    // The reason and the route, never the token or cookie. Refusals about a task are on its ledger too.
    logger.warn({ event: 'tab_refused', status, reason, route }, 'tab request refused');
    res.send(status, { error: status === 401 ? 'unauthenticated' : 'forbidden' });
  };
  const guard =
    (route: string, handler: (req: restify.Request, res: restify.Response, user: TabUser) => Promise<void>): Handler =>
    async (req, res) => {
      try {
        if (options.local && !loopbackHost(req.header('host'))) return refused(res, 403, 'not_loopback_host', route);
        if (req.method === 'POST' && !req.is('json')) return refused(res, 415, 'not_json', route);
        const identity = await options.authenticate({
          authorization: req.header('authorization') || undefined,
          cookie: req.header('cookie') || undefined,
        });
        if (!identity.ok) return refused(res, 401, identity.reason, route);
        await handler(req, res, identity.user);
      } catch (error) {
        logger.error({ err: error, route }, 'tab request failed');
        if (!res.headersSent) res.send(500, { error: 'internal', message: 'Something went wrong.' });
      }
    };

  server.get('/api/tab/config', async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    res.send(200, { mode: options.local ? 'local' : 'teams' });
  });

  server.get(
    '/api/tab/me',
    guard('me', async (_req, res, user) => {
      res.header('Cache-Control', 'no-store');
      res.send(200, { id: user.id, name: user.name });
    }),
  );

  server.get(
    '/api/tab/waiting',
    guard('waiting', async (req, res, user) => sendJson(req, res, { items: await service.waiting(user) })),
  );

  server.get(
    '/api/tab/tasks',
    guard('tasks', async (req, res, user) => {
      const parsed = listQuery.safeParse(Object.fromEntries(queryOf(req)));
      if (!parsed.success) return badRequest(res, parsed.error);
      const q = parsed.data;
      const list = await service.tasks(user, {
        statuses: q.status,
        conversationId: q.conversation,
        from: q.from === undefined ? undefined : startOf(q.from),
        to: q.to === undefined ? undefined : endOf(q.to),
        search: q.q === '' ? undefined : q.q,
        limit: q.limit,
      });
      sendJson(req, res, list);
    }),
  );

  server.get(
    '/api/tab/tasks/:id',
    guard('task', async (req, res, user) => {
      const id = taskId.safeParse(req.params.id);
      const page = id.success ? await service.task(user, id.data) : undefined;
      if (!page) return void res.send(404, { error: 'not_found', message: 'There is no such task of yours.' });
      sendJson(req, res, page);
    }),
  );

  server.post(
    '/api/tab/tasks/:id/decide',
    guard('decide', async (req, res, user) => {
      const id = taskId.safeParse(req.params.id);
      const body = decisionBody.safeParse(parseJson(req.body));
      if (!body.success) return badRequest(res, body.error);
      if (!id.success) return void res.send(404, { error: 'not_found', message: 'There is no such task of yours.' });
      const outcome = await service.decide(user, id.data, body.data);
      res.header('Cache-Control', 'no-store');
      res.send(outcome.status, outcome.body);
    }),
  );

  server.get(
    '/api/tab/schedules',
    guard('schedules', async (req, res, user) => sendJson(req, res, await service.schedules(user))),
  );

  for (const [verb, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    server.post(
      `/api/tab/schedules/:id/${verb}`,
      guard(`schedule-${verb}`, async (req, res, user) => {
        const id = taskId.safeParse(req.params.id);
        const done = id.success && (await service.pauseSchedule(user, id.data, paused));
        if (!done) return void res.send(404, { error: 'not_found', message: 'There is no such schedule of yours.' });
        res.send(200, { result: 'applied' });
      }),
    );
  }

  if (options.local) mountLocalSignIn(server, options.local, refused);
  mountStatic(server, options);
}

/** Local mode's sign-in: the people to pick from, sign in as one of them, sign out. */
function mountLocalSignIn(
  server: restify.Server,
  local: NonNullable<TabRoutesOptions['local']>,
  refused: (res: restify.Response, status: number, reason: string, route: string) => void,
): void {
  server.get('/api/tab/local/people', async (req, res) => {
    if (!loopbackHost(req.header('host'))) return refused(res, 403, 'not_loopback_host', 'local-people');
    res.header('Cache-Control', 'no-store');
    res.send(200, { people: local.people().map((p) => ({ id: p.id, name: p.name })) });
  });
  server.post('/api/tab/local/sign-in', async (req, res) => {
    if (!loopbackHost(req.header('host'))) return refused(res, 403, 'not_loopback_host', 'local-sign-in');
    if (!req.is('json')) return refused(res, 415, 'not_json', 'local-sign-in');
    const body = signInBody.safeParse(parseJson(req.body));
    if (!body.success) return badRequest(res, body.error);
    const person = local.people().find((p) => p.id === body.data.personId);
    if (!person) return refused(res, 403, 'unknown_person', 'local-sign-in');
    res.header('Set-Cookie', local.sessions.signIn(person));
    res.header('Cache-Control', 'no-store');
    res.send(200, { id: person.id, name: person.name });
  });
  server.post('/api/tab/local/sign-out', async (_req, res) => {
    res.header('Set-Cookie', local.sessions.signOut());
    res.send(200, { result: 'signed_out' });
  });
}

/** The built front end, with the headers a page framed by Teams needs. */
function mountStatic(server: restify.Server, options: TabRoutesOptions): void {
  const frameAncestors = options.local
    ? "'self'"
    : "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.skype.com https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://*.microsoft365.com";
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) inserts its atomic CSS at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  const serve: Handler = async (req, res) => {
    const relative = String(req.params['*'] ?? '');
    const found = staticFile(options.directory, relative);
    if (!found) {
      const built = staticFile(options.directory, '');
      res.writeHead(built ? 404 : 503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(built ? 'Not found.' : 'The Tasks tab is not built: run `npm run build`.');
      return;
    }
    res.writeHead(200, { ...found.headers, 'Content-Security-Policy': csp });
    openFile(found.file).pipe(res);
  };
  server.get('/tab', async (_req, res) => {
    res.redirect(301, '/tab/', () => undefined);
  });
  server.get('/tab/*', serve);
}

/** A JSON answer with an ETag; 304 when the tab already has exactly this. */
function sendJson(req: restify.Request, res: restify.Response, body: unknown): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  res.header('ETag', etag);
  res.header('Cache-Control', 'private, no-cache');
  if (req.header('if-none-match') === etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

function badRequest(res: restify.Response, error: z.ZodError): void {
  res.send(400, {
    error: 'bad_request',
    message: 'The request is not valid.',
    problems: error.issues.map((i) => i.path.join('.') || '(body)'),
  });
}

function queryOf(req: restify.Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function parseJson(raw: unknown): unknown {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : undefined;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Local mode answers only to the loopback names, so a web page cannot reach it by DNS rebinding. */
function loopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

/** A day (YYYY-MM-DD, UTC) or an instant, as the start of a range. */
function startOf(value: string): string {
  return value.length === 10 ? `${value}T00:00:00.000Z` : value;
}

/** A day (inclusive, UTC) or an instant (exclusive), as the end of a range. */
function endOf(value: string): string {
  if (value.length !== 10) return value;
  const next = new Date(`${value}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
