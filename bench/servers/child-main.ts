import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/index';
import { startSandbox } from '../../src/sandbox';
import { startEchoBot } from './echo-bot';
import type { ChildReply, ChildRequest } from './protocol';
import { pinnedClock } from '../../test/support/clock';

/**
 * A benchmarked server in its own process, so the load generator never shares its event loop.
 * argv: `echo` | `sandbox` | `delegate <logLevel> [graphBaseUrl]` (without a Graph URL Delegate
 * embeds its own sandbox tenant, as `npm start` does; with one it uses that tenant, e.g. a
 * `sandbox` process, so the tenant's CPU is not counted as the bot's). Announces
 * `{ ready, url }` over IPC, then answers requests.
 */
async function main(): Promise<void> {
  const [kind = 'echo', logLevel = 'info', graphBaseUrl] = process.argv.slice(2);
  const send = (reply: ChildReply) => process.send?.(reply);
  if (kind === 'sandbox') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-sandbox-'));
    const clock = pinnedClock();
    const sandbox = await startSandbox({ dbPath: path.join(dir, 'sandbox.db'), port: 0, clock: () => clock.now() });
    serve(
      send,
      async () => 0,
      async () => {
        await sandbox.close();
        rmSync(dir, { recursive: true, force: true });
      },
    );
    send({ type: 'ready', url: sandbox.url });
    return;
  }
  if (kind === 'echo') {
    const server = await startEchoBot();
    serve(
      send,
      async () => 0,
      () => server.close(),
    );
    send({ type: 'ready', url: server.url });
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-'));
  const config = loadConfig({ PORT: '0', SANDBOX_GRAPH_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: logLevel });
  // Pinned, so the traffic's plans ("tomorrow", "next week") do not depend on the day the bench runs.
  const clock = pinnedClock();
  const app = await createApp(config, graphBaseUrl ? { clock, graphBaseUrl } : { clock });
  // "Busy" means some task is in the worker's hands: running (claimed or about to be).
  const running = async () => (await app.store.listTasks({ statuses: ['running'], limit: 100 })).length;
  serve(send, running, async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  send({ type: 'ready', url: app.server.url });
}

function serve(send: (reply: ChildReply) => void, running: () => Promise<number>, stop: () => Promise<void>): void {
  // How long callbacks wait for the event loop: long synchronous work shows up here as stalls.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // If the benchmark dies (Ctrl-C, crash), do not linger as an orphan server.
  process.once('disconnect', () => void stop().finally(() => process.exit(0)));
  process.on('message', (message: ChildRequest) => {
    const answer = async (): Promise<ChildReply> => {
      switch (message.cmd) {
        case 'running':
          return { type: 'result', id: message.id, value: await running() };
        case 'cpu': {
          const { user, system } = process.cpuUsage();
          return { type: 'result', id: message.id, value: (user + system) / 1000 };
        }
        case 'loopDelayReset':
          loop.reset();
          return { type: 'result', id: message.id, value: 0 };
        case 'loopDelayP99':
          return { type: 'result', id: message.id, value: loop.percentile(99) / 1e6 };
        case 'loopDelayMax':
          return { type: 'result', id: message.id, value: loop.max / 1e6 };
        case 'stop':
          // The parent waits for the exit; nothing else may keep this process alive.
          await stop();
          process.exit(0);
      }
    };
    answer().then(send, (error: unknown) => send({ type: 'error', id: message.id, message: String(error) }));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
