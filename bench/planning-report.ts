import type { Comparison } from './abab';
import type { PlanningResult } from './sections/planning';
import { textTable } from './table';

const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

function rows(name: string, c: Comparison): string[][] {
  const row = (who: string, side: Comparison['baseline'], ratio?: Comparison['ratio']) => [
    `${name} — ${who}`,
    String(side.latency.n),
    String(side.errors),
    f(side.throughput, 1),
    f(side.latency.p50),
    f(side.latency.p99),
    side.cpuPerRequestMs === undefined ? '' : f(side.cpuPerRequestMs, 2),
    side.loopDelay ? `${f(side.loopDelay.p99)} / ${f(side.loopDelay.max)}` : '',
    ratio ? `${f(ratio.p50, 1)} / ${f(ratio.p99, 1)}` : '',
  ];
  return [row('echo', c.baseline), row('Delegate', c.delegate, c.ratio)];
}

/** Section 7 for the terminal. */
export function planningText(p: PlanningResult): string {
  const cpu = p.plannerCpu.perRequest;
  return [
    '',
    `Planning under load: ${p.senders} concurrent senders, sandbox tenant in its own process (its CPU is not the bot's)`,
    textTable(
      ['scenario', 'n', 'errors', 'msg/s', 'p50', 'p99', 'CPU/msg', 'loop delay p99/max', '÷ echo p50/p99'],
      [...rows('message → plan card', p.planCard), ...rows('corpus mix → answer', p.corpusMix)],
    ),
    `Corpus mix: ${f(p.corpusMix.planCardShare * 100, 0)}% of the answers were plan cards. Sandbox tenant CPU per Delegate message: ${f(p.sandboxCpuPerMessageMs, 2)} ms.`,
    `Rule planner's own CPU per request over the corpus (${p.plannerCpu.requests} plans, directory in memory): mean ${f(cpu.mean, 2)} ms, p50 ${f(cpu.p50, 2)}, p99 ${f(cpu.p99, 2)}, max ${f(cpu.max, 2)} (budget: < 5 ms).`,
    `Most expensive: ${p.plannerCpu.slowest.map((s) => `"${s.request}" ${f(s.ms, 2)} ms`).join('; ')}.`,
  ].join('\n');
}

/** Section 7's rows for the README's bench table. */
export function planningMarkdown(p: PlanningResult): string[] {
  const d = p.planCard.delegate;
  const m = p.corpusMix.delegate;
  const cpu = p.plannerCpu.perRequest;
  return [
    `| Planning throughput and message → plan card at ${p.senders} concurrent senders, sandbox tenant in its own process | ${f(d.throughput)} msg/s, p99 ${f(d.latency.p99, 0)} ms (walkthrough outcome); corpus mix ${f(m.throughput)} msg/s, p99 ${f(m.latency.p99, 0)} ms; bot CPU ${f(d.cpuPerRequestMs ?? NaN, 1)} ms/msg | echo bot: ${f(p.planCard.baseline.throughput)} msg/s, p99 ${f(p.planCard.baseline.latency.p99, 0)} ms (${f(p.planCard.ratio.p99)}× at p99) |`,
    `| Rule planner's own CPU per request, ${p.plannerCpu.requests} plans of the phrasing corpus (< 5 ms) | mean ${f(cpu.mean, 2)} ms, p99 ${f(cpu.p99, 2)} ms, max ${f(cpu.max, 2)} ms | directory in memory; look-ups over HTTP are the sandbox's CPU |`,
  ];
}
