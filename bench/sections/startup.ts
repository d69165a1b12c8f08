import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/http/child-app';
import type { Verdict } from '../budgets';
import type { BenchOptions } from '../options';
import { textTable } from '../table';

const ROOT = path.resolve(__dirname, '..', '..');

/** How Delegate is started: the compiled build (`npm start`) or TypeScript through tsx (before issue 14). */
export type StartVariant = 'compiled' | 'tsx';

export interface StartupSample {
  readonly variant: StartVariant;
  /** From spawning the process to the first 200 from /healthz. */
  readonly readyMs: number;
  /** Resident memory of the process and its children (tsx runs the app in a child node) when ready. */
  readonly rssBytes: number;
  /**
   * CPU time (user + system) the process and its children had used when ready. On a machine
   * other work shares, the wall time waits for CPU too; this is the work start-up itself costs.
   */
  readonly cpuMs: number;
}

/** Section 9: start to ready, and resident memory, compiled vs tsx, alternating (issue 14). */
export interface StartupResult {
  readonly rounds: number;
  readonly samples: readonly StartupSample[];
  readonly compiled: StartupSummary;
  readonly tsx: StartupSummary;
}

export interface StartupSummary {
  readonly readyMedianMs: number;
  readonly rssMedianBytes: number;
  readonly cpuMedianMs: number;
}

const COMMANDS: Record<StartVariant, readonly string[]> = {
  compiled: [process.execPath, 'dist/index.js'],
  tsx: [path.join(ROOT, 'node_modules', '.bin', 'tsx'), 'src/index.ts'],
};

export async function startupSection(options: BenchOptions, log: (line: string) => void): Promise<StartupResult> {
  log('  npm run build (dist/ from the current sources)');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
  const rounds = options.quick ? 1 : 5;
  const samples: StartupSample[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const variant of ['compiled', 'tsx'] as const) {
      const sample = await startOnce(variant);
      log(
        `  round ${round + 1}: ${variant} ready in ${sample.readyMs.toFixed(0)} ms (${sample.cpuMs.toFixed(0)} ms of CPU), ${mb(sample.rssBytes)} resident`,
      );
      samples.push(sample);
    }
  }
  const summary = (variant: StartVariant): StartupSummary => {
    const of = samples.filter((s) => s.variant === variant);
    return {
      readyMedianMs: median(of.map((s) => s.readyMs)),
      rssMedianBytes: median(of.map((s) => s.rssBytes)),
      cpuMedianMs: median(of.map((s) => s.cpuMs)),
    };
  };
  return { rounds, samples, compiled: summary('compiled'), tsx: summary('tsx') };
}

/** One start in local mode (sandbox tenant, SQLite) with its own data directory and ports; stopped with SIGTERM. */
async function startOnce(variant: StartVariant): Promise<StartupSample> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'delegate-bench-start-'));
  const port = await freePort();
  const [command = '', ...args] = COMMANDS[variant];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      SANDBOX_GRAPH_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    const deadline = started + 60_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${variant}: Delegate exited with ${child.exitCode} before it was ready`);
      if (performance.now() > deadline) throw new Error(`${variant}: not ready within 60 s`);
      if (await healthy(port)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const readyMs = performance.now() - started;
    const tree = processTree(child.pid ?? 0);
    return { variant, readyMs, rssBytes: tree.rssBytes, cpuMs: tree.cpuMs };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Resident memory (VmRSS) and CPU time used of a process and all its descendants, from /proc (Linux). */
function processTree(pid: number): { rssBytes: number; cpuMs: number } {
  const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  let rssBytes = 0;
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() ?? 0;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      rssBytes += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone already
    }
  }
  return { rssBytes, cpuMs: (ticks / ticksPerSecond) * 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Issue 14's goal: ready in under 1.5 s compiled, and clearly less memory than through tsx. */
export function startupVerdicts(result: StartupResult | undefined): Verdict[] {
  if (!result) return [];
  const { compiled, tsx } = result;
  return [
    {
      budget: 'Start to ready (`npm start`, compiled)',
      target: '< 1.5 s, and faster than tsx',
      measured: `${(compiled.readyMedianMs / 1000).toFixed(2)} s median, ${(compiled.cpuMedianMs / 1000).toFixed(2)} s of CPU (tsx ${(tsx.readyMedianMs / 1000).toFixed(2)} s, ${(tsx.cpuMedianMs / 1000).toFixed(2)} s of CPU)`,
      pass: compiled.readyMedianMs < 1500 && compiled.readyMedianMs < tsx.readyMedianMs,
    },
    {
      budget: 'Resident memory when ready (compiled)',
      target: '≤ 0.8× tsx',
      measured: `${mb(compiled.rssMedianBytes)} (tsx ${mb(tsx.rssMedianBytes)}, ${(compiled.rssMedianBytes / tsx.rssMedianBytes).toFixed(2)}×)`,
      pass: compiled.rssMedianBytes <= 0.8 * tsx.rssMedianBytes,
    },
  ];
}

export function startupText(result: StartupResult): string {
  return [
    '',
    `Start to ready: local mode (sandbox tenant, SQLite), spawn → first 200 from /healthz, ${result.rounds} alternating round(s)`,
    textTable(
      ['variant', 'ready (median)', 'CPU to ready (median)', 'resident memory (median)'],
      (['compiled', 'tsx'] as const).map((v) => [
        v === 'compiled' ? 'node dist/index.js' : 'tsx src/index.ts',
        `${result[v].readyMedianMs.toFixed(0)} ms`,
        `${result[v].cpuMedianMs.toFixed(0)} ms`,
        mb(result[v].rssMedianBytes),
      ]),
    ),
  ].join('\n');
}
