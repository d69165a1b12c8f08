import { compareAbab, type Comparison } from '../abab';
import { CountingConnector } from '../connector';
import { withServerStats } from '../http-context';
import { JsonClient, runLoad, type LoadResult, type Reply } from '../http-client';
import { measurePlannerCpu, type PlannerCpuResult } from '../planner-cpu';
import { ServerProcess } from '../servers/child';
import { Chat, OUTCOME, planApproval, repliesOf } from '../traffic';
import { CORPUS } from '../../test/planning/corpus';

/** Section 7: planning under load, with the sandbox tenant in its own process. */
export interface PlanningResult {
  readonly senders: number;
  /** The walkthrough's outcome (search → summarise → send to Megan) from every sender: message → plan card. */
  readonly planCard: Comparison;
  /** The phrasing corpus's requests in turn from every sender: message → first answer (plan card, question or refusal). */
  readonly corpusMix: Comparison & { readonly planCardShare: number };
  /** The sandbox tenant's CPU per Delegate message (ms): Graph work the bot no longer pays for in its own process. */
  readonly sandboxCpuPerMessageMs: number;
  /** The rule planner's own CPU per request over the corpus, in this process. */
  readonly plannerCpu: PlannerCpuResult;
}

export interface PlanningOptions {
  readonly planningSenders: number;
  readonly planningPerSender: number;
  readonly rounds: number;
  readonly warmup: number;
  readonly planningCpuRepeats: number;
  readonly logLevel: string;
  readonly cpuProfDir?: string;
}

/**
 * Delegate (rule planner) talks to a sandbox tenant in a third process over HTTP, so the
 * bot's CPU and latency are its own; the echo bot answers the same messages in alternating
 * rounds. 40 senders each send their next message as soon as the last one is answered.
 */
export async function planningSection(options: PlanningOptions, log: (line: string) => void): Promise<PlanningResult> {
  log('  planner CPU per request over the corpus (in this process)');
  const plannerCpu = await measurePlannerCpu(options.planningCpuRepeats);
  const connector = new CountingConnector();
  await connector.start();
  const sandbox = await ServerProcess.start(['sandbox']);
  const echo = await ServerProcess.start(['echo']);
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const delegate = await ServerProcess.start(['delegate', options.logLevel, sandbox.url], 60_000, profile);
  const senders = options.planningSenders;
  const echoClient = new JsonClient(echo.url, senders);
  const delegateClient = new JsonClient(delegate.url, senders);
  try {
    const chats = (n: number) => Array.from({ length: n }, () => new Chat(connector.url));
    const echoChats = chats(senders);
    const delegateChats = chats(senders);
    const texts = CORPUS.filter((e) => !e.asks).map((e) => e.request);
    let planCards = 0;
    let answers = 0;
    const countPlanCard = (reply: Reply) => {
      repliesOf(reply);
      answers++;
      try {
        planApproval(reply);
        planCards++;
      } catch {
        // a question or a refusal: an answer all the same
      }
    };
    const load = (
      client: JsonClient,
      list: Chat[],
      text: (c: number, i: number) => string,
      perSender: number,
      check: (r: Reply) => void,
    ) =>
      runLoad({
        client,
        path: '/api/messages',
        clients: senders,
        requestsPerClient: perSender,
        body: (c, i) => list[c]?.message(text(c, i)),
        check,
      });
    const compare = async (name: string, text: (c: number, i: number) => string, check: (r: Reply) => void) => {
      log(`  ${name}: warm-up`);
      await load(echoClient, echoChats, text, options.warmup, (r) => void repliesOf(r));
      await load(delegateClient, delegateChats, text, options.warmup, check);
      const round = (label: string, run: () => Promise<LoadResult>) => async (r: number) => {
        const result = await run();
        log(
          `  ${name}: round ${r + 1}/${options.rounds} ${label} ${result.samples.length} ok, ${result.errors} errors, ${Math.round(result.wallMs)} ms`,
        );
        return result;
      };
      return compareAbab(
        options.rounds,
        round('echo', () =>
          withServerStats(echo, () =>
            load(echoClient, echoChats, text, options.planningPerSender, (r) => void repliesOf(r)),
          ),
        ),
        round('delegate', () =>
          withServerStats(delegate, () => load(delegateClient, delegateChats, text, options.planningPerSender, check)),
        ),
      );
    };
    const sandboxBefore = await sandbox.ask('cpu');
    const planCard = await compare(
      `message → plan card, ${senders} senders`,
      () => OUTCOME,
      (r) => void planApproval(r),
    );
    const mix = (c: number, i: number) => texts[(c * 7 + i) % texts.length] ?? OUTCOME;
    answers = 0;
    planCards = 0;
    const corpusMix = await compare(`corpus mix, ${senders} senders`, mix, countPlanCard);
    const sandboxMs = (await sandbox.ask('cpu')) - sandboxBefore;
    const delegateMessages = (1 + 1) * senders * (options.warmup + options.rounds * options.planningPerSender);
    return {
      senders,
      planCard,
      corpusMix: { ...corpusMix, planCardShare: answers > 0 ? planCards / answers : 0 },
      sandboxCpuPerMessageMs: sandboxMs / delegateMessages,
      plannerCpu,
    };
  } finally {
    echoClient.close();
    delegateClient.close();
    await Promise.all([echo.stop(), delegate.stop()]);
    await sandbox.stop();
    await connector.stop();
  }
}
