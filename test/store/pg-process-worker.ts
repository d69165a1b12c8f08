/**
 * A separate process for the PostgreSQL multi-process tests. Prints "ready", waits for "go" on
 * stdin, then does one job against `<url>` / `<schema>` and prints its result as JSON:
 * - `migrate`: runs the migrations (as an instance starting up does); prints the versions it applied;
 * - `ledger <actor> <count>`: appends entries as fast as it can; prints their seqs;
 * - `claim <owner> <now>`: claims running tasks until none is left; prints their ids.
 */
import { createPool } from '../../src/store/pg-connect';
import { migratePg } from '../../src/store/pg-migrate';
import { openPgStore } from '../../src/store/pg-store';

async function main(): Promise<void> {
  const [job, url, schema, a, b] = process.argv.slice(2);
  if (!job || !url || !schema) throw new Error('usage: pg-process-worker <job> <url> <schema> …');
  const go = async () => {
    process.stdout.write('ready\n');
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  };
  let result: unknown;
  if (job === 'migrate') {
    const pool = createPool(url, { schema, poolMax: 1 });
    await go();
    try {
      result = await migratePg(pool, schema);
    } finally {
      await pool.end();
    }
  } else {
    const store = await openPgStore(url, { schema, poolMax: 2 });
    await go();
    const out: (number | string)[] = [];
    if (job === 'ledger') {
      for (let n = 0; n < Number(b); n += 1) {
        const entry = await store.appendLedger({
          taskId: `T-${a}`,
          type: 'step_result',
          actor: String(a),
          at: new Date(Date.UTC(2025, 2, 3, 9, 0, 0, n)).toISOString(),
          payload: { n },
        });
        out.push(entry.seq);
      }
    } else if (job === 'claim') {
      for (;;) {
        const task = await store.claimRunnable(String(a), new Date(String(b)), 60_000);
        if (!task) break;
        out.push(task.id);
      }
    } else throw new Error(`unknown job ${job}`);
    await store.close();
    result = out;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
