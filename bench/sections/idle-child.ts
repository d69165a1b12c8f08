import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ListCatalogue } from '../../src/engine/fakes';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { FakeOutbox, makeActions, READ_THEN_SEND } from '../../test/engine/harness';
import { engineKit, type EngineKit } from '../engine-kit';
import type { IdleResult } from './idle-tasks';

/**
 * Runs in its own process with `--expose-gc`: parks N tasks at their checkpoint through the
 * engine and the worker (SQLite store), and compares the heap before and after.
 * argv: <tasks>. Sends an {@link IdleResult} over IPC.
 */
async function main(): Promise<void> {
  const tasks = Number(process.argv[2] ?? '10000');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const dir = mkdtempSync(path.join(scratchRoot(), 'delegate-bench-idle-'));
  const file = path.join(dir, 'tasks.db');
  try {
    const store = await openSqliteStore(file);
    const kit = engineKit(store, new ListCatalogue(makeActions(new FakeOutbox())), READ_THEN_SEND, {
      maxSteps: 20,
      concurrency: 4,
    });
    // Warm up first, so lazily built things (compiled statements, JIT, caches) are in the "before".
    await park(kit, 300);
    const before = settledHeap(gc);
    const start = Date.now();
    await park(kit, tasks);
    const parkMs = Date.now() - start;
    const after = settledHeap(gc);
    const events = kit.notifier.count;

    // Bookkeeping and the control read only happen after the measurement.
    const db = new Database(file, { readonly: true });
    const waiting = (
      db.prepare("SELECT count(*) AS n FROM tasks WHERE status = 'awaiting_checkpoint'").get() as { n: number }
    ).n;
    const ids = (
      db.prepare("SELECT id FROM tasks WHERE status = 'awaiting_checkpoint' LIMIT ?").all(tasks) as { id: string }[]
    ).map((r) => r.id);
    db.close();
    // Control: what it would cost if something did hold every waiting task in memory.
    const idsHeap = settledHeap(gc);
    const held = await Promise.all(ids.map((id) => store.getTask(id)));
    const heldHeap = settledHeap(gc);
    if (held.some((t) => t?.status !== 'awaiting_checkpoint'))
      throw new Error('a parked task is not at its checkpoint');
    await store.close();
    const dbBytes = ['', '-wal', '-shm']
      .map((suffix) => file + suffix)
      .filter((f) => existsSync(f))
      .reduce((sum, f) => sum + statSync(f).size, 0);
    const result: IdleResult = {
      tasks,
      waitingAtCheckpoint: waiting - 300,
      notifications: events,
      parkMs,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      bytesPerTask: (after.heapUsed - before.heapUsed) / tasks,
      rssDelta: after.rss - before.rss,
      externalDelta: after.external - before.external,
      retainedBytesPerTask: (heldHeap.heapUsed - idsHeap.heapUsed) / held.length,
      storeBytesPerTask: dbBytes / (tasks + 300),
    };
    process.send?.(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Park `n` tasks at their checkpoint: plan, approve, let the worker run the read step up to the send. */
async function park(kit: EngineKit, n: number): Promise<void> {
  const batch = 250;
  for (let done = 0; done < n; done += batch) {
    for (let i = 0; i < Math.min(batch, n - done); i++) await kit.startApproved();
    await kit.worker.drain();
    // A server's event loop turns all the time; this loop only awaits promises, so without a turn the
    // worker's pending setImmediate kicks (one per finished run) would pile up and look like a leak.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Every approval is an fsync'd write (decisions must survive a power cut); 10,000 of them on a
 * shared disk take minutes and measure the disk, not memory. On tmpfs an fsync is free.
 */
function scratchRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

function settledHeap(gc: () => void): NodeJS.MemoryUsage {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage();
}

main().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
