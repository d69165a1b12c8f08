import { CountingConnector } from './connector';
import { JsonClient, type LoadResult } from './http-client';
import { ServerProcess } from './servers/child';

/** Both servers, each in its own process, plus the connector Delegate's worker talks to. */
export interface HttpContext {
  readonly echo: ServerProcess;
  readonly delegate: ServerProcess;
  readonly echoClient: JsonClient;
  readonly delegateClient: JsonClient;
  readonly connector: CountingConnector;
  stop(): Promise<void>;
}

export async function startHttpContext(options: { concurrency: number; logLevel: string }): Promise<HttpContext> {
  const connector = new CountingConnector();
  await connector.start();
  // Started one after the other: two tsx start-ups at once on two cores only slow both.
  const echo = await ServerProcess.start(['echo']);
  const delegate = await ServerProcess.start(['delegate', options.logLevel]).catch(async (error: unknown) => {
    await echo.stop();
    throw error;
  });
  // A few spare sockets for background callers (the busy-worker phase).
  const echoClient = new JsonClient(echo.url, options.concurrency + 4);
  const delegateClient = new JsonClient(delegate.url, options.concurrency + 4);
  return {
    echo,
    delegate,
    echoClient,
    delegateClient,
    connector,
    async stop() {
      echoClient.close();
      delegateClient.close();
      await Promise.all([echo.stop(), delegate.stop()]);
      await connector.stop();
    },
  };
}

/** Wait until Delegate's worker has nothing running (or fail after `ms`): the start of an "idle" phase. */
export async function waitForIdleWorker(ctx: HttpContext, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await ctx.delegate.ask('running')) > 0) {
    if (Date.now() > deadline) throw new Error('the worker did not become idle');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Run a load and record the server process's CPU time and event-loop delay over it. CPU per
 * request barely moves when other tenants of the machine steal time, unlike latency, so it is
 * the steadier overhead ratio; loop delay tells queueing behind long synchronous work apart.
 */
export async function withServerStats(
  server: ServerProcess,
  run: () => Promise<LoadResult>,
  options: { cpu: boolean } = { cpu: true },
): Promise<LoadResult> {
  await server.ask('loopDelayReset');
  const before = await server.ask('cpu');
  const result = await run();
  const after = await server.ask('cpu');
  const loopDelay = { p99: await server.ask('loopDelayP99'), max: await server.ask('loopDelayMax') };
  return { ...result, serverCpuMs: options.cpu ? after - before : undefined, loopDelay };
}
