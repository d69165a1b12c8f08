/**
 * One ledger appender process for the `instances` section: opens the PostgreSQL store, waits
 * for "go" on stdin, appends ledger entries as fast as it can for `ms` milliseconds, and prints
 * how many it appended.
 */
import { openPgStore } from '../../src/store/pg-store';

async function main(): Promise<void> {
  const [url, schema, actor, ms] = process.argv.slice(2);
  if (!url || !schema || !actor || !ms) throw new Error('usage: ledger-appender <url> <schema> <actor> <ms>');
  const store = await openPgStore(url, { schema, poolMax: 2 });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const until = Date.now() + Number(ms);
  let count = 0;
  while (Date.now() < until) {
    await store.appendLedger({
      taskId: `L-${actor}`,
      type: 'step_result',
      actor,
      at: new Date(Date.UTC(2025, 2, 3, 9, 0, 0)).toISOString(),
      payload: { n: count },
    });
    count += 1;
  }
  await store.close();
  process.stdout.write(`${count}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
