import { compareAbab, type Comparison } from '../abab';
import { BackgroundApprover } from '../background';
import { waitForIdleWorker, withServerCpu, type HttpContext } from '../http-context';
import { runLoad, type LoadResult } from '../http-client';
import type { BenchOptions } from '../options';
import { createPlans } from '../plans';
import { summarise, type Summary } from '../stats';
import { Chat, expectCardAnswer, expectEchoCard, type CardTarget } from '../traffic';

/** What kept the worker busy during the busy phase. */
export interface BusyWork {
  /** Approvals sent in the background, per second, while refreshes were measured. */
  readonly approvalsPerSecond: number;
  /** Tasks the worker brought to their checkpoint during the measured load, per second. */
  readonly checkpointsPerSecond: number;
  /** Latency of the paced background approvals themselves. */
  readonly approveLatency: Summary;
  readonly errors: number;
  readonly ranOutOfPlans: boolean;
}

/** Section 3: card button invokes against an echo bot's invoke handler. */
export interface InvokesResult {
  /** Refresh on many existing tasks (half at a checkpoint), worker idle. */
  readonly refreshIdle: Comparison;
  /** Approve on fresh plans; every approval starts background work, so the worker is busy. */
  readonly approve: Comparison;
  /** Refresh while a steady stream of approved tasks runs in the background. */
  readonly refreshBusy: Comparison;
  readonly busyWork: BusyWork;
}

export async function invokesSection(ctx: HttpContext, options: BenchOptions, log: (line: string) => void): Promise<InvokesResult> {
  const c = options.concurrency;
  const chats = Array.from({ length: c }, () => new Chat(ctx.connector.url));
  const echoChats = Array.from({ length: c }, () => new Chat(ctx.connector.url));

  log(`  creating ${options.refreshTasks} tasks, approving half of them (they stop at their checkpoint)`);
  const existing = await createPlans(ctx, chats, options.refreshTasks);
  await approveAll(ctx, chats, existing.slice(0, Math.floor(existing.length / 2)));
  await waitForIdleWorker(ctx);

  const echoLoad = (perClient: number) =>
    runLoad({ client: ctx.echoClient, path: '/api/messages', clients: c, requestsPerClient: perClient, body: (k) => echoChats[k]?.invoke('refresh', { taskId: 'T', planVersion: 1 }), check: expectEchoCard });
  let refreshCursor = 0;
  const refreshLoad = (perClient: number) =>
    runLoad({
      client: ctx.delegateClient,
      path: '/api/messages',
      clients: c,
      requestsPerClient: perClient,
      body: (k) => chats[k]?.invoke('refresh', existing[refreshCursor++ % existing.length] as CardTarget),
      check: (reply) => expectCardAnswer(reply),
    });
  const logged = (name: string, label: string, run: () => Promise<LoadResult>) => async (r: number) => {
    const result = await run();
    log(`  ${name}: round ${r + 1}/${options.rounds} ${label} ${result.samples.length} ok, ${result.errors} errors, ${Math.round(result.wallMs)} ms`);
    return result;
  };

  log('  warm-up');
  await echoLoad(options.warmup);
  await refreshLoad(options.warmup);
  const refreshIdle = await compareAbab(
    options.rounds,
    logged('refresh, worker idle', 'echo', () => withServerCpu(ctx.echo, () => echoLoad(options.refreshPerClient))),
    logged('refresh, worker idle', 'delegate', () => withServerCpu(ctx.delegate, () => refreshLoad(options.refreshPerClient))),
  );

  const approvals = options.approvePerClient * c * options.rounds;
  // Enough plans for the background stream over every busy round, with room for a slower busy phase.
  const roundSeconds = (options.refreshPerClient * c) / Math.max(1, refreshIdle.delegate.throughput);
  const busyPlans = Math.ceil(options.busyApprovalsPerSecond * (roundSeconds * 3 + 0.5) * options.rounds) + 20;
  log(`  creating ${approvals} fresh plans to approve and ${busyPlans} for the background stream`);
  const fresh = await createPlans(ctx, chats, approvals);
  const stream = await createPlans(ctx, chats, busyPlans);

  const approve = await compareAbab(
    options.rounds,
    logged('approve', 'echo', () => echoLoad(options.approvePerClient)),
    logged('approve', 'delegate', async () => {
      const result = await runLoad({
        client: ctx.delegateClient,
        path: '/api/messages',
        clients: c,
        requestsPerClient: options.approvePerClient,
        body: (k) => {
          const plan = fresh.shift();
          return plan && chats[k]?.invoke('approve', plan);
        },
        check: (reply) => expectCardAnswer(reply, 'Running'),
      });
      // The approved tasks run after the measurement; the next baseline round must not compete with them.
      await waitForIdleWorker(ctx);
      return result;
    }),
  );

  const background = { samples: [] as number[], errors: 0, approvals: 0, checkpoints: 0, loadMs: 0, exhausted: false };
  const busyChat = new Chat(ctx.connector.url);
  const refreshBusy = await compareAbab(
    options.rounds,
    logged('refresh, worker busy', 'echo', () => echoLoad(options.refreshPerClient)),
    logged('refresh, worker busy', 'delegate', async () => {
      const approver = new BackgroundApprover(ctx.delegateClient, busyChat, stream, options.busyApprovalsPerSecond);
      approver.start();
      // Let the first approved tasks reach the worker before measuring.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = ctx.connector.checkpoints;
      const result = await refreshLoad(options.refreshPerClient);
      background.checkpoints += ctx.connector.checkpoints - before;
      background.loadMs += result.wallMs;
      const run = await approver.stop();
      background.samples.push(...run.samples);
      background.errors += run.errors;
      background.approvals += run.samples.length + run.errors;
      background.exhausted ||= run.exhausted;
      await waitForIdleWorker(ctx);
      return result;
    }),
  );
  const seconds = background.loadMs / 1000;
  return {
    refreshIdle,
    approve,
    refreshBusy,
    busyWork: {
      approvalsPerSecond: options.busyApprovalsPerSecond,
      checkpointsPerSecond: seconds > 0 ? background.checkpoints / seconds : 0,
      approveLatency: summarise(background.samples),
      errors: background.errors,
      ranOutOfPlans: background.exhausted,
    },
  };
}

async function approveAll(ctx: HttpContext, chats: readonly Chat[], plans: CardTarget[]): Promise<void> {
  const queue = [...plans];
  const result = await runLoad({
    client: ctx.delegateClient,
    path: '/api/messages',
    clients: chats.length,
    requestsPerClient: Math.ceil(plans.length / chats.length) + 1,
    body: (k) => {
      const plan = queue.shift();
      return plan && chats[k]?.invoke('approve', plan);
    },
    check: (reply) => expectCardAnswer(reply, 'Running'),
  });
  if (result.errors > 0) throw new Error(`approving existing tasks failed: ${result.firstError ?? ''}`);
}
