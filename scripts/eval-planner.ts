import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCatalogue } from '../src/actions';
import { envFiles, loadConfig, processEnv, type Env } from '../src/config';
import type { Logger, Planner } from '../src/engine/ports';
import type { GraphGateway } from '../src/graph/types';
import { llmClientFromConfig } from '../src/llm/from-config';
import { RulePlanner } from '../src/planning';
import { LlmPlanner } from '../src/planning/llm';
import { CORPUS, CORPUS_NOW, CORPUS_ZONE, type CorpusEntry } from '../test/planning/corpus';
import { corpusDirectory, runCorpus } from '../test/planning/corpus/run';
import { formatReport, summarise, type Summary } from '../test/planning/corpus/score';

/**
 * Measure a planner on the phrasing corpus (test/planning/corpus/) before turning it on:
 *
 *   npm run eval:planner -- [--planner auto|rules|llm] [--only ids-or-domains] [--concurrency N]
 *                           [--min-rate 0.9] [--json out.json] [--quiet]
 *
 * `auto` (the default) evaluates the planner the bot would use: the LLM planner when a model is
 * configured (AZURE_OPENAI_* or OPENAI_*, from the environment and env/.env.<TEAMSFX_ENV>),
 * else the rule planner. Requests are planned as Alex Wilber against the sandbox tenant's
 * directory at Wed 2 Dec 2026 10:00 Europe/London; no Graph call is made, only model calls
 * (one per request, plus a repair when an answer does not validate).
 *
 * Exit codes: 0 done (and at or above --min-rate), 1 below --min-rate, 2 usage or configuration.
 */

export interface EvalIo {
  readonly env: Env;
  /** Env files layered under the environment (the bot's: env/.env.<TEAMSFX_ENV> and its .user). */
  readonly envFiles: readonly string[];
  out(text: string): void;
  err(text: string): void;
}

const USAGE =
  'usage: eval:planner [--planner auto|rules|llm] [--only id-or-domain,...] [--concurrency N] [--min-rate R] [--json PATH] [--quiet]';

interface Options {
  readonly planner: 'auto' | 'rules' | 'llm';
  readonly only?: readonly string[];
  readonly concurrency?: number;
  readonly minRate?: number;
  readonly json?: string;
  readonly quiet: boolean;
}

function parse(argv: readonly string[]): Options | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        planner: { type: 'string', default: 'auto' },
        only: { type: 'string' },
        concurrency: { type: 'string' },
        'min-rate': { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (values.help) return '';
  const planner = values.planner;
  if (planner !== 'auto' && planner !== 'rules' && planner !== 'llm')
    return `--planner: auto, rules or llm, not ${planner}`;
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32))
    return '--concurrency: a whole number from 1 to 32';
  const minRate = values['min-rate'] === undefined ? undefined : Number(values['min-rate']);
  if (minRate !== undefined && !(minRate >= 0 && minRate <= 1)) return '--min-rate: a number from 0 to 1';
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { planner, only, concurrency, minRate, json: values.json, quiet: values.quiet };
}

/** Entries whose id or domain (`summary`, `mail-3`, …) is listed; all when none is. */
function select(only: readonly string[] | undefined): CorpusEntry[] | string {
  if (!only) return [...CORPUS];
  const chosen = CORPUS.filter((e) => only.includes(e.id) || only.includes(e.id.replace(/-\d+$/, '')));
  const unknown = only.filter((o) => !CORPUS.some((e) => e.id === o || e.id.replace(/-\d+$/, '') === o));
  return unknown.length > 0 ? `--only: no corpus entry or domain ${unknown.join(', ')}` : chosen;
}

/** Model failures go to stderr (without prompts or answers: the planner never logs them); the rest is quiet. */
function stderrLogger(err: (text: string) => void): Logger {
  const ignore = (): void => undefined;
  const logger: Logger = {
    debug: ignore,
    info: ignore,
    warn: (obj, msg) => err(`warn: ${msg ?? ''} ${JSON.stringify(obj)}\n`),
    error: (obj, msg) => err(`error: ${msg ?? ''} ${JSON.stringify(obj)}\n`),
    child: () => logger,
  };
  return logger;
}

