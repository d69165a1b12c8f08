import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/index';
import { startSandbox } from '../../src/sandbox';
import type { RunningApp } from '../../test/http/app-harness';
import { FakeConnector } from '../../test/http/fake-connector';
import { runScenario } from '../../test/scenarios/harness';
import { GRAPH_OUTCOMES } from '../graph-outcomes';
import { startGraphCounter, type WireRequest } from '../graph-proxy';
import { pinnedClock } from '../../test/support/clock';

/** Graph traffic of one outcome, from the message to its final status. */
export interface GraphOutcomeResult {
  readonly outcome: string;
  readonly status: string;
  readonly steps: number;
  /** HTTP requests to Graph (planner look-ups, every step, retries), per run. */
  readonly requests: number;
  /** Of which `$batch` POSTs. */
  readonly batches: number;
  /** A naive client's count for the same work: one request per item read, one per write. */
  readonly naive: number;
  /** Requests in each repeat, to show the count is stable. */
  readonly perRun: readonly number[];
  /** The requests of the last repeat (`METHOD /path status`), to see where they go. */
  readonly wire: readonly string[];
}

export interface GraphRequestsResult {
  readonly outcomes: readonly GraphOutcomeResult[];
}

/**
 * Section 6: Graph requests per task. Delegate (in this process, local mode, rule planner)
 * talks to a fresh sandbox tenant through a counting proxy; each outcome in GRAPH_OUTCOMES is
 * sent as a Teams message, its plan and every checkpoint approved, and the requests between
 * the message and the task's final status are counted, `repeats` times.
 */
export async function graphRequestsSection(
  options: { graphRepeats: number },
  log: (line: string) => void,
): Promise<GraphRequestsResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-graph-'));
  // The tenant and the app share one pinned clock: the counts do not depend on the day the bench runs.
  const clock = pinnedClock();
  const sandbox = await startSandbox({ dbPath: path.join(dataDir, 'sandbox.db'), port: 0, clock: clock.now });
  const counter = await startGraphCounter(sandbox.url);
  const connector = new FakeConnector();
  await connector.start();
  const config = loadConfig({
    PORT: '0',
    SANDBOX_GRAPH_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WORKER_POLL_MS: '20',
  });
  const app = await createApp(config, { graphBaseUrl: counter.baseUrl, clock });
  const run = runningApp(app, connector, dataDir);
  try {
    const outcomes: GraphOutcomeResult[] = [];
    for (const outcome of GRAPH_OUTCOMES) {
      const runs: Array<{ status: string; steps: number; requests: WireRequest[] }> = [];
      for (let i = 0; i < options.graphRepeats; i += 1) {
        // A fresh tenant each time, so a repeat does not read what the previous one wrote.
        await sandbox.reset();
        const before = counter.requests.length;
        const { task } = await runScenario(run, outcome, { timeoutMs: 60_000 });
        runs.push({ status: task.status, steps: task.plan.steps.length, requests: counter.requests.slice(before) });
      }
      const last = runs[runs.length - 1]!;
      const result: GraphOutcomeResult = {
        outcome,
        status: last.status,
        steps: last.steps,
        requests: median(runs.map((r) => r.requests.length)),
        batches: median(runs.map((r) => r.requests.filter((w) => w.path.endsWith('/$batch')).length)),
        naive: median(runs.map((r) => r.requests.reduce((sum, w) => sum + w.naive, 0))),
        perRun: runs.map((r) => r.requests.length),
        wire: last.requests.map((w) => `${w.method} ${w.path} ${w.status}`),
      };
      log(`  ${outcome}: ${result.status}, ${result.requests} requests (naive ${result.naive})`);
      outcomes.push(result);
    }
    return { outcomes };
  } finally {
    await app.stop();
    await Promise.all([connector.stop(), counter.close()]);
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function runningApp(app: RunningApp['app'], connector: FakeConnector, dataDir: string): RunningApp {
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
    graph: () => Promise.reject(new Error('not used by the bench')),
    stop: () => app.stop(),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
