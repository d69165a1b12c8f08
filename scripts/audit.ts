import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { TaskStore } from '../src/engine/ports';
import { exportTaskLedger, verifyLedger, type AuditIo, type LedgerAnchor } from '../src/ledger/audit-commands';
import { openSqliteStore } from '../src/store/sqlite-store';

/**
 * Export and verify the audit ledger (run it as `npm run audit -- …`; plain `npm audit` is
 * npm's own command).
 *
 *   tsx scripts/audit.ts export <taskId> [--format jsonl|csv] [--db PATH]
 *   tsx scripts/audit.ts verify [--db PATH]
 *
 * The database is opened read-only, so it can be checked while the bot runs.
 * Exit codes: 0 fine, 1 the ledger is broken (verify) or has no entries for the task
 * (export), 2 usage or an unreadable database.
 */

export const DEFAULT_DB = './data/delegate.db';

const USAGE =
  'usage: audit export <taskId> [--format jsonl|csv] [--db PATH] | audit verify [--db PATH] [--anchor <seq>:<hash>]\n';

type Command =
  | { kind: 'export'; taskId: string; format: 'jsonl' | 'csv'; db: string }
  | { kind: 'verify'; db: string; anchor?: LedgerAnchor };

/** Run the command; resolves to the exit code. `argv` excludes node and the script. */
export async function main(argv: readonly string[], io: AuditIo): Promise<number> {
  const command = parse(argv);
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  if (command.db !== ':memory:' && !existsSync(command.db)) {
    io.err(`no task database at ${command.db} (give its path with --db)\n`);
    return 2;
  }
  let store: TaskStore;
  try {
    store = await openSqliteStore(command.db, { readonly: true });
  } catch (error) {
    io.err(`cannot open the task database ${command.db}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    return command.kind === 'verify'
      ? await verifyLedger(store, io, command.anchor)
      : await exportTaskLedger(store, command.taskId, command.format, io);
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
      options: { format: { type: 'string' }, db: { type: 'string' }, anchor: { type: 'string' } },
    });
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  const db = values.db ?? DEFAULT_DB;
  const [name, taskId, ...extra] = positionals;
  if (name === 'verify' && taskId === undefined && values.format === undefined) {
    if (values.anchor === undefined) return { kind: 'verify', db };
    const match = /^(\d+):([0-9a-f]{64})$/.exec(values.anchor);
    return match ? { kind: 'verify', db, anchor: { seq: Number(match[1]), hash: match[2]! } } : undefined;
  }
  if (values.anchor !== undefined) return undefined;
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
  main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
