import type { LoadResult } from './http-client';
import { median, summarise, type Summary } from './stats';

/** One side of a comparison, pooled over its rounds. */
export interface Side {
  readonly latency: Summary;
  readonly errors: number;
  readonly firstError?: string;
  /** Completed requests per second, over the loaded time only. */
  readonly throughput: number;
  /** Server CPU time per request (ms), when it was measured in every round. */
  readonly cpuPerRequestMs?: number;
  /** Worst event-loop delay of the server over the rounds (p99 and max, ms), when measured. */
  readonly loopDelay?: { readonly p99: number; readonly max: number };
}

/** Delegate against its baseline, measured in alternating rounds. */
export interface Comparison {
  readonly baseline: Side;
  readonly delegate: Side;
  /** Delegate ÷ baseline at each percentile of the pooled samples. */
  readonly ratio: { readonly p50: number; readonly p95: number; readonly p99: number };
  /** Delegate ÷ baseline median of each round: how stable the ratio is across rounds. */
  readonly roundRatios: readonly number[];
  /** Median of the round ratios, robust to one noisy round. */
  readonly medianRoundRatio: number;
  /** Delegate ÷ baseline server CPU per request, when measured. */
  readonly cpuRatio?: number;
}

/**
 * Run the baseline and Delegate in alternating rounds (A B A B …), so that slow drifts of a
 * shared machine (other tenants, thermal, GC of earlier phases) fall on both sides alike.
 */
export async function compareAbab(
  rounds: number,
  runBaseline: (round: number) => Promise<LoadResult>,
  runDelegate: (round: number) => Promise<LoadResult>,
): Promise<Comparison> {
  const a: LoadResult[] = [];
  const b: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    a.push(await runBaseline(round));
    b.push(await runDelegate(round));
  }
  const baseline = side(a);
  const delegate = side(b);
  const roundRatios = a.map((ra, i) => summarise(b[i]?.samples ?? []).p50 / summarise(ra.samples).p50);
  return {
    baseline,
    delegate,
    ratio: {
      p50: delegate.latency.p50 / baseline.latency.p50,
      p95: delegate.latency.p95 / baseline.latency.p95,
      p99: delegate.latency.p99 / baseline.latency.p99,
    },
    roundRatios,
    medianRoundRatio: median(roundRatios),
    cpuRatio:
      delegate.cpuPerRequestMs !== undefined && baseline.cpuPerRequestMs !== undefined
        ? delegate.cpuPerRequestMs / baseline.cpuPerRequestMs
        : undefined,
  };
}

/** Pool the rounds of one side. */
export function side(results: readonly LoadResult[]): Side {
  const samples = results.flatMap((r) => r.samples);
  const wallMs = results.reduce((sum, r) => sum + r.wallMs, 0);
  const cpuMeasured = results.every((r) => r.serverCpuMs !== undefined);
  return {
    latency: summarise(samples),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    firstError: results.find((r) => r.firstError)?.firstError,
    throughput: wallMs > 0 ? (samples.length * 1000) / wallMs : 0,
    cpuPerRequestMs:
      cpuMeasured && samples.length > 0
        ? results.reduce((sum, r) => sum + (r.serverCpuMs ?? 0), 0) / samples.length
        : undefined,
    loopDelay: results.every((r) => r.loopDelay)
      ? {
          p99: Math.max(...results.map((r) => r.loopDelay?.p99 ?? 0)),
          max: Math.max(...results.map((r) => r.loopDelay?.max ?? 0)),
        }
      : undefined,
  };
}