/** Planning reads the catalogue's names and schemas; it never calls Graph. */
const noGraph = new Proxy({} as GraphGateway, {
  get() {
    throw new Error('planning must not call Graph');
  },
});

function plannerFor(options: Options, io: EvalIo): { planner: Planner; label: string } | string {
  let config;
  try {
    config = loadConfig(io.env, io.envFiles);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const directory = corpusDirectory();
  const wantLlm = options.planner === 'llm' || (options.planner === 'auto' && config.llm !== undefined);
  if (!wantLlm) return { planner: new RulePlanner({ directory }), label: 'rule planner (offline)' };
  if (!config.llm)
    return 'no model is configured: set AZURE_OPENAI_ENDPOINT/_DEPLOYMENT or OPENAI_BASE_URL/OPENAI_MODEL';
  const logger = stderrLogger(io.err);
  const llm = llmClientFromConfig(config.llm, logger);
  const catalogue = createCatalogue(noGraph, { llm });
  const where =
    config.llm.kind === 'azure'
      ? `Azure OpenAI deployment ${config.llm.deployment}`
      : `model ${config.llm.model} at ${config.llm.baseUrl}`;
  return { planner: new LlmPlanner({ llm, catalogue, directory, logger }), label: `LLM planner (${where})` };
}

export interface EvalResult {
  readonly code: number;
  readonly summary?: Summary;
}

/** Run the evaluation; `argv` excludes node and the script. */
export async function evaluate(argv: readonly string[], io: EvalIo): Promise<EvalResult> {
  const options = parse(argv);
  if (typeof options === 'string') {
    (options ? io.err : io.out)(`${options ? `${options}\n` : ''}${USAGE}\n`);
    return { code: options ? 2 : 0 };
  }
  const entries = select(options.only);
  if (typeof entries === 'string') {
    io.err(`${entries}\n`);
    return { code: 2 };
  }
  const chosen = plannerFor(options, io);
  if (typeof chosen === 'string') {
    io.err(`${chosen}\n`);
    return { code: 2 };
  }
  const concurrency = options.concurrency ?? (chosen.planner instanceof RulePlanner ? 1 : 4);
  io.out(
    `Evaluating the ${chosen.label} on ${entries.length} requests (as of ${CORPUS_NOW.toISOString()}, ${CORPUS_ZONE}), ${concurrency} at a time\n`,
  );
  let done = 0;
  const outcomes = await runCorpus(chosen.planner, entries, {
    concurrency,
    onOutcome: () => {
      done += 1;
      if (!options.quiet && done % 25 === 0) io.err(`  ${done}/${entries.length}\n`);
    },
  });
  const summary = summarise(outcomes);
  io.out(`${formatReport(summary, outcomes, { misses: !options.quiet })}\n`);
  if (options.json) {
    const misses = outcomes
      .filter((o) => !o.hit)
      .map((o) => ({ id: o.entry.id, request: o.entry.request, kind: o.miss?.kind, detail: o.miss?.detail }));
    writeFileSync(
      options.json,
      `${JSON.stringify({ planner: chosen.label, ...summary, dropping: summary.dropping.map((o) => o.entry.id), misses }, null, 2)}\n`,
    );
  }
  const below = options.minRate !== undefined && summary.overall.rate < options.minRate;
  if (below) io.err(`hit rate ${summary.overall.rate.toFixed(3)} is below --min-rate ${options.minRate}\n`);
  return { code: below ? 1 : 0, summary };
}

if (require.main === module) {
  const env = processEnv();
  evaluate(process.argv.slice(2), {
    env,
    envFiles: envFiles(process.cwd(), env.TEAMSFX_ENV ?? 'local'),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    ({ code }) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`eval:planner failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
