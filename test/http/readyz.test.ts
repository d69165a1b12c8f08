import pg from 'pg';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { TcpProxy } from '../support/tcp-proxy';
import { startApp, type RunningApp } from './app-harness';

const newSchema = useTestSchemas('readyz');

async function probe(run: RunningApp, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${run.app.server.url}${path}`);
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('/readyz on SQLite', () => {
  it('is ready once the store is open and migrated', async () => {
    const run = await startApp();
    try {
      expect(await probe(run, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    } finally {
      await run.stop();
    }
  });
});

describeWithPostgres('/readyz on PostgreSQL', () => {
  let run: RunningApp;
  let proxy: TcpProxy;
  let schema = '';
  const target = new URL(TEST_PG_URL);

  beforeAll(async () => {
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    schema = newSchema();
    const url = new URL(TEST_PG_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    run = await startApp({ DATABASE_URL: url.toString(), DATABASE_SCHEMA: schema });
  });
  afterAll(async () => {
    await run.stop();
    await proxy.cut();
  });

  it('answers 503 while a migration is pending, 503 when the database is unreachable; /healthz stays 200', async () => {
    expect(await probe(run, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });

    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      await admin.query(`DELETE FROM "${schema}".schema_migrations WHERE version = 5`);
      expect(await probe(run, '/readyz')).toEqual({
        status: 503,
        body: { status: 'not_ready', reason: 'migrations_pending' },
      });
      await admin.query(
        `INSERT INTO "${schema}".schema_migrations (version, name, applied_at) VALUES (5, 'restored', '2025-01-01T00:00:00.000Z')`,
      );
      expect((await probe(run, '/readyz')).status).toBe(200);
    } finally {
      await admin.end();
    }

    await proxy.cut();
    expect(await probe(run, '/readyz')).toEqual({ status: 503, body: { status: 'not_ready', reason: 'unreachable' } });
    expect(await probe(run, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });

    await proxy.start(proxy.port);
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await probe(run, '/readyz')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });
});
