import type { Comparison } from './abab';
import type { BenchResults } from './results';
import type { Summary } from './stats';
import { markdownTable, textTable } from './table';

const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function latencyRow(name: string, s: Summary, errors: number, throughput: number, cpu?: number, ratio?: Comparison['ratio'], cpuRatio?: number): string[] {
  const r = ratio ? `${f(ratio.p50, 2)} / ${f(ratio.p95, 2)} / ${f(ratio.p99, 2)}` : '';
  return [name, String(s.n), String(errors), f(throughput, 0), f(s.p50), f(s.p95), f(s.p99), f(s.max), cpu === undefined ? '' : f(cpu, 2), r, cpuRatio === undefined ? '' : f(cpuRatio, 2)];
}

function comparisonRows(name: string, c: Comparison): string[][] {
  return [
    latencyRow(`${name} — echo bot`, c.baseline.latency, c.baseline.errors, c.baseline.throughput, c.baseline.cpuPerRequestMs),
    latencyRow(`${name} — Delegate`, c.delegate.latency, c.delegate.errors, c.delegate.throughput, c.delegate.cpuPerRequestMs, c.ratio, c.cpuRatio),
  ];
}

/** The human-readable report for the terminal. */
export function textReport(results: BenchResults): string {
  const { meta } = results;
  const parts: string[] = [
    `Delegate benchmarks — ${meta.quick ? 'quick' : 'full'} run, ${(meta.durationMs / 1000).toFixed(0)} s, Node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}`,
    `Machine load average (1 min) at start ${f(meta.loadAverageAtStart[0] ?? NaN, 2)}, at end ${f(meta.loadAverageAtEnd[0] ?? NaN, 2)}: above ${meta.cpus}, other work shared the CPUs and absolute latencies are inflated; ratios and CPU per request are steadier.`,
  ];
  const rows: string[][] = [];
  const c = String(meta.options.concurrency ?? '');
  if (results.framework) {
    rows.push(...comparisonRows(`help, ${c} concurrent`, results.framework.help));
    rows.push(...comparisonRows(`outcome → plan card, ${c} concurrent`, results.framework.outcome));
    rows.push(...comparisonRows('outcome → plan card, one at a time', results.framework.outcomeSerial));
  }
  if (results.invokes) {
    const i = results.invokes;
    rows.push(...comparisonRows(`refresh invoke, worker idle, ${c} concurrent`, i.refreshIdle));
    rows.push(...comparisonRows(`approve invoke (fresh plans), ${c} concurrent`, i.approve));
    rows.push(...comparisonRows(`refresh invoke, worker busy, ${c} concurrent`, i.refreshBusy));
    rows.push(latencyRow(`approve invoke, paced ${i.busyWork.approvalsPerSecond}/s in the background — Delegate`, i.busyWork.approveLatency, i.busyWork.errors, i.busyWork.approvalsPerSecond));
  }
  if (rows.length) {
    parts.push('', 'HTTP latency (ms), POST /api/messages, keep-alive; baseline and Delegate alternate in rounds (ABAB)');
    parts.push(textTable(['scenario', 'n', 'errors', 'req/s', 'p50', 'p95', 'p99', 'max', 'server CPU/req', '÷ echo p50/p95/p99', '÷ echo CPU'], rows));
    if (results.invokes) {
      const b = results.invokes.busyWork;
      parts.push(
        `Worker busy: ${b.approvalsPerSecond} approvals/s sent in the background; the worker brought ${f(b.checkpointsPerSecond)} tasks/s to their checkpoint during the measured load${b.ranOutOfPlans ? ' (ran out of fresh plans before the end)' : ''}.`,
      );
    }
    if (results.framework) {
      const rr = (cmp: Comparison) => cmp.roundRatios.map((v) => f(v, 2)).join(', ');
      parts.push(`Per-round p50 ratios — help: ${rr(results.framework.help)}; outcome: ${rr(results.framework.outcome)}.`);
    }
  }
  if (results.engine?.length) {
    parts.push('', 'Engine overhead per step: Worker.drain() over K automatic no-op steps, time inside the action excluded');
    parts.push(
      textTable(
        ['store', 'K steps', 'repeats', 'per step p50 (ms)', 'per step p95 (ms)', 'plain loop per call (ms)', 'ratio'],
        results.engine.map((e) => [e.store, String(e.steps), String(e.repeats), f(e.perStepMs, 3), f(e.perStepP95Ms, 3), f(e.baselinePerCallMs, 4), `${f(e.ratio, 0)}×`]),
      ),
    );
  }
  if (results.idle) {
    const i = results.idle;
    parts.push('', `Idle tasks: ${i.tasks} tasks parked at their checkpoint through engine + worker (SQLite), forced GC before and after`);
    parts.push(
      textTable(
        ['heap before', 'heap after', 'per waiting task', 'if held in memory (control)', 'in the store (on disk)', 'RSS delta', 'waiting', 'parked in'],
        [[kb(i.heapBefore), kb(i.heapAfter), `${f(i.bytesPerTask, 0)} B`, `${f(i.retainedBytesPerTask, 0)} B`, `${f(i.storeBytesPerTask, 0)} B`, kb(i.rssDelta), String(i.waitingAtCheckpoint), `${f(i.parkMs / 1000)} s`]],
      ),
    );
  }
  parts.push('', 'Budgets (DESIGN §5)');
  parts.push(textTable(['budget', 'target', 'measured', 'result'], results.budgets.map((v) => [v.budget, v.target, v.measured, v.pass ? 'PASS' : 'FAIL'])));
  return parts.join('\n');
}

/** A short table to paste in the README. */
export function markdownReport(results: BenchResults): string {
  const { meta } = results;
  const header = `Measured by \`npm run bench\` (${meta.quick ? 'quick' : 'full'} run) on ${meta.cpus} × ${meta.cpuModel}, Node ${meta.node}, ${meta.date.slice(0, 10)}.`;
  return [header, '', markdownTable(['Budget', 'Target', 'Measured', ''], results.budgets.map((v) => [v.budget, v.target, v.measured, v.pass ? '✅' : '❌']))].join('\n');
}
