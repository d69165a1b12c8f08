/**
 * A separate process for the SQLite multi-process ledger test: opens the store file, waits
 * for "go" on stdin, appends `count` ledger entries as fast as it can, and prints their seqs.
 */
import { openSqliteStore } from '../../src/store/sqlite-store';

async function main(): Promise<void> {
  const [file, actor, count] = process.argv.slice(2);
  if (!file || !actor || !count) throw new Error('usage: ledger-worker <file> <actor> <count>');
  const store = await openSqliteStore(file);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const seqs: number[] = [];
  for (let n = 0; n < Number(count); n += 1) {
    const entry = await store.appendLedger({
      taskId: `T-${actor}`,
      type: 'step_result',
      actor,
      at: new Date(Date.UTC(2025, 2, 3, 9, 0, 0, n)).toISOString(),
      payload: { n },
    });
    seqs.push(entry.seq);
    if (n % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await store.close();
  process.stdout.write(`${JSON.stringify(seqs)}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
