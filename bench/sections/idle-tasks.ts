import { fork } from 'node:child_process';
import path from 'node:path';
import type { BenchOptions } from '../options';

/** Section 5: memory of tasks waiting at checkpoints (SQLite store, through engine and worker). */
export interface IdleResult {
  readonly tasks: number;
  /** Tasks found waiting at their checkpoint afterwards (must equal `tasks`). */
  readonly waitingAtCheckpoint: number;
  readonly notifications: number;
  readonly parkMs: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
  /** (heap after − heap before) ÷ tasks, after forced GC: what the process holds per waiting task. */
  readonly bytesPerTask: number;
  readonly rssDelta: number;
  /** Off-heap (Buffers, native) growth, e.g. SQLite's page cache. */
  readonly externalDelta: number;
  /** Control: heap per task if every waiting task were held as an object (shows the measurement can see retention). */
  readonly retainedBytesPerTask: number;
  /** Database file size per task: where waiting tasks are meant to live. */
  readonly storeBytesPerTask: number;
}

/** The measurement needs `--expose-gc` and a clean heap, so it runs in a child process. */
export function idleSection(options: BenchOptions, log: (line: string) => void): Promise<IdleResult> {
  log(`  parking ${options.idleTasks} tasks at their checkpoint in a child process (--expose-gc)`);
  const child = fork(path.join(__dirname, 'idle-child.ts'), [String(options.idleTasks)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: IdleResult | undefined;
    child.on('message', (message: IdleResult) => (result = message));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`idle-task child exited with ${code}`)),
    );
  });
}
