/**
 * A separate process for the SQLite multi-process test: opens the store file, waits for "go"
 * on stdin (so both processes start claiming together), claims until nothing is left, and
 * prints the ids it got as JSON.
 */
import { openSqliteStore } from '../../src/store/sqlite-store';

async function main(): Promise<void> {
  const [file, owner, now] = process.argv.slice(2);
  if (!file || !owner || !now) throw new Error('usage: claim-worker <file> <owner> <nowIso>');
  const store = await openSqliteStore(file);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const claimed: string[] = [];
  // Bounded (the test seeds fewer), so a broken store fails the test instead of hanging it.
  for (let i = 0; i < 10_000; i += 1) {
    const task = await store.claimRunnable(owner, new Date(now), 60_000);
    if (!task) break;
    claimed.push(task.id);
    // Yield as a real worker would between claims, giving the other process its turns.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await store.close();
  process.stdout.write(`${JSON.stringify(claimed)}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
