import type { Comparison, Side } from './abab';
import type { BusyWork } from './busy';
import type { BenchResults } from './results';
import type { Summary } from './stats';
import { planningMarkdown, planningText } from './planning-report';
import { startupText } from './sections/startup';
import { markdownTable, textTable } from './table';

const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function latencyRow(name: string, side: Omit<Side, 'latency'> & { latency: Summary }, cmp?: Comparison): string[] {
  const s = side.latency;
  const r = cmp ? `${f(cmp.ratio.p50, 2)} / ${f(cmp.ratio.p95, 2)} / ${f(cmp.ratio.p99, 2)}` : '';
  const loop = side.loopDelay ? `${f(side.loopDelay.p99)} / ${f(side.loopDelay.max)}` : '';
  const cpu = side.cpuPerRequestMs === undefined ? '' : f(side.cpuPerRequestMs, 2);
  return [
    name,
    String(s.n),
    String(side.errors),
    f(side.throughput, 0),
    f(s.p50),
    f(s.p95),
    f(s.p99),
    f(s.max),
    cpu,
    loop,
    r,
    cmp?.cpuRatio === undefined ? '' : f(cmp.cpuRatio, 2),
  ];
}

function comparisonRows(name: string, c: Comparison): string[][] {
  return [latencyRow(`${name} — echo`, c.baseline), latencyRow(`${name} — Delegate`, c.delegate, c)];
}

function backgroundRow(name: string, b: BusyWork): string[] {
  return latencyRow(name, { latency: b.approveLatency, errors: b.errors, throughput: b.approvalsPerSecond });
}

function busyNote(name: string, b: BusyWork): string {
  const out = b.ranOutOfPlans ? ' It ran out of fresh plans before the end of a round.' : '';
  return `${name}: ${b.approvalsPerSecond} approvals/s sent in the background; the worker brought ${f(b.checkpointsPerSecond)} tasks/s to their checkpoint (mail search through the sandbox, summary, cards) while the foreground was measured.${out}`;
}

