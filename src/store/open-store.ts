import type { LedgerSealer, TaskStore } from '../engine/ports';
import { openSqliteStore } from './sqlite-store';
import type { StoreConfig } from './store-config';

/** Open the configured store: PostgreSQL when DATABASE_URL is set, else SQLite under DATA_DIR. */
export async function openStore(
  config: StoreConfig,
  options: {
    readonly sealer?: LedgerSealer;
    readonly readonly?: boolean;
    readonly applicationName?: string;
    readonly onListenerProblem?: (error: unknown) => void;
  } = {},
): Promise<TaskStore> {
  if (config.kind === 'sqlite') return openSqliteStore(config.path, options);
  const { kind: _kind, url, ...connect } = config;
  // Loaded only here: a SQLite deployment never loads the PostgreSQL driver.
  const { openPgStore } = await import('./pg-store');
  return openPgStore(url, { ...connect, ...options });
}
