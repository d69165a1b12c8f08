import { spawn, type ChildProcess } from 'node:child_process';
import { build as pinoPretty } from 'pino-pretty';
import { describeExit, exitOf, stopProcessGroup, type Exit } from './process-group';

/** How to start Delegate as a child process, exactly as `npm start` would. */
export interface BotProcessOptions {
  /** The repository root: its working directory, where `env/.env.local` is read from. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** Polled until it answers 200. */
  readonly healthUrl: string;
  /** Colour the pretty-printed logs (when stdout is a terminal). */
  readonly colorize: boolean;
  /** How long to wait for health. Default 60 s (the first run compiles TypeScript). */
  readonly startTimeoutMs?: number;
}

/** Delegate running as a child, alone in its process group. */
export interface BotProcess {
  readonly pid: number;
  /** Resolves once `/healthz` answers; rejects (the process stopped) if it never does. */
  readonly ready: Promise<void>;
  /** Settles when it exits, for whatever reason. */
  readonly exited: Promise<Exit>;
  /** Graceful stop (SIGTERM: in-flight steps finish), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<Exit>;
}

/**
 * Start `src/index.ts` under tsx's loader in one process (`node --import tsx`, so signals reach
 * the bot itself, not a relaying wrapper), with its JSON logs made readable by pino-pretty. It
 * gets its own process group so that Ctrl-C reaches the launcher alone, which then stops the
 * bot and the Playground, once each. The handle exists from the spawn on, so a launcher
 * interrupted during start-up can still stop it.
 */
export function launchBotProcess(options: BotProcessOptions): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: options.root,
    env: options.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  child.stdout?.pipe(
    pinoPretty({
      colorize: options.colorize,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,component',
      messageFormat: '{if component}{component}: {end}{msg}',
      singleLine: true,
    }),
  );
  const exited = exitOf(child);
  const stop = (graceMs = 15_000) => stopProcessGroup(child, graceMs);
  const ready = waitHealthy(child, exited, options.healthUrl, options.startTimeoutMs ?? 60_000);
  return { pid: child.pid ?? -1, ready, exited, stop };
}

async function waitHealthy(child: ChildProcess, exited: Promise<Exit>, url: string, timeoutMs: number): Promise<void> {
  let exit: Exit | undefined;
  let spawnError: Error | undefined;
  void exited.then((e) => (exit = e));
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`Could not start the bot: ${spawnError.message}`);
    if (exit) throw new Error(`The bot exited before it was ready (${describeExit(exit)}); its output is above.`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stopProcessGroup(child);
  throw new Error(`The bot did not answer ${url} within ${Math.round(timeoutMs / 1000)} s; its output is above.`);
}
