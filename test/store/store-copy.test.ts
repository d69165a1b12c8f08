import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { LedgerKeys } from '../../src/config';
import type { LedgerEntry, TaskStore } from '../../src/engine/ports';
import { LedgerKeyring } from '../../src/ledger/keyring';
import { openPgStore } from '../../src/store/pg-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { main } from '../../scripts/store-copy';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { makeDecision, makeTask, makeUsage } from './make-task';
import { useTempDbPaths } from './temp-dir';

const newPath = useTempDbPaths('store-copy');
const newSchema = useTestSchemas('copy');
const KEYS: LedgerKeys = {
  signing: { id: 'k1', algorithm: 'hmac-sha256', material: randomBytes(32).toString('base64') },
  retired: [],
};
const NOW = new Date('2025-03-03T10:00:00.000Z');

async function copy(argv: readonly string[], keys: LedgerKeys = KEYS) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) }, keys);
  return { code, out, err };
}

async function ledgerOf(store: TaskStore): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for await (const entry of store.readLedger()) entries.push(entry);
  return entries;
}

/** A pilot's SQLite store with some of everything, including a running task leased by a pilot process. */
async function pilot(file: string): Promise<void> {
  const store = await openSqliteStore(file, { sealer: new LedgerKeyring(KEYS.signing, KEYS.retired).sealer() });
  try {
    for (let i = 0; i < 30; i += 1) {
      const task = makeTask({ id: `C${String(i).padStart(2, '0')}`, status: i % 3 ? 'completed' : 'running' });
      await store.createTask(task);
      await store.appendDecision(makeDecision({ taskId: task.id }));
      await store.appendDecision(makeDecision({ taskId: task.id }));
      await store.setCardRef(task.id, 'task', `activity-${i}`);
      await store.recordUsage(makeUsage({ taskId: task.id, entryId: `u${i}` }));
      for (let n = 0; n < 5; n += 1)
        await store.appendLedger({
          taskId: task.id,
          type: 'step_result',
          actor: 'system',
          at: new Date(NOW.getTime() + i * 1000 + n).toISOString(),
          payload: { n, text: 'line one\nline "two" é' },
        });
    }
    await store.setScopeApprovers('team:1/channel:2', ['aad-megan', 'aad-adele'], 0);
    await store.reserveQuota({ key: 'tasks:user:u:2025-03-03', limit: 5, holder: 'h1', at: NOW.toISOString() });
    await store.claimRunnable('pilot-process', NOW, 60_000);
  } finally {
    await store.close();
  }
}

describeWithPostgres('npm run store:copy', () => {
  it('copies tasks, decisions, card refs, usage, approvers and the signed ledger, and verifies it on arrival', async () => {
    const file = newPath();
    await pilot(file);
    const schema = newSchema();
    const result = await copy(['--from', file, '--to', TEST_PG_URL, '--schema', schema]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('30 tasks');
    expect(result.out).toMatch(/ledger OK: 150 entries, signed head verified/);

    const [source, target] = [await openSqliteStore(file), await openPgStore(TEST_PG_URL, { schema })];
    try {
      const all = { limit: 100 };
      expect(await target.listTasks(all)).toEqual(await source.listTasks(all));
      expect(await target.countTasks({})).toBe(30);
      for (const id of ['C00', 'C07', 'C29']) {
        expect(await target.listDecisions(id)).toEqual(await source.listDecisions(id));
        expect(await target.getCardRef(id, 'task')).toBe(await source.getCardRef(id, 'task'));
      }
      const since = { since: '2000-01-01T00:00:00.000Z' };
      expect(await target.usageSince(since)).toEqual(await source.usageSince(since));
      expect(await target.getScopeApprovers('team:1/channel:2')).toEqual(
        await source.getScopeApprovers('team:1/channel:2'),
      );
      expect(await ledgerOf(target)).toEqual(await ledgerOf(source));
      expect(await target.listLedgerSeals()).toEqual(await source.listLedgerSeals());
      // The quota unit came along; the pilot process's lease did not.
      await expect(
        target.reserveQuota({ key: 'tasks:user:u:2025-03-03', limit: 1, holder: 'h2', at: NOW.toISOString() }),
      ).resolves.toBe(false);
      expect(await target.claimRunnable('prod-1', NOW, 60_000)).toBeDefined();
      // The copy continues the chain.
      const next = await target.appendLedger({
        taskId: 'C00',
        type: 'task_status',
        actor: 'system',
        at: NOW.toISOString(),
        payload: {},
      });
      expect(next.seq).toBe(151);
    } finally {
      await Promise.all([source.close(), target.close()]);
    }

    const again = await copy(['--from', file, '--to', TEST_PG_URL, '--schema', schema]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds data/);
  });

  it('says so when the copied ledger does not verify, and never prints the password', async () => {
    const file = newPath();
    await pilot(file);
    const db = new Database(file);
    db.prepare("UPDATE ledger SET actor = 'aad-mallory' WHERE seq = 77").run();
    db.close();
    const url = new URL(TEST_PG_URL);
    const broken = await copy(['--from', file, '--to', TEST_PG_URL, '--schema', newSchema()]);
    expect(broken.code).toBe(1);
    expect(broken.out + broken.err).toMatch(/77/);
    expect(broken.err).toMatch(/did not verify/);

    url.password = 'hunter2';
    url.port = '1';
    const unreachable = await copy(['--from', file, '--to', url.toString(), '--schema', newSchema()]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/nothing copied/);
    expect(unreachable.err).not.toContain('hunter2');
    expect((await copy(['--to', 'mysql://x'])).code).toBe(2);
    expect((await copy(['--from', '/nonexistent.db', '--to', TEST_PG_URL])).code).toBe(2);
  });
});
