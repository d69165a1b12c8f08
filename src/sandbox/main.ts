/**
 * Standalone sandbox tenant: `tsx src/sandbox/main.ts [--port N] [--db PATH] [--lag-ms N] [--reset]`.
 * Serves Graph v1.0 on 127.0.0.1:3979 (SANDBOX_GRAPH_PORT's default) from ./data/sandbox.db.
 * `--reset` reseeds the database relative to now and exits. `--lag-ms` makes it eventually
 * consistent: new items reach lists and searches that many milliseconds after they were made
 * (default 0; the embedded tenant reads SANDBOX_GRAPH_LAG_MS instead).
 */
import { parseCommandLine, UsageError, usageText, USAGE_EXIT_CODE } from '../cli-args';
import { startSandbox } from './index';

interface CliOptions {
  port: number;
  db: string;
  reset: boolean;
  lagMs: number;
}

const USAGE = 'usage: tsx src/sandbox/main.ts [--port N] [--db PATH] [--lag-ms N] [--reset]';

/** The command line; a `UsageError` for an unknown flag, a missing value or a bad port. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const { values } = parseCommandLine(
    argv,
    {
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        'lag-ms': { type: 'string' },
        reset: { type: 'boolean' },
      },
    },
    USAGE,
  );
  const port = Number(values.port ?? '3979');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535', USAGE);
  const lagMs = Number(values['lag-ms'] ?? '0');
  if (!Number.isInteger(lagMs) || lagMs < 0 || lagMs > 600_000)
    throw new UsageError('--lag-ms must be 0..600000', USAGE);
  return { port, db: values.db ?? './data/sandbox.db', reset: values.reset === true, lagMs };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = {
    info: (o: object, msg?: string) => {
      if (msg !== 'sandbox graph request') console.log(msg ?? '', JSON.stringify(o));
    },
    warn: (o: object, msg?: string) => console.warn(msg ?? '', JSON.stringify(o)),
  };
  const sandbox = await startSandbox({
    dbPath: options.db,
    port: options.reset ? 0 : options.port,
    visibilityLagMs: options.lagMs,
    logger: log,
  });
  if (options.reset) {
    await sandbox.reset();
    await sandbox.close();
    console.log(`Sandbox tenant reseeded in ${options.db}`);
    return;
  }
  console.log(`Sandbox Graph tenant at ${sandbox.url} (db ${options.db})`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof UsageError ? usageText(e) : e instanceof Error ? e.message : e);
    process.exit(e instanceof UsageError ? USAGE_EXIT_CODE : 1);
  });
}
