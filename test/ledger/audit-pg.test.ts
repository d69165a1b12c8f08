import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LedgerKeys } from '../../src/config';
import { LedgerKeyring } from '../../src/ledger/keyring';
import { openPgStore } from '../../src/store/pg-store';
import { main } from '../../scripts/audit';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { PAYLOADS } from './support';

const newSchema = useTestSchemas('audit');
const KEYS: LedgerKeys = {
  signing: { id: '2026-01', algorithm: 'hmac-sha256', material: randomBytes(32).toString('base64') },
  retired: [],
};

async function audit(argv: readonly string[], keys: LedgerKeys = KEYS) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) }, keys);
  return { code, out, err };
}

describeWithPostgres('npm run audit against PostgreSQL', () => {
  let schema = '';
  beforeAll(async () => {
    schema = newSchema();
    const store = await openPgStore(TEST_PG_URL, {
      schema,
      sealer: new LedgerKeyring(KEYS.signing, KEYS.retired).sealer(),
    });
    try {
      for (let i = 1; i <= 120; i += 1)
        await store.appendLedger({
          taskId: i % 2 ? 'T1' : 'T2',
          type: 'step_result',
          actor: 'system',
          at: new Date(Date.UTC(2026, 2, 3, 9, 0, i % 60)).toISOString(),
          payload: { i, ...PAYLOADS[i % PAYLOADS.length] },
        });
    } finally {
      await store.close();
    }
  });

  it('verifies the chain and its signed heads, exports a task, and names a tampered entry', async () => {
    const db = ['--db', TEST_PG_URL, '--schema', schema];
    const ok = await audit(['verify', ...db]);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/120/);
    const exported = await audit(['export', 'T2', ...db]);
    expect(exported.code).toBe(0);
    expect(exported.out.trimEnd().split('\n')).toHaveLength(60);

    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      await admin.query(`UPDATE "${schema}".ledger SET actor = 'aad-mallory' WHERE seq = 42`);
    } finally {
      await admin.end();
    }
    const broken = await audit(['verify', ...db]);
    expect(broken.code).toBe(1);
    expect(broken.out + broken.err).toMatch(/42/);
  });

  it('refuses --schema without a PostgreSQL URL, and never prints the password of one it cannot open', async () => {
    expect((await audit(['verify', '--db', './x.db', '--schema', 'public'])).code).toBe(2);
    const unreachable = await audit(['verify', '--db', 'postgres://delegate:hunter2@127.0.0.1:1/none']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain('cannot open the task database');
    expect(unreachable.err).not.toContain('hunter2');
  });
});
