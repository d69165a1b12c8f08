import { compareAbab, type Comparison } from '../abab';
import { withServerStats, type HttpContext } from '../http-context';
import { runLoad, type JsonClient, type LoadResult, type Reply } from '../http-client';
import type { BenchOptions } from '../options';
import { Chat, OUTCOME, planApproval, repliesOf } from '../traffic';

/** Sections 1 and 2: the same messages to the echo bot and to Delegate. */
export interface FrameworkResult {
  /** `help` under concurrent load: pure framework + routing overhead. */
  readonly help: Comparison;
  /** The outcome message under concurrent load: Delegate plans it and answers with a plan card. */
  readonly outcome: Comparison;
  /** The outcome message one at a time: the latency a lone user sees, without queueing. */
  readonly outcomeSerial: Comparison;
}

interface Scenario {
  readonly text: string;
  readonly clients: number;
  readonly perClient: number;
  readonly check: (reply: Reply) => void;
}

export async function frameworkSection(
  ctx: HttpContext,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<FrameworkResult> {
  const echoChats = chats(ctx.connector.url, options.concurrency);
  const delegateChats = chats(ctx.connector.url, options.concurrency);
  const load = (client: JsonClient, list: Chat[], s: Scenario) =>
    runLoad({
      client,
      path: '/api/messages',
      clients: s.clients,
      requestsPerClient: s.perClient,
      body: (c) => list[c]?.message(s.text),
      check: s.check,
    });
  const anyReply = (reply: Reply) => void repliesOf(reply);
  const planCard = (reply: Reply) => void planApproval(reply);
  const compare = async (name: string, baseline: Scenario, delegate: Scenario): Promise<Comparison> => {
    log(`  ${name}: warm-up`);
    await load(ctx.echoClient, echoChats, { ...baseline, perClient: options.warmup });
    await load(ctx.delegateClient, delegateChats, { ...delegate, perClient: options.warmup });
    const round = (label: string, run: () => Promise<LoadResult>) => async (r: number) => {
      const result = await run();
      log(
        `  ${name}: round ${r + 1}/${options.rounds} ${label} ${result.samples.length} ok, ${result.errors} errors, ${Math.round(result.wallMs)} ms`,
      );
      return result;
    };
    return compareAbab(
      options.rounds,
      round('echo', () => withServerStats(ctx.echo, () => load(ctx.echoClient, echoChats, baseline))),
      round('delegate', () => withServerStats(ctx.delegate, () => load(ctx.delegateClient, delegateChats, delegate))),
    );
  };
  const c = options.concurrency;
  const help = await compare(
    'help',
    { text: 'help', clients: c, perClient: options.helpPerClient, check: anyReply },
    { text: 'help', clients: c, perClient: options.helpPerClient, check: anyReply },
  );
  const perClient = options.outcomePerClient;
  const outcome = await compare(
    'outcome',
    { text: OUTCOME, clients: c, perClient, check: anyReply },
    { text: OUTCOME, clients: c, perClient, check: planCard },
  );
  const serial = Math.max(1, Math.round(options.serialOutcomes / options.rounds));
  const outcomeSerial = await compare(
    'outcome (one at a time)',
    { text: OUTCOME, clients: 1, perClient: serial, check: anyReply },
    { text: OUTCOME, clients: 1, perClient: serial, check: planCard },
  );
  return { help, outcome, outcomeSerial };
}

function chats(serviceUrl: string, n: number): Chat[] {
  return Array.from({ length: n }, () => new Chat(serviceUrl));
}
