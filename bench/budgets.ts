import type { Comparison } from './abab';
import type { EngineResults, HttpResults, IdleResults } from './results';
import type { StepOverhead } from './sections/engine-steps';

/** One budget of DESIGN §5 against what was measured. */
export interface Verdict {
  readonly budget: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const x = (v: number) => `${v.toFixed(2)}×`;

/** Budget verdicts for whatever sections ran. */
export function verdicts(http: HttpResults, engine: EngineResults, idle: IdleResults, concurrency: number): Verdict[] {
  const out: Verdict[] = [];
  const n = `×${concurrency}`;
  if (http.framework) {
    const { help, outcome, outcomeSerial } = http.framework;
    // p50 and p95: on a shared machine the last percent is mostly the OS scheduler, which the
    // CPU-per-request ratio (printed alongside) does not see.
    out.push({
      budget: `Framework overhead (\`help\` ${n})`,
      target: '≤ 1.5× echo bot at p50 and p95',
      measured: `${x(help.ratio.p50)} p50, ${x(help.ratio.p95)} p95, ${x(help.ratio.p99)} p99${help.cpuRatio === undefined ? '' : `; server CPU ${x(help.cpuRatio)}`}`,
      pass: help.ratio.p50 <= 1.5 && help.ratio.p95 <= 1.5 && help.delegate.errors === 0,
    });
    out.push(p99Budget(`Message → plan card ${n}`, outcome, 150));
    out.push(p99Budget('Message → plan card ×1', outcomeSerial, 150));
  }
  if (http.invokes) {
    const { refreshIdle, approve, refreshBusy, clickBusy, clickBusyWork } = http.invokes;
    out.push(p99Budget(`Invoke: refresh ${n}, worker idle`, refreshIdle, 100));
    out.push(p99Budget(`Invoke: approve fresh plan ${n}`, approve, 100));
    out.push(p99Budget(`Invoke: refresh ${n}, worker busy`, refreshBusy, 100));
    out.push(p99Budget('Invoke: refresh ×1 (a click), worker busy', clickBusy, 100));
    const bg = clickBusyWork.approveLatency;
    out.push({
      budget: `Invoke: approve, paced ${clickBusyWork.approvalsPerSecond}/s, worker busy`,
      target: 'p99 < 100 ms',
      measured: ms(bg.p99),
      pass: bg.p99 < 100 && clickBusyWork.errors === 0,
    });
  }
  const memoryRows = (engine ?? []).filter((row) => row.store === 'memory');
  const longest = memoryRows.reduce<StepOverhead | undefined>((a, b) => (a && a.steps >= b.steps ? a : b), undefined);
  for (const row of memoryRows) {
    // Issue 11: at the longest plan the configuration allows (200 steps), at most 0.5 ms per step.
    const limit = row === longest && row.steps >= 200 ? 0.5 : 2;
    out.push({
      budget: `Engine overhead per step (${row.steps} steps, memory store)`,
      target: `< ${limit} ms`,
      measured: `${row.perStepMs.toFixed(3)} ms`,
      pass: row.perStepMs < limit,
    });
  }
  const shortest = memoryRows.reduce<StepOverhead | undefined>((a, b) => (a && a.steps <= b.steps ? a : b), undefined);
  if (shortest && longest && longest.steps > shortest.steps) {
    // Flat in plan length: a step of the longest plan costs about what a step of the shortest does.
    const ratio = longest.perStepMs / shortest.perStepMs;
    out.push({
      budget: `Engine overhead per step, ${longest.steps} vs ${shortest.steps} steps (memory store)`,
      target: '≤ 1.5×',
      measured: `×${ratio.toFixed(2)}`,
      pass: ratio <= 1.5,
    });
  }
  if (idle) {
    // "Flat" means well under what holding the tasks would cost: a tenth of a retained task.
    out.push({
      budget: `Idle tasks (${idle.tasks.toLocaleString('en-US')} at checkpoints)`,
      target: `heap ~flat (< ${Math.round(idle.retainedBytesPerTask / 10)} B/task)`,
      measured: `${Math.round(idle.bytesPerTask)} B/task`,
      pass: idle.waitingAtCheckpoint === idle.tasks && idle.bytesPerTask < idle.retainedBytesPerTask / 10,
    });
  }
  return out;
}

function p99Budget(budget: string, c: Comparison, limitMs: number): Verdict {
  return {
    budget,
    target: `p99 < ${limitMs} ms`,
    measured: `${ms(c.delegate.latency.p99)} (${x(c.ratio.p99)} echo)`,
    pass: c.delegate.latency.p99 < limitMs && c.delegate.errors === 0,
  };
}
