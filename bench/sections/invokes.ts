import { compareAbab, type Comparison } from '../abab';
import { BusyTally, type BusyWork } from '../busy';
import { waitForIdleWorker, withServerStats, type HttpContext } from '../http-context';
import { runLoad, type LoadResult } from '../http-client';
import type { BenchOptions } from '../options';
import { createPlans } from '../plans';
import { Chat, expectCardAnswer, expectEchoCard, type CardTarget } from '../traffic';

/** Section 3: card button invokes, against the echo bot's invoke handler. */
export interface InvokesResult {
  /** Refresh on many existing tasks (half of them at a checkpoint), worker idle, concurrent callers. */
  readonly refreshIdle: Comparison;
  /** Approve on fresh plans, concurrent callers; every approval starts background work. */
  readonly approve: Comparison;
  /** Refresh from concurrent callers while a steady stream of approved tasks runs in the background. */
  readonly refreshBusy: Comparison;
  readonly refreshBusyWork: BusyWork;
  /** Refresh clicks one at a time (a person clicking) while the worker is busy. */
  readonly clickBusy: Comparison;
  readonly clickBusyWork: BusyWork;
}

export async function invokesSection(
  ctx: HttpContext,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<InvokesResult> {
  const c = options.concurrency;
  const chats = Array.from({ length: c }, () => new Chat(ctx.connector.url));
  const echoChats = Array.from({ length: c }, () => new Chat(ctx.connector.url));

  log(`  creating ${options.refreshTasks} tasks, approving half of them (they stop at their checkpoint)`);
  const existing = await createPlans(ctx, chats, options.refreshTasks);
  await approveAll(ctx, chats, existing.slice(0, Math.floor(existing.length / 2)));
  await waitForIdleWorker(ctx);

  const echoLoad = (clients: number, perClient: number) =>
    runLoad({
      client: ctx.echoClient,
      path: '/api/messages',
      clients,
      requestsPerClient: perClient,
      body: (k) => echoChats[k]?.invoke('refresh', { taskId: 'T', planVersion: 1 }),
      check: expectEchoCard,
    });
  let cursor = 0;
  const refreshLoad = (clients: number, perClient: number) =>
    runLoad({
      client: ctx.delegateClient,
      path: '/api/messages',
      clients,
      requestsPerClient: perClient,
      body: (k) => chats[k]?.invoke('refresh', existing[cursor++ % existing.length] as CardTarget),
      check: (reply) => expectCardAnswer(reply),
    });
  const logged = (name: string, label: string, run: () => Promise<LoadResult>) => async (r: number) => {
    const result = await run();
    log(
      `  ${name}: round ${r + 1}/${options.rounds} ${label} ${result.samples.length} ok, ${result.errors} errors, ${Math.round(result.wallMs)} ms`,
    );
    return result;
  };
  const echoRound = (name: string, clients: number, perClient: number) =>
    logged(name, 'echo', () => withServerStats(ctx.echo, () => echoLoad(clients, perClient)));

  log('  warm-up');
  await echoLoad(c, options.warmup);
  await refreshLoad(c, options.warmup);
  const refreshIdle = await compareAbab(
    options.rounds,
    echoRound('refresh, worker idle', c, options.refreshPerClient),
    logged('refresh, worker idle', 'delegate', () =>
      withServerStats(ctx.delegate, () => refreshLoad(c, options.refreshPerClient)),
    ),
  );

  const approvals = options.approvePerClient * c * options.rounds;
  // Enough plans for the background stream in every busy round, allowing for slower busy rounds.
  const concurrentSeconds = (options.refreshPerClient * c) / Math.max(1, refreshIdle.delegate.throughput);
  const clickSeconds = options.busyClicks * 0.03;
  const busyPlans =
    Math.ceil(options.busyApprovalsPerSecond * options.rounds * (concurrentSeconds * 3 + clickSeconds + 1)) + 20;
  log(`  creating ${approvals} fresh plans to approve and ${busyPlans} for the background stream`);
  const fresh = await createPlans(ctx, chats, approvals);
  const stream = await createPlans(ctx, chats, busyPlans);

  const approve = await compareAbab(
    options.rounds,
    echoRound('approve', c, options.approvePerClient),
    logged('approve', 'delegate', async () => {
      const result = await withServerStats(
        ctx.delegate,
        () =>
          runLoad({
            client: ctx.delegateClient,
            path: '/api/messages',
            clients: c,
            requestsPerClient: options.approvePerClient,
            body: (k) => {
              const plan = fresh.shift();
              return plan && chats[k]?.invoke('approve', plan);
            },
            check: (reply) => expectCardAnswer(reply, 'Running'),
          }),
        { cpu: false },
      );
      // The approved tasks run after the measurement; the next baseline round must not compete with them.
      await waitForIdleWorker(ctx);
      return result;
    }),
  );

  const concurrentBusy = new BusyTally(ctx, new Chat(ctx.connector.url), stream, options.busyApprovalsPerSecond);
  const refreshBusy = await compareAbab(
    options.rounds,
    echoRound('refresh, worker busy', c, options.refreshPerClient),
    logged('refresh, worker busy', 'delegate', () =>
      concurrentBusy.round(() => refreshLoad(c, options.refreshPerClient)),
    ),
  );
  const clicksBusy = new BusyTally(ctx, new Chat(ctx.connector.url), stream, options.busyApprovalsPerSecond);
  const clickBusy = await compareAbab(
    options.rounds,
    echoRound('clicks, worker busy', 1, options.busyClicks),
    logged('clicks, worker busy', 'delegate', () => clicksBusy.round(() => refreshLoad(1, options.busyClicks))),
  );
  return {
    refreshIdle,
    approve,
    refreshBusy,
    refreshBusyWork: concurrentBusy.summary(),
    clickBusy,
    clickBusyWork: clicksBusy.summary(),
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
