import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError, usageText, USAGE_EXIT_CODE } from '../src/cli-args';
import { verdicts } from './budgets';
import { startHttpContext } from './http-context';
import { parseOptions, type BenchOptions } from './options';
import { markdownReport, textReport } from './report';
import type { BenchResults } from './results';
import { engineSection, type StepOverhead } from './sections/engine-steps';
import { frameworkSection, type FrameworkResult } from './sections/framework';
import { graphRequestsSection, type GraphRequestsResult } from './sections/graph-requests';
import { idleSection, type IdleResult } from './sections/idle-tasks';
import { instancesSection, type InstancesResult } from './sections/instances';
import { invokesSection, type InvokesResult } from './sections/invokes';
import { planningSection, type PlanningResult } from './sections/planning';
import { promptSizeSection, type PromptSizeResult } from './sections/prompt-size';
import { storeGrowthSection, type StoreGrowthResult } from './sections/store-growth';
import { startupSection, startupVerdicts, type StartupResult } from './sections/startup';

/**
 * `npm run bench` (`--quick` for a smoke run): Delegate's budgets (DESIGN §5), each measured
 * against a baseline in the same run. A report, not a test: it exits 0 whatever the verdicts,
 * and non-zero only when something crashes.
 *
 * 1. HTTP sections (framework overhead, message → plan card, invokes): an echo bot and Delegate,
 *    each in its own process, driven in alternating rounds by keep-alive callers in this one.
 * 2. Engine overhead per step, in this process with in-memory fakes.
 * 3. Idle tasks, in a child process with --expose-gc.
 * 4. Graph requests per task: rule-planner outcomes end to end against a sandbox tenant behind
 *    a counting proxy, against a naive client's count.
 * 5. Planning under load: 40 senders, Delegate and the sandbox tenant in separate processes,
 *    against the echo bot; and the rule planner's own CPU per request over the phrasing corpus.
 * 6. Start to ready and resident memory: the compiled build against tsx, alternating.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const started = Date.now();
  const loadAverageAtStart = os.loadavg();
  let framework: FrameworkResult | undefined;
  let invokes: InvokesResult | undefined;
  let engine: StepOverhead[] | undefined;
  let idle: IdleResult | undefined;
  let graph: GraphRequestsResult | undefined;
  let planning: PlanningResult | undefined;
  let store: StoreGrowthResult | undefined;
  let instances: InstancesResult | undefined;
  let startup: StartupResult | undefined;
  let prompt: PromptSizeResult | undefined;

  const wantsHttp = options.sections.includes('framework') || options.sections.includes('invokes');
  if (wantsHttp) {
    log('Starting the echo bot and Delegate (local mode, sandbox tenant, SQLite) in their own processes…');
    const ctx = await startHttpContext(options);
    try {
      if (options.sections.includes('framework')) {
        log('1–2. Framework overhead and message → plan card');
        framework = await frameworkSection(ctx, options, log);
      }
      if (options.sections.includes('invokes')) {
        log('3. Invokes');
        invokes = await invokesSection(ctx, options, log);
      }
    } finally {
      await ctx.stop();
    }
  }
  if (options.sections.includes('engine')) {
    log('4. Engine overhead per step');
    engine = await engineSection(options, log);
  }
  if (options.sections.includes('idle')) {
    log('5. Idle tasks');
    idle = await idleSection(options, log);
  }
  if (options.sections.includes('graph')) {
    log('6. Graph requests per task');
    graph = await graphRequestsSection(options, log);
  }
  if (options.sections.includes('planning')) {
    log('7. Planning under load (sandbox tenant in its own process)');
    planning = await planningSection(options, log);
  }
  if (options.sections.includes('store')) {
    log('8. Store growth (SQLite and PostgreSQL) and ledger appends across instances');
    store = await storeGrowthSection(options, log);
  }
  if (options.sections.includes('instances')) {
    log(
      '8b. Tasks completed per second by 1, 2 and 3 instances on one PostgreSQL database; ledger appends from 3 processes',
    );
    instances = await instancesSection(options, log);
  }
  if (options.sections.includes('startup')) {
    log('9. Start to ready and resident memory: compiled (npm start) vs tsx');
    startup = await startupSection(options, log);
  }

  if (options.sections.includes('prompt')) {
    log('9. LLM planner prompt size (tokens per planning call, full catalogue)');
    prompt = await promptSizeSection(log);
  }

  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg(),
      quick: options.quick,
      options: optionsForRecord(options),
      durationMs: Date.now() - started,
    },
    framework,
    invokes,
    engine,
    idle,
    graph,
    planning,
    store,
    instances,
    startup,
    prompt,
    budgets: [...verdicts({ framework, invokes }, engine, idle, options.concurrency), ...startupVerdicts(startup)],
  };
  writeFileSync(path.resolve(options.out), `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log(textReport(results));
  log('');
  log('Markdown for the README:');
  log('');
  log(markdownReport(results));
  log('');
  log(`Results written to ${options.out}`);
}

function optionsForRecord(options: BenchOptions): Record<string, unknown> {
  const { out: _out, ...rest } = options;
  return rest;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(usageText(error));
    process.exit(USAGE_EXIT_CODE);
  }
  console.error(error);
  process.exit(1);
});
