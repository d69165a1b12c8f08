import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from './engine/ports';

/** The HTTP front: `POST /api/messages` for Teams, `GET /healthz` for probes. */
export interface HttpServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
}

export async function startServer(options: ServerOptions): Promise<HttpServer> {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'delegate', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    if (
      typeof req.body !== 'object' ||
      req.body === null ||
      typeof (req.body as { type?: unknown }).type !== 'string'
    ) {
      res.send(400, { error: 'The request body must be a Bot Framework activity.' });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      logger.error({ err: error }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'Internal error' });
    }
  });

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
