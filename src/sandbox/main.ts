/**
 * Standalone sandbox tenant: `tsx src/sandbox/main.ts [--port N] [--db PATH] [--reset]`.
 * Serves Graph v1.0 on 127.0.0.1:3979 (SANDBOX_GRAPH_PORT's default) from ./data/sandbox.db.
 * `--reset` reseeds the database relative to now and exits.
 */
import { startSandbox } from './index';

interface CliOptions {
  port: number;
  db: string;
  reset: boolean;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const out: CliOptions = { port: 3979, db: './data/sandbox.db', reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reset') out.reset = true;
    else if (arg === '--port') out.port = Number(argv[++i]);
    else if (arg === '--db') out.db = String(argv[++i]);
    else throw new Error(`Unknown argument '${arg}'. Usage: main.ts [--port N] [--db PATH] [--reset]`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error('--port must be 0..65535');
  return out;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = {
    info: (o: object, msg?: string) => {
      if (msg !== 'sandbox graph request') console.log(msg ?? '', JSON.stringify(o));
    },
    warn: (o: object, msg?: string) => console.warn(msg ?? '', JSON.stringify(o)),
  };
  const sandbox = await startSandbox({ dbPath: options.db, port: options.reset ? 0 : options.port, logger: log });
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
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
