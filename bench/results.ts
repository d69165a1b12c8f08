import type { PromptSizeResult } from './sections/prompt-size';
import type { Verdict } from './budgets';
import type { FrameworkResult } from './sections/framework';
import type { InvokesResult } from './sections/invokes';
import type { StepOverhead } from './sections/engine-steps';
import type { IdleResult } from './sections/idle-tasks';
import type { GraphRequestsResult } from './sections/graph-requests';
import type { PlanningResult } from './sections/planning';
import type { StoreGrowthResult } from './sections/store-growth';
import type { InstancesResult } from './sections/instances';
import type { StartupResult } from './sections/startup';

export interface HttpResults {
  readonly framework?: FrameworkResult;
  readonly invokes?: InvokesResult;
}
export type EngineResults = readonly StepOverhead[] | undefined;
export type IdleResults = IdleResult | undefined;

/** Everything `bench/results.json` holds. */
export interface BenchResults {
  readonly meta: {
    readonly date: string;
    readonly node: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly loadAverageAtStart: readonly number[];
    readonly loadAverageAtEnd: readonly number[];
    readonly quick: boolean;
    readonly options: Record<string, unknown>;
    readonly durationMs: number;
  };
  readonly framework?: FrameworkResult;
  readonly invokes?: InvokesResult;
  readonly engine?: readonly StepOverhead[];
  /** LLM planner prompt size per planning call (`prompt` section). */
  readonly prompt?: PromptSizeResult;
  readonly idle?: IdleResult;
  /** Graph requests per task (not a DESIGN budget: a figure reported against a naive client). */
  readonly graph?: GraphRequestsResult;
  /** Planning throughput and latency at 40 senders, and the planner's own CPU (issue 15). */
  readonly planning?: PlanningResult;
  /** Store operations at 1k and 100k tasks (p99 ratio budget 1.5×), and ledger appends across instances (issue 11). */
  readonly store?: StoreGrowthResult;
  /** Tasks completed per second by 1, 2 and 3 instances on one PostgreSQL database; ledger appends from 1 and 3 processes (issue 11). */
  readonly instances?: InstancesResult;
  /** Start to ready and resident memory, compiled vs tsx (issue 14). */
  readonly startup?: StartupResult;
  readonly budgets: readonly Verdict[];
}
