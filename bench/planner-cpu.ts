import { RulePlanner } from '../src/planning';
import { CORPUS } from '../test/planning/corpus';
import { corpusDirectory, corpusRequest } from '../test/planning/corpus/run';
import { summarise, type Summary } from './stats';

/** The rule planner's own CPU per request over the phrasing corpus, directory in memory. */
export interface PlannerCpuResult {
  /** CPU time of one plan() call (ms), over every corpus request × repeats. */
  readonly perRequest: Summary;
  readonly requests: number;
  /** The most expensive requests (mean ms over the repeats). */
  readonly slowest: readonly { readonly request: string; readonly ms: number }[];
}

/**
 * process.cpuUsage around each plan() call: with an in-memory directory nothing else runs
 * while it is awaited, so the difference is the planner's own work (parsing, resolving,
 * building steps). One warm-up pass first, so JIT compilation is not counted.
 */
export async function measurePlannerCpu(repeats: number): Promise<PlannerCpuResult> {
  const planner = new RulePlanner({ directory: corpusDirectory() });
  for (const entry of CORPUS) await planner.plan(corpusRequest(entry.request));
  const samples: number[] = [];
  const byRequest = new Map<string, number>();
  for (let r = 0; r < repeats; r++) {
    for (const entry of CORPUS) {
      const request = corpusRequest(entry.request);
      const before = process.cpuUsage();
      await planner.plan(request);
      const used = process.cpuUsage(before);
      const ms = (used.user + used.system) / 1000;
      samples.push(ms);
      byRequest.set(entry.request, (byRequest.get(entry.request) ?? 0) + ms / repeats);
    }
  }
  const slowest = [...byRequest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([request, ms]) => ({ request, ms }));
  return { perRequest: summarise(samples), requests: samples.length, slowest };
}
