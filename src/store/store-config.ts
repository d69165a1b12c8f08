import type { PgConnectOptions } from './pg-connect';

/** Which durable store an instance uses: SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL is set. */
export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | ({ readonly kind: 'postgres'; readonly url: string } & Required<
      Pick<PgConnectOptions, 'schema' | 'statementTimeoutMs' | 'poolMax'>
    > &
      Pick<PgConnectOptions, 'tls'>);

/** The environment variables of the PostgreSQL store, already parsed. */
export interface PgEnv {
  readonly DATABASE_URL: string;
  readonly DATABASE_SCHEMA: string;
  readonly DATABASE_SSL?: 'disable' | 'require' | 'verify-full';
  readonly DATABASE_SSL_CA_FILE?: string;
  readonly DATABASE_STATEMENT_TIMEOUT_MS: number;
  readonly DATABASE_POOL_MAX: number;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

/**
 * The PostgreSQL store's settings; problems are pushed (naming the variable, never the URL,
 * which may hold a password). TLS defaults to `verify-full` for any host but this machine.
 */
export function postgresStoreConfig(e: PgEnv, problems: string[]): StoreConfig | undefined {
  let url: URL;
  try {
    url = new URL(e.DATABASE_URL);
  } catch {
    problems.push('DATABASE_URL: expected postgres://user:password@host:5432/database');
    return undefined;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    problems.push('DATABASE_URL: must start with postgres:// or postgresql://');
    return undefined;
  }
  if (!/^[a-z_][a-z0-9_]{0,39}$/.test(e.DATABASE_SCHEMA))
    problems.push('DATABASE_SCHEMA: a lower-case identifier of at most 40 characters');
  const mode = e.DATABASE_SSL ?? (LOCAL_HOSTS.has(url.hostname) ? 'disable' : 'verify-full');
  if (e.DATABASE_SSL_CA_FILE !== undefined && mode !== 'verify-full')
    problems.push('DATABASE_SSL_CA_FILE: only used with DATABASE_SSL=verify-full');
  return {
    kind: 'postgres',
    url: e.DATABASE_URL,
    schema: e.DATABASE_SCHEMA,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    poolMax: e.DATABASE_POOL_MAX,
    tls: { mode, ...(e.DATABASE_SSL_CA_FILE ? { caFile: e.DATABASE_SSL_CA_FILE } : {}) },
  };
}
