import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { OutputTail } from './output-tail';
import { describeExit, exitOf, stopProcessGroup, type Exit } from './process-group';

/** The Playground's own default port, where `npm run dev` promises the chat UI. */
export const PLAYGROUND_DEFAULT_PORT = 56150;

/** How to start the Microsoft 365 Agents Playground. */
export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  readonly botEndpoint: string;
  /** Port for its web UI; 0 for any free one. When the port is taken it picks a random one itself. */
  readonly port: number;
  /** Its working directory, where it reads `.m365agentsplayground.yml` from. */
  readonly cwd: string;
  /** Its log file (it would otherwise write `./devTools/m365agentsplayground.log`). */
  readonly logFile: string;
  /** The environment to run it in; the variables it needs are added. */
  readonly env: NodeJS.ProcessEnv;
  /** How long to wait for it to serve its UI. Default 30 s. */
  readonly startTimeoutMs?: number;
  /** Sees every line it prints, as it prints it. */
  readonly onOutput?: (line: string) => void;
}

/** Where a started Playground serves its chat UI. */
export interface PlaygroundAddress {
  /** e.g. `http://localhost:56150`. */
  readonly url: string;
  readonly port: number;
}

/** The Playground process, alone in its process group, from the spawn on. */
export interface PlaygroundProcess {
  readonly pid: number;
  readonly logFile: string;
  /** Resolves once it listens; rejects (the process stopped) if it exits or times out first. */
  readonly ready: Promise<PlaygroundAddress>;
  /** Settles when it exits, for whatever reason. */
  readonly exited: Promise<Exit>;
  /** The last lines it printed. */
  output(): string;
  /** Stop its whole process group. */
  stop(): Promise<Exit>;
}

/** A Playground that is serving its UI. */
export type Playground = PlaygroundProcess & PlaygroundAddress;

const LISTENING = /Listening on (\d+)/;

/**
 * Spawn the Playground pointed at a bot. It gets its own session (`detached`) and /dev/null as
 * stdin, without which it exits at once when started from a script, and
 * `TEAMSAPPTESTER_BROWSER=none`, without which it tries to open a browser and exits with code 1
 * where there is no xdg-open. Telemetry is off: the local loop stays offline.
 */
export function launchPlayground(options: PlaygroundOptions): PlaygroundProcess {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...options.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const tail = new OutputTail();
  const listening = new Promise<number>((resolve) => {
    let port: number | undefined;
    const onLine = (line: string) => {
      const match = LISTENING.exec(line);
      if (match?.[1] && port === undefined) resolve((port = Number(match[1])));
      options.onOutput?.(line);
    };
    tail.follow(child.stdout, onLine);
    tail.follow(child.stderr, onLine);
  });
  const failed = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = exitOf(child);
  const stop = () => stopProcessGroup(child);
  const said = () => `It printed:\n${tail.text() || '(nothing)'}\nIts log: ${options.logFile}`;

  const ready = (async (): Promise<PlaygroundAddress> => {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      listening.then((port) => ({ kind: 'listening' as const, port })),
      exited.then((exit) => ({ kind: 'exited' as const, exit })),
      failed.then((error) => ({ kind: 'error' as const, error })),
      new Promise<{ kind: 'timeout' }>(
        (resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs)),
      ),
    ]);
    clearTimeout(timer);
    if (outcome.kind === 'listening') return { url: `http://localhost:${outcome.port}`, port: outcome.port };
    await stop();
    if (outcome.kind === 'error') throw new Error(`Could not start the Agents Playground: ${outcome.error.message}`);
    if (outcome.kind === 'exited')
      throw new Error(`The Agents Playground exited before serving its UI (${describeExit(outcome.exit)}). ${said()}`);
    throw new Error(`The Agents Playground did not start within ${timeoutMs} ms. ${said()}`);
  })();

  return { pid: child.pid ?? -1, logFile: options.logFile, ready, exited, output: () => tail.text(), stop };
}

/** Spawn the Playground and wait until it serves its UI. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const launched = launchPlayground(options);
  return { ...launched, ...(await launched.ready) };
}
