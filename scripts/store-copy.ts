import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processEnv, type LedgerKeys } from '../src/config';
import { ledgerKeysOrExit } from './lib/ledger-keys';
import { verifyLedger, type AuditIo } from '../src/ledger/audit-commands';
import { LedgerKeyring } from '../src/ledger/keyring';
import { copySqliteToPostgres } from '../src/store/copy-store';
import { checkSchemaName, redactUrl, type PgConnectOptions } from '../src/store/pg-connect';
import { openPgStore } from '../src/store/pg-store';

/**
 * Move a pilot to production: copy a SQLite store into PostgreSQL, then verify the ledger
 * where it arrived (run it as `npm run store:copy -- --to $DATABASE_URL`).
 *
 *   tsx scripts/store-copy.ts --to postgres://… [--from ./data/delegate.db] [--schema public]
 *
 * Stop the bot first (the SQLite file is read as it is). The copy is one transaction into an
 * empty database or schema: everything arrives or nothing does. TLS follows DATABASE_SSL /
 * DATABASE_SSL_CA_FILE, or the URL's `sslmode`. With the ledger keys configured (as for the
 * bot), the signed heads are verified too. Exit codes: 0 copied and verified, 1 the ledger did
 * not verify where it arrived, 2 usage or a copy that could not be made (nothing was written).
 */

const USAGE = 'usage: store:copy --to postgres://user:password@host:5432/db [--from PATH] [--schema NAME]\n';

export async function main(
  argv: readonly string[],
  io: AuditIo,
  keys: LedgerKeys = { retired: [] },
  tls?: PgConnectOptions['tls'],
): Promise<number> {
  let values: { to?: string; from?: string; schema?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { to: { type: 'string' }, from: { type: 'string' }, schema: { type: 'string' } },
    }));
  } catch {
    io.err(USAGE);
    return 2;
  }
  const { to, from = './data/delegate.db', schema = 'public' } = values;
  if (!to || !/^postgres(ql)?:\/\//.test(to)) {
    io.err(USAGE);
    return 2;
  }
  try {
    checkSchemaName(schema);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  if (!existsSync(from)) {
    io.err(`no task database at ${from} (give its path with --from)\n`);
    return 2;
  }
  const target = `${redactUrl(to)}${schema === 'public' ? '' : ` (schema ${schema})`}`;
  let counts: Record<string, number>;
  try {
    counts = await copySqliteToPostgres(from, to, { schema, tls });
  } catch (error) {
    io.err(`nothing copied to ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  io.out(
    `copied ${from} → ${target}: ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}\n`,
  );
  const store = await openPgStore(to, { schema, tls, readonly: true, poolMax: 2 });
  try {
    const keyring = keys.signing || keys.retired.length > 0 ? new LedgerKeyring(keys.signing, keys.retired) : undefined;
    const code = await verifyLedger(store, io, { keyring });
    if (code !== 0) io.err('the copied ledger did not verify: keep the SQLite store and investigate\n');
    return code;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  const env = processEnv();
  const keys = ledgerKeysOrExit(env);
  const mode = env.DATABASE_SSL?.trim();
  const tls: PgConnectOptions['tls'] =
    mode === 'disable' || mode === 'require' || mode === 'verify-full'
      ? {
          mode: mode as 'disable' | 'require' | 'verify-full',
          ...(env.DATABASE_SSL_CA_FILE?.trim() ? { caFile: env.DATABASE_SSL_CA_FILE.trim() } : {}),
        }
      : undefined;
  main(
    process.argv.slice(2),
    { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
    keys,
    tls,
  ).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`store:copy failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
