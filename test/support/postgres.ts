import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the tests use: TEST_DATABASE_URL, or the local service on 127.0.0.1:5432
 * (`.ci/run` starts it when it is down). Each test file works in schemas of its own, dropped
 * afterwards, so runs never see each other's data.
 */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: boolean | undefined;

/** Whether the test PostgreSQL answers (checked once per file, synchronously, so suites can skip). */
export function postgresReachable(): boolean {
  if (reachable !== undefined) return reachable;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const pg = require('pg');
       const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`,
      TEST_PG_URL,
    ],
    { timeout: 10_000, stdio: 'ignore' },
  );
  reachable = probe.status === 0;
  return reachable;
}

/** `describe` when PostgreSQL is reachable; otherwise a skipped suite and one clear message. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (postgresReachable()) {
    describe(name, body);
    return;
  }
  console.warn(
    `SKIPPED "${name}": PostgreSQL is not reachable at ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')} ` +
      '(start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set TEST_DATABASE_URL)',
  );
  describe.skip(name, body);
}

/**
 * Fresh schema names for the current test file; every schema handed out is dropped after all
 * its tests. Names are unique per process and run.
 */
export function useTestSchemas(prefix: string): () => string {
  const made: string[] = [];
  const run = crypto.randomBytes(3).toString('hex');
  afterAll(async () => {
    if (made.length === 0) return;
    await dropSchemas(made);
  });
  return () => {
    const name = `t_${prefix}_${process.pid}_${run}_${made.length + 1}`;
    made.push(name);
    return name;
  };
}

export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