/** The human-readable report for the terminal. */
export function textReport(results: BenchResults): string {
  const { meta } = results;
  const parts: string[] = [
    `Delegate benchmarks — ${meta.quick ? 'quick' : 'full'} run, ${(meta.durationMs / 1000).toFixed(0)} s, Node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}`,
    `Machine load average (1 min): ${f(meta.loadAverageAtStart[0] ?? NaN, 2)} at start, ${f(meta.loadAverageAtEnd[0] ?? NaN, 2)} at end.`,
  ];
  if (Math.max(meta.loadAverageAtStart[0] ?? 0, meta.loadAverageAtEnd[0] ?? 0) > meta.cpus) {
    parts.push(
      `That is more than ${meta.cpus} CPUs: other work shared them, so absolute latencies (p99 most) are inflated; ratios and CPU per request are steadier.`,
    );
  }
  const rows: string[][] = [];
  const c = String(meta.options.concurrency ?? '');
  if (results.framework) {
    rows.push(...comparisonRows(`help ×${c}`, results.framework.help));
    rows.push(...comparisonRows(`outcome → plan card ×${c}`, results.framework.outcome));
    rows.push(...comparisonRows('outcome → plan card ×1', results.framework.outcomeSerial));
  }
  if (results.invokes) {
    const i = results.invokes;
    rows.push(...comparisonRows(`refresh ×${c}, worker idle`, i.refreshIdle));
    rows.push(...comparisonRows(`approve fresh plan ×${c}`, i.approve));
    rows.push(...comparisonRows(`refresh ×${c}, worker busy`, i.refreshBusy));
    rows.push(backgroundRow('  background approvals (paced) — Delegate', i.refreshBusyWork));
    rows.push(...comparisonRows('refresh ×1 (clicks), worker busy', i.clickBusy));
    rows.push(backgroundRow('  background approvals (paced) — Delegate', i.clickBusyWork));
  }
  if (rows.length) {
    parts.push(
      '',
      `HTTP latency (ms) of POST /api/messages over keep-alive; ×N = N concurrent callers; echo and Delegate alternate in rounds (ABAB)`,
    );
    parts.push(
      textTable(
        [
          'scenario',
          'n',
          'errors',
          'req/s',
          'p50',
          'p95',
          'p99',
          'max',
          'CPU/req',
          'loop delay p99/max',
          '÷ echo p50/p95/p99',
          '÷ echo CPU',
        ],
        rows,
      ),
    );
    parts.push(
      "CPU/req: server process CPU ms per request. Loop delay: the server's event-loop delay (ms) during the run.",
    );
    if (results.framework) {
      const rr = (cmp: Comparison) => cmp.roundRatios.map((v) => f(v, 2)).join(', ');
      parts.push(
        `Per-round p50 ratios — help: ${rr(results.framework.help)}; outcome: ${rr(results.framework.outcome)}.`,
      );
    }
    if (results.invokes) {
      parts.push(busyNote(`Worker busy, refresh ×${c}`, results.invokes.refreshBusyWork));
      parts.push(busyNote('Worker busy, clicks', results.invokes.clickBusyWork));
    }
  }
  if (results.engine?.length) {
    parts.push(
      '',
      'Engine overhead per step: Worker.drain() over K automatic no-op steps, time inside the action excluded',
    );
    parts.push(
      textTable(
        ['store', 'K steps', 'repeats', 'per step p50 (ms)', 'per step p95 (ms)', 'plain loop per call (ms)', 'ratio'],
        results.engine.map((e) => [
          e.store,
          String(e.steps),
          String(e.repeats),
          f(e.perStepMs, 3),
          f(e.perStepP95Ms, 3),
          f(e.baselinePerCallMs, 4),
          `${f(e.ratio, 0)}×`,
        ]),
      ),
    );
  }
  if (results.idle) {
    const i = results.idle;
    parts.push(
      '',
      `Idle tasks: ${i.tasks} tasks parked at their checkpoint through engine + worker (SQLite), forced GC before and after`,
    );
    parts.push(
      textTable(
        [
          'heap before',
          'heap after',
          'per waiting task',
          'if held in memory (control)',
          'in the store (on disk)',
          'RSS delta',
          'waiting',
          'parked in',
        ],
        [
          [
            kb(i.heapBefore),
            kb(i.heapAfter),
            `${f(i.bytesPerTask, 0)} B`,
            `${f(i.retainedBytesPerTask, 0)} B`,
            `${f(i.storeBytesPerTask, 0)} B`,
            kb(i.rssDelta),
            String(i.waitingAtCheckpoint),
            `${f(i.parkMs / 1000)} s`,
          ],
        ],
      ),
    );
  }
  if (results.graph) {
    parts.push(
      '',
      'Graph requests per task: outcome sent as a Teams message, plan and checkpoints approved, counted on the wire until the task is final',
    );
    parts.push(
      textTable(
        ['outcome', 'status', 'steps', 'requests', '$batch', 'naive', 'naive ÷ requests', 'per run'],
        results.graph.outcomes.map((o) => [
          o.outcome,
          o.status,
          String(o.steps),
          String(o.requests),
          String(o.batches),
          String(o.naive),
          `${f(o.naive / Math.max(1, o.requests))}×`,
          o.perRun.join(', '),
        ]),
      ),
    );
    parts.push(
      'naive: one request per item read and one per write (no $batch, no $select/$top, no paging bounds). Planner look-ups are included.',
    );
  }
  if (results.planning) parts.push(planningText(results.planning));
  if (results.startup) parts.push(startupText(results.startup));
  parts.push('', 'Budgets (DESIGN §5)');
  parts.push(
    textTable(
      ['budget', 'target', 'measured', 'result'],
      results.budgets.map((v) => [v.budget, v.target, v.measured, v.pass ? 'PASS' : 'FAIL']),
    ),
  );
  return parts.join('\n');
}

/** A short table to paste in the README. */
export function markdownReport(results: BenchResults): string {
  const { meta } = results;
  const header = `Measured by \`npm run bench\` (${meta.quick ? 'quick' : 'full'} run) on ${meta.cpus} × ${meta.cpuModel}, Node ${meta.node}, ${meta.date.slice(0, 10)}.`;
  const lines = [
    header,
    '',
    markdownTable(
      ['Budget', 'Target', 'Measured', ''],
      results.budgets.map((v) => [v.budget, v.target, v.measured, v.pass ? '✅' : '❌']),
    ),
  ];
  if (results.graph) lines.push('', graphRequestsLine(results.graph));
  if (results.planning) lines.push('', ...planningMarkdown(results.planning));
  return lines.join('\n');
}

/** The README's "Graph requests per task" row: total and per outcome, against the naive count. */
export function graphRequestsLine(graph: NonNullable<BenchResults['graph']>): string {
  const requests = graph.outcomes.reduce((sum, o) => sum + o.requests, 0);
  const naive = graph.outcomes.reduce((sum, o) => sum + o.naive, 0);
  const each = graph.outcomes.map((o) => `${o.requests} (naive ${o.naive})`).join(', ');
  return `| Graph requests per task, ${graph.outcomes.length} rule-planner outcomes end to end against the sandbox | ${each} | ${requests} requests vs ${naive} naive: ${f(naive / Math.max(1, requests))}× fewer |`;
}
