/**
 * `npm run dev`: Delegate in local mode (bot + embedded sandbox tenant) and the Microsoft 365
 * Agents Playground pointed at it, ready to chat in a browser.
 *
 * 1. Read the configuration as the bot will (environment over `env/.env.local`); refuse
 *    anything but local mode, and ports that are already taken.
 * 2. Start the bot as a child (`src/index.ts`), logs pretty-printed; wait for `/healthz`.
 * 3. Start the Playground as a child in its own session; wait until it serves its UI.
 * 4. Print where everything is; then wait for Ctrl-C / SIGTERM (stop both, exit 0) or for
 *    either child to exit (say why, stop the other, exit 1).
 */
import path from 'node:path';
import { ConfigError, envFiles, loadConfig, processEnv, type Config } from '../src/config';
import { banner } from './lib/banner';
import { lastLinesOf } from './lib/output-tail';
import { launchBotProcess, type BotProcess } from './lib/bot-process';
import {
  launchPlayground,
  PLAYGROUND_DEFAULT_PORT,
  type PlaygroundAddress,
  type PlaygroundProcess,
} from './lib/playground';
import { portInUse } from './lib/ports';
import { describeExit, signalGroup } from './lib/process-group';

const ROOT = path.resolve(__dirname, '..');
/** A second Ctrl-C sooner than this is the same keypress delivered twice, not "force it". */
const FORCE_AFTER_MS = 1_000;

// After the terminal is gone, writes fail (EIO/EPIPE); stopping the children matters more.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
const say = (line: string) => process.stdout.write(`[dev] ${line}\n`);
const fail = (line: string) => process.stderr.write(`[dev] ${line}\n`);

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return 1;
  const busy = await busyPorts(config);
  if (busy.length > 0) {
    for (const problem of busy) fail(problem);
    fail(
      'Stop whatever holds them (an earlier `npm run dev` or `npm start`?), or choose other ports in env/.env.local.user.',
    );
    return 1;
  }

  let bot: BotProcess | undefined;
  let playground: PlaygroundProcess | undefined;
  let stopping = false;
  let stoppingSince = 0;
  const stopAll = async () => {
    await Promise.all([playground?.stop(), bot?.stop()]);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // One Ctrl-C can arrive twice: from the terminal and relayed by the tsx wrapper.
    if (stopping && Date.now() - stoppingSince < FORCE_AFTER_MS) return;
    if (stopping) {
      fail(`${signal} again: killing the bot and the Playground now.`);
      for (const child of [bot, playground]) if (child && child.pid > 0) signalGroup(child.pid, 'SIGKILL');
      process.exit(1);
    }
    stopping = true;
    stoppingSince = Date.now();
    say(`${signal}: stopping the Playground and the bot (in-flight steps finish first; Ctrl-C again to force)…`);
    stopAll().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // SIGHUP: the terminal closed (npm itself exits at once on Ctrl-C, taking the terminal with it).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  const botUrl = `http://127.0.0.1:${config.port}`;
  let address: PlaygroundAddress;
  try {
    say('Starting Delegate (bot + sandbox tenant)…');
    bot = launchBotProcess({
      root: ROOT,
      env: processEnv(),
      healthUrl: `${botUrl}/healthz`,
      colorize: Boolean(process.stdout.isTTY),
    });
    await bot.ready;
    say('Starting the Microsoft 365 Agents Playground…');
    playground = launchPlayground({
      botEndpoint: `${botUrl}/api/messages`,
      port: PLAYGROUND_DEFAULT_PORT,
      cwd: ROOT,
      logFile: path.join(config.dataDir, 'playground.log'),
      env: processEnv(),
      onOutput: (line) => {
        if (line.trim() && !/^Listening on \d+$/.test(line.trim())) say(`playground: ${line}`);
      },
    });
    address = await playground.ready;
  } catch (error) {
    if (stopping) return waitForever(); // the signal handler stops everything and exits
    fail(error instanceof Error ? error.message : String(error));
    await stopAll();
    return 1;
  }

  process.stdout.write(
    banner({
      playgroundUrl: address.url,
      playgroundPortNote:
        address.port === PLAYGROUND_DEFAULT_PORT
          ? undefined
          : `port ${PLAYGROUND_DEFAULT_PORT} was taken (another Playground running?), so the Playground chose ${address.port}.`,
      botUrl,
      sandboxGraphUrl: config.graph.kind === 'sandbox' ? `http://127.0.0.1:${config.graph.port}/v1.0` : undefined,
      dataDir: displayPath(config.dataDir),
      playgroundLog: displayPath(playground.logFile),
    }),
  );

  const ended = await Promise.race([
    bot.exited.then((exit) => ({ who: 'bot' as const, exit })),
    playground.exited.then((exit) => ({ who: 'playground' as const, exit })),
  ]);
  if (stopping) return waitForever();
  stopping = true;
  if (ended.who === 'playground') {
    fail(
      `The Agents Playground exited (${describeExit(ended.exit)}). Its last output:\n${playground.output() || '(nothing)'}`,
    );
    const log = lastLinesOf(playground.logFile, 15);
    fail(`Its log (${playground.logFile}) ends with:\n${log || '(nothing)'}`);
    fail('Stopping the bot.');
  } else {
    fail(`The bot exited (${describeExit(ended.exit)}); its output is above. Stopping the Playground.`);
  }
  await stopAll();
  return 1;
}

/** A path as short as it can be said from here: `./data`, or absolute when elsewhere. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : `./${relative}`;
}

/** While a signal handler is stopping everything: it exits the process itself. */
function waitForever(): Promise<number> {
  return new Promise<number>(() => undefined);
}

/** The configuration the bot will see, or `undefined` after saying what is wrong. */
function readConfig(): Readonly<Config> | undefined {
  let config: Readonly<Config>;
  try {
    config = loadConfig(processEnv(), envFiles(ROOT, 'local'));
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : `Could not read the configuration: ${String(error)}`);
    return undefined;
  }
  if (!config.local) {
    fail(
      'BOT_ID is set (in the environment or env/.env.local*), which starts the bot with Bot Framework authentication.',
    );
    fail(
      '`npm run dev` is the local loop (no auth, sandbox tenant): unset BOT_ID, or use `npm start` against a real Bot Service.',
    );
    return undefined;
  }
  if (config.port === 0 || (config.graph.kind === 'sandbox' && config.graph.port === 0)) {
    fail(
      'PORT and SANDBOX_GRAPH_PORT must be fixed ports for `npm run dev` (the Playground is pointed at the bot by port).',
    );
    return undefined;
  }
  return config;
}

async function busyPorts(config: Readonly<Config>): Promise<string[]> {
  const wanted: [number, string][] = [[config.port, 'the bot (PORT)']];
  if (config.graph.kind === 'sandbox')
    wanted.push([config.graph.port, 'the sandbox Graph tenant (SANDBOX_GRAPH_PORT)']);
  const problems: string[] = [];
  for (const [port, what] of wanted) {
    if (await portInUse(port, config.host)) problems.push(`Port ${port} is already in use; it is needed by ${what}.`);
  }
  return problems;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
