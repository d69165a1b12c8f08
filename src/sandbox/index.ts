import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import type { SandboxLogger } from './pipeline';
import { buildRouter } from './routes';
import { seedSandbox } from './seed';
import { createSandboxServer } from './server';
import { openDatabase } from './store/db';
import { SandboxStore } from './store/store';

export { SANDBOX_DIRECTORY } from './directory';
export type { SandboxDirectory, SandboxUser, SandboxChannel } from './directory';
export type { SandboxLogger } from './pipeline';

/** How to start the embedded Graph-compatible sandbox tenant. */
export interface SandboxOptions {
  /** SQLite file for the tenant's state, or ':memory:'. */
  readonly dbPath: string;
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Time source for seeding and for timestamps on new items; default the system clock. */
  readonly clock?: () => Date;
  /**
   * Eventual consistency, as Graph's indexes have it: new items (sent copies, delivered mail,
   * drafts, channel and chat messages, events) reach lists and searches only this many
   * milliseconds of the clock after they were made; reading one by id works at once. Default 0.
   */
  readonly visibilityLagMs?: number;
  readonly logger?: SandboxLogger;
}

/** A running sandbox tenant. */
export interface Sandbox {
  /** Graph base URL including the version, e.g. `http://127.0.0.1:3979/v1.0`. */
  readonly url: string;
  readonly port: number;
  /** Drop all state and reseed relative to `now` (default: the clock's now). */
  reset(now?: Date): Promise<void>;
  close(): Promise<void>;
}

/** Start the sandbox; it seeds on first start (empty database) and keeps state across restarts. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock = options.clock ?? (() => new Date());
  const db = openDatabase(options.dbPath);
  const store = new SandboxStore(db, options.visibilityLagMs ?? 0);
  const reset = async (now?: Date): Promise<void> => {
    store.transaction(() => {
      store.clear();
      seedSandbox(store, now ?? clock());
    });
  };
  if (store.getMeta('seededAt') === undefined) await reset();

  const host = options.host ?? '127.0.0.1';
  const faults = new FaultInjector();
  let url = '';
  const server = createSandboxServer(
    { router: buildRouter(), store, faults, clock, baseUrl: () => url, logger: options.logger },
    { faults, reset },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  url = `http://${publicHost}:${port}/v1.0`;
  options.logger?.info({ url }, 'sandbox tenant listening');

  return {
    url,
    port,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
