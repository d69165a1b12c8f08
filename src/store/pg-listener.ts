import pg from 'pg';
import { ident } from './pg-connect';

/**
 * One dedicated connection that LISTENs on a channel and calls `onNotify` for each
 * notification from any instance. It reconnects (after a pause) when the connection drops;
 * while it is down, workers still find work by polling.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly onProblem: (error: unknown) => void = () => undefined,
  ) {}

  /** Start listening (once); resolves when LISTEN is in place or the first attempt failed. */
  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, statement_timeout: undefined });
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ident(this.channel)}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      // Anything made runnable while we were not listening is found now.
      this.onNotify();
    } catch (error) {
      this.onProblem(error);
      await client.end().catch(() => undefined);
      this.schedule();
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (error) this.onProblem(error);
    client.end().catch(() => undefined);
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connecting = this.connect();
    }, 1_000);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
