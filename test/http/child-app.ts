import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { portInUse } from '../../scripts/lib/ports';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A free TCP port for a child process to listen on, drawn at random from below the kernel's
 * ephemeral range (32768–60999 on Linux). The child binds it seconds later, after loading its
 * modules; a port the kernel handed out could meanwhile go to any of the suite's in-process
 * servers (they listen on port 0) or outbound connections, and a health check would then be
 * answered by someone else while the child is still starting.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + randomInt(12_000);
    if (!(await portInUse(port))) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

/**
 * The variables that move the date (`npm run test:any-day` runs the suite under libfaketime),
 * so the app sees the same day as the test that started it.
 */
function timeEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => /^(TZ|LD_PRELOAD|FAKETIME\w*)$/.test(entry[0]) && entry[1] !== undefined,
    ),
  );
}

/**
 * How the app is started: `node --import tsx src/index.ts`, or the compiled build as `npm start` runs it
 * (`node dist/index.js`) when jest.compiled.config.js runs the tests.
 */
function appCommand(): [string, string[]] {
  return process.env.DELEGATE_TEST_APP === 'compiled'
    ? [process.execPath, ['dist/index.js']]
    : // tsx as a loader, not its CLI: the CLI relays signals through a parent process that
      // SIGKILLs the app when it does not acknowledge one within 30 ms (a loaded machine).
      [process.execPath, ['--import', 'tsx', 'src/index.ts']];
}

/** Delegate as a separate process (see `appCommand`), so a test can kill it like a crash would. */
export class ChildApp {
  private child?: ChildProcess;
  readonly output: string[] = [];
  constructor(private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  async start(): Promise<void> {
    const [command, args] = appCommand();
    this.child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...timeEnv(), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout?.on('data', (d: Buffer) => this.output.push(d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => this.output.push(d.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`app exited: ${this.output.join('')}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`app did not start: ${this.output.join('')}`);
  }

  /** Send SIGTERM and wait for the exit code (graceful shutdown). */
  async terminate(ms = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    const result = await Promise.race([exited, timer]);
    if (result === 'timeout') throw new Error(`no exit within ${ms} ms after SIGTERM: ${this.output.join('')}`);
    return result;
  }

  /** SIGKILL the whole process group: no graceful shutdown, no cleanup — a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      return; // already gone
    }
    await exited;
  }
}
