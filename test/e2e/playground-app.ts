import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { lastLinesOf } from '../../scripts/lib/output-tail';
import { startPlayground, type Playground } from '../../scripts/lib/playground';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/index';
import { createLogger } from '../../src/log';
import { launchChromium } from './chromium';
import { pinnedClock } from '../support/clock';

const ROOT = path.resolve(__dirname, '..', '..');

/** Delegate (in-process, with its sandbox tenant) behind the real Agents Playground, and Chromium. */
export interface PlaygroundRig {
  readonly browser: Browser;
  readonly app: App;
  readonly playground: Playground;
  /** The ends of the bot's and the Playground's logs, for a failure message. */
  logs(): string;
}

/**
 * Start the rig for a test file and stop it afterwards. The Playground gets a port of its own
 * (-p 0), so a running `npm run dev` does not disturb it; `policy` becomes the POLICY_FILE.
 */
export function usePlaygroundRig(options: { readonly policy?: string } = {}): () => PlaygroundRig {
  let tmp = '';
  let rig: Partial<PlaygroundRig> = {};
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'delegate-e2e-'));
    const browser = await launchChromium(); // first: without Chromium there is nothing to test
    const botLog = path.join(tmp, 'bot.log'); // quiet on success, quoted on failure
    const env: Record<string, string> = {
      PORT: '0',
      SANDBOX_GRAPH_PORT: '0',
      DATA_DIR: path.join(tmp, 'data'),
      LOG_LEVEL: 'silent',
      WORKER_POLL_MS: '50',
    };
    if (options.policy !== undefined) {
      env.POLICY_FILE = path.join(tmp, 'policy.yaml');
      writeFileSync(env.POLICY_FILE, options.policy);
    }
    rig = { browser };
    const app = await createApp(loadConfig(env), {
      clock: pinnedClock(),
      logger: createLogger('info', pino.destination({ dest: botLog, sync: true })),
    });
    rig = { ...rig, app };
    const playground = await startPlayground({
      botEndpoint: `${app.server.url}/api/messages`,
      port: 0,
      cwd: ROOT, // its .m365agentsplayground.yml holds the sandbox tenant's people
      logFile: path.join(tmp, 'playground.log'),
      env: process.env,
    });
    rig = {
      ...rig,
      playground,
      logs: () =>
        `\nPlayground output:\n${playground.output()}\nPlayground log (end):\n${lastLinesOf(playground.logFile, 40)}\nBot log (end):\n${lastLinesOf(botLog, 25)}`,
    };
  }, 60_000);

  afterAll(async () => {
    // Each step runs whatever the one before did, so no process outlives a failed test.
    await rig.browser?.close().catch(() => undefined);
    await rig.playground?.stop().catch(() => undefined);
    await rig.app?.stop().catch(() => undefined);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  return () => {
    if (!rig.browser || !rig.app || !rig.playground || !rig.logs) throw new Error('set-up failed');
    return rig as PlaygroundRig;
  };
}
