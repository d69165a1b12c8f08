import fs from 'node:fs';
import pg from 'pg';

/** How to reach PostgreSQL: everything but the URL has a production-worthy default. */
export interface PgConnectOptions {
  /** The schema holding Delegate's tables; created on first start. Default `public`. */
  readonly schema?: string;
  /** Longest any one statement may run before PostgreSQL cancels it; default 15 000 ms. */
  readonly statementTimeoutMs?: number;
  /** Connections per instance; default 10. */
  readonly poolMax?: number;
  /**
   * TLS: `disable` (local development only), `require` (encrypted, the server's certificate
   * not checked), `verify-full` (checked against the system CAs or `caFile`: what Azure
   * Database for PostgreSQL should use). An `sslmode` in the URL wins over this.
   */
  readonly tls?: { readonly mode: 'disable' | 'require' | 'verify-full'; readonly caFile?: string };
  /** Shown in pg_stat_activity, so an operator can tell the instances apart. */
  readonly applicationName?: string;
  /** Every session read-only (audit tools). */
  readonly readonly?: boolean;
}

/** A schema name Delegate accepts: a plain lower-case identifier, so it never needs quoting rules. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError('the PostgreSQL schema must be a lower-case identifier of at most 40 characters');
  }
  return schema;
}

/** BIGINT (int8) and COUNT come back as JS numbers: every stored value fits (epoch ms, seq, tokens). */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** The client settings every connection of a store uses (the pool's and the listener's). */
export function pgClientConfig(url: string, options: PgConnectOptions = {}): pg.ClientConfig {
  const schema = checkSchemaName(options.schema ?? 'public');
  const flags = [`-c search_path=${schema}`];
  if (options.readonly) flags.push('-c default_transaction_read_only=on');
  return {
    connectionString: url,
    types,
    options: flags.join(' '),
    statement_timeout: Math.max(1, Math.floor(options.statementTimeoutMs ?? 15_000)),
    // A session left in an open transaction (a crashed step) must not hold locks for long.
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? 'delegate',
    ssl: tlsOptions(options.tls),
  };
}

function tlsOptions(tls: PgConnectOptions['tls']): pg.ClientConfig['ssl'] {
  if (!tls || tls.mode === 'disable') return undefined;
  if (tls.mode === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ...(tls.caFile ? { ca: fs.readFileSync(tls.caFile, 'utf8') } : {}) };
}

export function createPool(url: string, options: PgConnectOptions = {}): pg.Pool {
  const pool = new pg.Pool({ ...pgClientConfig(url, options), max: options.poolMax ?? 10, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}

/** Quote an identifier already checked by {@link checkSchemaName} or built from one. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
