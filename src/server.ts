import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { validateActivity } from './edge/activity-schema';
import { authenticate } from './edge/authenticate';
import { slowDownText, type RateLimit } from './edge/rate-limit';
import type { EdgeAdapter } from './edge/edge-adapter';
import type { Logger, Readiness } from './engine/ports';
import { inTurnSpan, type TurnTrace } from './telemetry/turn';

/** The HTTP front: `POST /api/messages` for Teams, `GET /healthz` (liveness) and `GET /readyz` (readiness) for probes. */
export interface HttpServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly adapter: EdgeAdapter;
  readonly auth: BotFrameworkAuthentication;
  readonly bot: ActivityHandler;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  /** Local mode: no bot identity, so the SDK admits requests anonymously. */
  readonly local: boolean;
  /** The only tenant admitted (BOT_TENANT_ID), when set. */
  readonly allowedTenant?: string;
  /** Activities processed at once by this instance; more get 503 with Retry-After. */
  readonly maxInFlight: number;
  /** Per-person and per-tenant limits on messages; without it, none. */
  readonly rateLimit?: RateLimit;
  /** Whether the store can serve requests (reachable, migrated); without it, always ready. */
  readonly readiness?: () => Promise<Readiness>;
  /** More routes on the same server (the Tasks tab under `/tab` and `/api/tab`). */
  readonly mount?: (server: restify.Server) => void;
}

/** A readiness check slower than this counts as the store being unreachable. */
const READINESS_TIMEOUT_MS = 3_000;

/** Seconds a saturated instance asks the channel to wait. */
const RETRY_AFTER_SECONDS = 2;

export async function startServer(options: ServerOptions): Promise<HttpServer> {
  const { logger } = options;
  const server = restify.createServer({ name: 'delegate', handleUncaughtExceptions: false });
  // The raw body only: JSON is parsed below, so a malformed body gets the same generic 400
  // (restify's parser would answer with the parser's own message).
  server.use(restify.plugins.bodyReader({ maxBodySize: 1024 * 1024 }));
  let inFlight = 0;

  // Liveness: the process answers. It never looks at the store, so a database outage does not
  // get every instance restarted.
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  // Readiness: the store answers and its schema is this build's; a load balancer sends no
  // traffic here otherwise. The reason is a fixed word; the detail goes to the log only.
  server.get('/readyz', async (_req, res) => {
    const state = await checkReadiness(options.readiness);
    if (state.ready) {
      res.send(200, { status: 'ready' });
      return;
    }
    logger.warn({ event: 'not_ready', reason: state.reason, detail: state.detail }, 'not ready');
    res.send(503, { status: 'not_ready', reason: state.reason });
  });

  /**
   * One inbound activity, in this order, each refusal answered and logged once (warn, the
   * reason and the paths at fault, never values or tokens):
   * 1. saturated (too much work in flight here) → 503 with Retry-After;
   * 2. not a JSON body, or not an activity by the schema → 400;
   * 3. not authenticated → 401 (fail closed when the signing keys cannot be fetched);
   * 4. from another tenant than BOT_TENANT_ID → 403;
   * 5. a message over the sender's or tenant's rate limit → a friendly "slow down" reply instead
   *    of the turn;
   * 6. the turn, through the SDK; an internal failure is a generic 500.
   */
  const handleActivity = async (req: restify.Request, res: restify.Response, turn: TurnTrace): Promise<void> => {
    const refuse = (status: number, body: string, reason: string, extra: object = {}) => {
      turn.refused(reason);
      logger.warn({ event: 'activity_refused', status, reason, ...extra }, 'inbound activity refused');
      res.send(status, { error: body });
    };
    if (inFlight >= options.maxInFlight) {
      res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return refuse(503, 'Busy: retry shortly.', 'saturated', { inFlight });
    }
    inFlight += 1;
    try {
      const body = req.is('json') ? parseJson(req.body) : undefined;
      if (body === undefined) return refuse(400, 'The request body must be a Bot Framework activity.', 'not_json');
      const checked = validateActivity(body);
      if (!checked.ok)
        return refuse(400, 'The request body must be a Bot Framework activity.', 'invalid_activity', {
          problems: checked.problems,
        });
      const activity = checked.activity as unknown as Activity;
      turn.describe({
        type: activity.type,
        name: activity.name,
        channelId: activity.channelId,
        conversationType: activity.conversation.conversationType,
        activityId: activity.id,
      });
      const who = { activityType: activity.type, activityId: activity.id };
      const authenticated = await authenticate(options.auth, activity, req.header('authorization'), options.local);
      if (!authenticated.ok)
        return refuse(401, 'Unauthorized.', authenticated.reason, { ...who, detail: authenticated.detail });
      const tenant =
        activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: unknown } })?.tenant?.id;
      if (options.allowedTenant !== undefined && tenant !== options.allowedTenant)
        return refuse(403, 'Forbidden.', 'wrong_tenant', {
          ...who,
          tenant: typeof tenant === 'string' ? tenant : undefined,
        });
      const limited = activity.type === 'message' && options.rateLimit ? await options.rateLimit(activity) : undefined;
      if (limited && !limited.ok)
        logger.warn(
          { event: 'rate_limited', ...who, retryAfterMs: limited.retryAfterMs },
          'message over the rate limit',
        );
      const response = await options.adapter.processAuthenticated(authenticated.result, activity, async (context) => {
        if (limited && !limited.ok) await context.sendActivity(slowDownText(limited.retryAfterMs));
        else await options.bot.run(context);
      });
      res.send(response?.status ?? 200, response?.body);
    } catch (error) {
      logger.error({ err: error }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'Internal error' });
    } finally {
      inFlight -= 1;
    }
  };
  // restify wants an async function (or a callback-style one) as a handler.
  server.post('/api/messages', async (req, res) => {
    await inTurnSpan(
      (turn) => handleActivity(req, res, turn),
      () => res.statusCode,
    );
  });

  options.mount?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold the close open; requests in flight still finish.
        server.server.closeIdleConnections();
      }),
  };
}

/** The JSON value of a raw body, or undefined when it is not JSON. */
function parseJson(raw: unknown): unknown {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : undefined;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function checkReadiness(readiness: (() => Promise<Readiness>) | undefined): Promise<Readiness> {
  if (!readiness) return { ready: true };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: 'unreachable', detail: `no answer within ${READINESS_TIMEOUT_MS} ms` }),
      READINESS_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      readiness().catch((error: unknown): Readiness => ({
        ready: false,
        reason: 'unreachable',
        detail: error instanceof Error ? error.message : 'readiness check failed',
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
