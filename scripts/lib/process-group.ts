import type { ChildProcess } from 'node:child_process';

/** How a child process ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Resolves when the child exits (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** "exit code 1", "signal SIGKILL". */
export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code ?? '?'}`;
}

/**
 * Stop a child started with `detached: true` (its own process group): SIGTERM to the whole group,
 * then SIGKILL to whatever is left after `graceMs`. Signalling the group, not the pid, also ends
 * the grandchildren a CLI may have started, which would otherwise outlive us holding a port.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000): Promise<Exit> {
  const exited = exitOf(child);
  if (child.pid === undefined) return exited;
  signalGroup(child.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const first = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  // The leader may be gone while members of its group live on; SIGKILL them either way.
  signalGroup(child.pid, 'SIGKILL');
  return first === 'timeout' ? exited : first;
}

/** Signal a process group; a group that no longer exists is already stopped. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
