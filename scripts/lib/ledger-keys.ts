import { envFiles, loadLedgerKeys, type Env, type LedgerKeys } from '../../src/config';

/**
 * The ledger's signing and verification keys for a command-line tool, from the environment and
 * the bot's env files; a bad key ends the process with exit code 2 and the reason on stderr.
 */
export function ledgerKeysOrExit(env: Env): LedgerKeys {
  try {
    return loadLedgerKeys(env, envFiles(process.cwd(), env.TEAMSFX_ENV ?? 'local'));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
