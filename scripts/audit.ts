import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processEnv, type LedgerKeys } from '../src/config';
import { ledgerKeysOrExit } from './lib/ledger-keys';
import type { LedgerSeal, TaskStore } from '../src/engine/ports';
import {
  anchorLedger,
  exportTaskLedger,
  verifyLedger,
  type AuditIo,
  type LedgerAnchor,
} from '../src/ledger/audit-commands';
import { parseAnchors } from '../src/ledger/anchor-file';
import { LedgerKeyring } from '../src/ledger/keyring';
import { redactUrl } from '../src/store/pg-connect';
import { openPgStore } from '../src/store/pg-store';
import { openSqliteStore } from '../src/store/sqlite-store';

/**
 * Export and verify the audit ledger (run it as `npm run audit -- …`; plain `npm audit` is
 * npm's own command).
 *
 *   tsx scripts/audit.ts export <taskId> [--format jsonl|csv] [--db PATH]
 *   tsx scripts/audit.ts verify [--db PATH] [--anchors FILE] [--anchor <seq>:<hash>]
 *   tsx scripts/audit.ts anchor --out FILE [--db PATH]
 *
 * With the ledger keys configured (LEDGER_SIGNING_KEY, LEDGER_VERIFY_KEYS, as for the bot; an
 * Ed25519 public key is enough to verify), `verify` also checks the signed chain heads and
 * every head in the anchor file, and `anchor` appends the verified signed head to the file an
 * auditor keeps (JSON Lines, one anchor per run).
 *
 * `--db` is a SQLite file or a PostgreSQL URL (`postgres://…`, with `--schema NAME` when the
 * tables are not in `public`); run as a script without `--db`, DATABASE_URL and DATABASE_SCHEMA
 * are used when set, as for the bot. TLS follows the URL's `sslmode`.
 *
 * The database is opened read-only, so it can be checked while the bot runs.
 * Exit codes: 0 fine, 1 the ledger is broken (verify) or has no entries for the task
 * (export), 2 usage or an unreadable database.
 */

export const DEFAULT_DB = './data/delegate.db';

const USAGE =
  'usage: audit export <taskId> [--format jsonl|csv] [--db PATH] | audit verify [--db PATH] [--anchors FILE] [--anchor <seq>:<hash>] | audit anchor --out FILE [--db PATH]\n' +
  '  (--db PATH may be a postgres:// URL, with --schema NAME)\n';

type Command = (
  | { kind: 'export'; taskId: string; format: 'jsonl' | 'csv'; db: string }
  | { kind: 'verify'; db: string; anchor?: LedgerAnchor; anchors?: string }
  | { kind: 'anchor'; db: string; out: string }
) & { schema?: string };

const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//.test(db);

/**
 * Run the command; resolves to the exit code. `argv` excludes node and the script; `keys` are
 * the ledger keys (from the environment when run as a script), `now` stamps anchors.
 */
export async function main(
  argv: readonly string[],
  io: AuditIo,
  keys: LedgerKeys = { retired: [] },
  now: () => Date = () => new Date(),
): Promise<number> {
  const command = parse(argv);
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  let keyring: LedgerKeyring | undefined;
  let anchors: LedgerSeal[] = [];
  try {
    keyring = keys.signing || keys.retired.length > 0 ? new LedgerKeyring(keys.signing, keys.retired) : undefined;
    const anchorFile =
      command.kind === 'verify' ? command.anchors : command.kind === 'anchor' ? command.out : undefined;
    if (anchorFile !== undefined && (command.kind === 'verify' || existsSync(anchorFile)))
      anchors = parseAnchors(readFileSync(anchorFile, 'utf8'));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const postgres = isPostgresUrl(command.db);
  if (!postgres && command.db !== ':memory:' && !existsSync(command.db)) {
    io.err(`no task database at ${command.db} (give its path with --db)\n`);
    return 2;
  }
  let store: TaskStore;
  try {
    store = postgres
      ? await openPgStore(command.db, { readonly: true, schema: command.schema ?? 'public', poolMax: 2 })
      : await openSqliteStore(command.db, { readonly: true });
  } catch (error) {
    const where = postgres ? redactUrl(command.db) : command.db;
    io.err(`cannot open the task database ${where}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    if (command.kind === 'verify') return await verifyLedger(store, io, { anchor: command.anchor, keyring, anchors });
    if (command.kind === 'anchor') {
      const out = command.out;
      return await anchorLedger(store, io, {
        keyring,
        anchors,
        now: now(),
        append: (line) => appendFileSync(out, line),
      });
    }
    return await exportTaskLedger(store, command.taskId, command.format, io);
  } finally {
    await store.close();
  }
}

function parse(argv: readonly string[]): Command | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        db: { type: 'string' },
        anchor: { type: 'string' },
        anchors: { type: 'string' },
        out: { type: 'string' },
        schema: { type: 'string' },
      },
    });
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  const db = values.db ?? DEFAULT_DB;
  if (values.schema !== undefined && !isPostgresUrl(db)) return undefined;
  const withSchema = (command: Command | undefined): Command | undefined =>
    command && values.schema !== undefined ? { ...command, schema: values.schema } : command;
  return withSchema(parseCommand(values, positionals, db));
}

function parseCommand(
  values: { format?: string; anchor?: string; anchors?: string; out?: string },
  positionals: readonly string[],
  db: string,
): Command | undefined {
  const [name, taskId, ...extra] = positionals;
  if (name === 'anchor') {
    const only = taskId === undefined && values.format === undefined && values.anchor === undefined;
    return only && values.anchors === undefined && values.out ? { kind: 'anchor', db, out: values.out } : undefined;
  }
  if (values.out !== undefined) return undefined;
  if (name === 'verify' && taskId === undefined && values.format === undefined) {
    const anchors = values.anchors;
    if (values.anchor === undefined) return { kind: 'verify', db, anchors };
    const match = /^(\d+):([0-9a-f]{64})$/.exec(values.anchor);
    return match ? { kind: 'verify', db, anchors, anchor: { seq: Number(match[1]), hash: match[2]! } } : undefined;
  }
  if (values.anchor !== undefined || values.anchors !== undefined) return undefined;
  if (name !== 'export' || taskId === undefined || extra.length > 0) return undefined;
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') return undefined;
  return { kind: 'export', taskId, format, db };
}

if (require.main === module) {
  // `… | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const env = processEnv();
  const keys = ledgerKeysOrExit(env);
  // Like the bot: DATABASE_URL (and DATABASE_SCHEMA) name the store unless --db is given.
  const argv = process.argv.slice(2);
  const database = env.DATABASE_URL?.trim();
  if (database && !argv.some((arg) => arg === '--db' || arg.startsWith('--db='))) {
    argv.push('--db', database);
    const schema = env.DATABASE_SCHEMA?.trim();
    if (schema) argv.push('--schema', schema);
  }
  main(argv, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }, keys).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
