import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildReply, ChildRequest } from './protocol';

/** A benchmarked server running in a child process, driven over IPC. */
export class ServerProcess {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: number) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (reply: ChildReply) => {
      if (reply.type === 'ready') return;
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.type === 'result') waiter?.resolve(reply.value);
      else waiter?.reject(new Error(reply.message));
    });
    // A crashed server must fail the run, not leave it waiting for answers forever.
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`server process exited with ${code}`));
      this.pending.clear();
    });
  }

  /**
   * Start `child-main.ts` with tsx; its logs (stdout) are discarded, errors (stderr) shown.
   * `nodeOptions` are extra Node flags, e.g. `--cpu-prof` to profile the server.
   */
  static start(
    args: readonly string[],
    startupMs = 60_000,
    nodeOptions: readonly string[] = [],
  ): Promise<ServerProcess> {
    const child = fork(path.join(__dirname, 'child-main.ts'), [...args], {
      execArgv: ['--import', 'tsx', ...nodeOptions],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`server ${args.join(' ')} did not start within ${startupMs} ms`));
      }, startupMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server ${args.join(' ')} exited with ${code} before it was ready`));
      });
      child.on('message', (reply: ChildReply) => {
        if (reply.type !== 'ready') return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(new ServerProcess(child, reply.url));
      });
    });
  }

  ask(cmd: ChildRequest['cmd']): Promise<number> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd } satisfies ChildRequest);
    });
  }

  /** Clean stop (in-flight work finishes), then the process exits. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ id: ++this.next, cmd: 'stop' } satisfies ChildRequest);
    const killer = setTimeout(() => this.child.kill(), 10_000);
    await exited;
    clearTimeout(killer);
  }
}
