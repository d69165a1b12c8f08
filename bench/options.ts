import { parseCommandLine, UsageError } from '../src/cli-args';

/** What to measure and how much; `--quick` scales everything down for a smoke run. */
export interface BenchOptions {
  readonly quick: boolean;
  /** Sections to run, in order. */
  readonly sections: readonly SectionName[];
  /** Concurrent HTTP callers in the loaded scenarios. */
  readonly concurrency: number;
  /** ABAB rounds per HTTP comparison (each round runs the baseline, then Delegate). */
  readonly rounds: number;
  /** Requests per caller in the warm-up before any round. */
  readonly warmup: number;
  readonly helpPerClient: number;
  readonly outcomePerClient: number;
  /** Outcome messages sent one at a time (no queueing: the latency a lone user sees). */
  readonly serialOutcomes: number;
  /** Tasks the refresh invokes are spread over. */
  readonly refreshTasks: number;
  readonly refreshPerClient: number;
  readonly approvePerClient: number;
  /** Plans approved per second in the background during the "worker busy" phases. */
  readonly busyApprovalsPerSecond: number;
  /** Refresh clicks, one at a time, per round of the "click while the worker is busy" phase. */
  readonly busyClicks: number;
  /** Automatic steps in the longest engine benchmark plan (5, 20 and 50 always run). */
  readonly engineSteps: number;
  readonly engineRepeats: number;
  readonly idleTasks: number;
  /** Times each outcome of bench/graph-outcomes.ts is run end to end for "Graph requests per task". */
  readonly graphRepeats: number;
  /** Concurrent senders in the planning section (issue 15: 40). */
  readonly planningSenders: number;
  /** Messages per sender per round in the planning section. */
  readonly planningPerSender: number;
  /** Passes over the phrasing corpus when measuring the planner's own CPU. */
  readonly planningCpuRepeats: number;
  /** Delegate's log level under load; `info` is what operators run. */
  readonly logLevel: string;
  readonly out: string;
  /** When set, the planning section's Delegate process writes a V8 CPU profile here (`--cpu-prof`). */
  readonly cpuProfDir?: string;
}

export const SECTION_NAMES = [
  'framework',
  'invokes',
  'engine',
  'idle',
  'graph',
  'planning',
  'store',
  'instances',
  'startup',
  'prompt',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

const FULL: Omit<BenchOptions, 'quick' | 'sections' | 'logLevel' | 'out' | 'cpuProfDir'> = {
  concurrency: 8,
  rounds: 4,
  warmup: 15,
  helpPerClient: 150,
  outcomePerClient: 50,
  serialOutcomes: 200,
  refreshTasks: 200,
  refreshPerClient: 60,
  approvePerClient: 12,
  busyApprovalsPerSecond: 40,
  busyClicks: 400,
  engineSteps: 200,
  engineRepeats: 40,
  idleTasks: 10_000,
  graphRepeats: 3,
  planningSenders: 40,
  planningPerSender: 10,
  planningCpuRepeats: 5,
};

const QUICK: typeof FULL = {
  concurrency: 8,
  rounds: 2,
  warmup: 5,
  helpPerClient: 40,
  outcomePerClient: 6,
  serialOutcomes: 15,
  refreshTasks: 40,
  refreshPerClient: 25,
  approvePerClient: 6,
  busyApprovalsPerSecond: 40,
  busyClicks: 100,
  engineSteps: 50,
  engineRepeats: 10,
  idleTasks: 2_000,
  graphRepeats: 1,
  planningSenders: 40,
  planningPerSender: 3,
  planningCpuRepeats: 2,
};

const NUMERIC = Object.keys(FULL) as (keyof typeof FULL)[];

export const USAGE = `usage: npm run bench -- [--quick] [--only=${SECTION_NAMES.join(',')}] [--out=path] [--log-level=info] [--cpu-prof=DIR] [--<count>=N …]
counts: ${NUMERIC.map((k) => `--${kebab(k)}`).join(' ')}`;

/**
 * `--quick`, `--only=framework,invokes,engine,idle,graph,planning`, `--out=path`, `--log-level=info`,
 * `--cpu-prof=DIR` (profile the planning section's Delegate process), and any
 * count by its kebab-case name, e.g. `--rounds=6 --idle-tasks=20000`. Anything else is a `UsageError`.
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const countOptions = Object.fromEntries(NUMERIC.map((k) => [kebab(k), { type: 'string' as const }]));
  const { values } = parseCommandLine(
    argv,
    {
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string' },
        out: { type: 'string' },
        'log-level': { type: 'string' },
        'cpu-prof': { type: 'string' },
        ...countOptions,
      },
    },
    USAGE,
  );
  const given = values as Record<string, string | boolean | undefined>;
  const quick = given.quick === true;
  const counts: Record<string, number> = { ...(quick ? QUICK : FULL) };
  for (const key of NUMERIC) {
    const value = given[kebab(key)];
    if (typeof value !== 'string') continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${kebab(key)} must be a whole number ≥ 1`, USAGE);
    counts[key] = n;
  }
  const only = given.only;
  const sections = typeof only === 'string' ? only.split(',').map((s) => asSection(s.trim())) : [...SECTION_NAMES];
  const out = typeof given.out === 'string' ? given.out : 'bench/results.json';
  const logLevel = typeof given['log-level'] === 'string' ? given['log-level'] : 'info';
  const cpuProfDir = typeof given['cpu-prof'] === 'string' ? given['cpu-prof'] : undefined;
  return { ...(counts as typeof FULL), quick, sections, out, logLevel, ...(cpuProfDir ? { cpuProfDir } : {}) };
}

function asSection(name: string): SectionName {
  const found = SECTION_NAMES.find((s) => s === name);
  if (!found) throw new UsageError(`unknown section "${name}"; expected ${SECTION_NAMES.join(', ')}`, USAGE);
  return found;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
