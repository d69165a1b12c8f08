import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createApp, type App, type AppOverrides } from '../../src/index';
import { pinnedClock } from '../support/clock';
import { FakeConnector } from './fake-connector';

/** The real server on an ephemeral port, with its sandbox tenant, talking to a fake connector. */
export interface RunningApp {
  readonly app: App;
  readonly connector: FakeConnector;
  readonly dataDir: string;
  /** POST an activity to /api/messages; returns the HTTP status and parsed body. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** GET from the sandbox tenant's Graph API as a user (UPN) or the app. */
  graph<T>(pathAndQuery: string, as?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningApp> {
  const connector = new FakeConnector();
  await connector.start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-http-'));
  const config = loadConfig({
    PORT: '0',
    SANDBOX_GRAPH_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WORKER_POLL_MS: '50',
    ...env,
  });
  // Pinned to TEST_NOW unless the test brings its own clock: the sandbox seeds from it too.
  const app = await createApp(config, { clock: pinnedClock(), ...overrides });
  const sandboxUrl = app.sandbox?.url ?? '';
  return {
    app,
    connector,
    dataDir,
    async post(activity) {
      const res = await fetch(`${app.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async graph<T>(pathAndQuery: string, as = 'app') {
      const res = await fetch(`${sandboxUrl}${pathAndQuery}`, { headers: { authorization: `Bearer sandbox:${as}` } });
      if (!res.ok) throw new Error(`Graph ${pathAndQuery} → ${res.status}`);
      return (await res.json()) as T;
    },
    async stop() {
      await app.stop();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An Adaptive Card's Action.Execute buttons. */
export function executeActions(
  card: Record<string, unknown>,
): { title: string; verb: string; data: Record<string, unknown> }[] {
  const actions = (card.actions ?? []) as {
    type: string;
    title: string;
    verb: string;
    data: Record<string, unknown>;
  }[];
  return actions.filter((a) => a.type === 'Action.Execute');
}

/** The button with this title, or a failed test. */
export function button(card: Record<string, unknown>, title: string): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).find((a) => a.title === title);
  if (!found)
    throw new Error(
      `no "${title}" button; card has ${
        executeActions(card)
          .map((a) => a.title)
          .join(', ') || 'none'
      }`,
    );
  return found;
}

/** All text on a card, for assertions. */
export function cardText(card: unknown): string {
  return JSON.stringify(card);
}

/** The card an invoke answered with. */
export function invokeCard(body: unknown): Record<string, unknown> {
  const response = body as { statusCode?: number; type?: string; value?: Record<string, unknown> };
  if (response.statusCode !== 200 || response.type !== 'application/vnd.microsoft.card.adaptive' || !response.value) {
    throw new Error(`not a card response: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return response.value;
}
