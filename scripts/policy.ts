import { readFileSync } from 'node:fs';
import {
  DEFAULT_POLICY,
  effectiveRules,
  parsePolicy,
  policyWarnings,
  summarizePolicy,
  type Policy,
  type PolicyScope,
} from '../src/policy';
import { openForDryRun, recentTasks, replay } from './lib/policy-dry-run';

/**
 * Check a policy file before deploying it, or show what it means in a scope.
 *
 *   tsx scripts/policy.ts check <file>
 *   tsx scripts/policy.ts explain <file> [--team <id>] [--channel <id>] [--channel-name <name>]
 *   tsx scripts/policy.ts dry-run <new-file> [--against <current-file>] [--db PATH] [--days N]
 *
 * A dry run replays the steps of recent stored tasks (the newest 100 of the last N days,
 * default 7) against the current policy (`--against`, default the built-in defaults) and the
 * new one, and lists every step the new policy would decide differently.
 *
 * Exit codes: 0 fine, 1 the policy has problems, 2 usage or unreadable file.
 */

/** Where the command reads and writes; injected so tests run it in-process. */
export interface PolicyCliIo {
  readFile(path: string): string;
  out(line: string): void;
  err(line: string): void;
  /** The time "the last N days" count back from; default the system clock. */
  now?(): Date;
}

const USAGE =
  'usage: policy check <file> | policy explain <file> [--team <id>] [--channel <id>] [--channel-name <name>] | policy dry-run <new-file> [--against <current-file>] [--db PATH] [--days N]';

/** Run the command; returns the exit code. `argv` excludes node and the script. */
export async function main(argv: readonly string[], io: PolicyCliIo): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === 'dry-run') return dryRunCommand(file, rest, io);
  if (
    (command !== 'check' && command !== 'explain') ||
    file === undefined ||
    (command === 'check' && rest.length > 0)
  ) {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return 2;
  }
  const result = parsePolicy(text, file);
  if (!result.ok) {
    for (const e of result.errors) io.err(`${file}:${e.line}:${e.column} ${e.path}: ${e.message}`);
    io.err(`${result.errors.length} ${result.errors.length === 1 ? 'problem' : 'problems'} in ${file}`);
    return 1;
  }
  if (command === 'check') {
    for (const warning of policyWarnings(result.policy)) io.err(`${file}: warning: ${warning}`);
    io.out(`policy OK: ${summarizePolicy(result.policy)}`);
    return 0;
  }
  const scope = scopeFrom(rest);
  if (scope === undefined) {
    io.err(USAGE);
    return 2;
  }
  for (const line of effectiveRules(result.policy, scope)) io.out(line);
  return 0;
}

/** Read and parse a policy file; the parse errors are written, and undefined returned, when it is not valid. */
function load(file: string, io: PolicyCliIo): Policy | undefined {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  const result = parsePolicy(text, file);
  if (result.ok) return result.policy;
  for (const e of result.errors) io.err(`${file}:${e.line}:${e.column} ${e.path}: ${e.message}`);
  return undefined;
}

async function dryRunCommand(file: string | undefined, args: readonly string[], io: PolicyCliIo): Promise<number> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (name === undefined || value === undefined || !['--against', '--db', '--days'].includes(name)) file = undefined;
    else flags[name] = value;
  }
  const days = Number(flags['--days'] ?? '7');
  if (file === undefined || !Number.isInteger(days) || days < 1) {
    io.err(USAGE);
    return 2;
  }
  const after = load(file, io);
  const before = flags['--against'] ? load(flags['--against'], io) : DEFAULT_POLICY;
  if (!after || !before) return 1;
  const store = await openForDryRun(flags['--db'] ?? './data/delegate.db');
  if (typeof store === 'string') {
    io.err(store);
    return 2;
  }
  try {
    const tasks = await recentTasks(store, io.now?.() ?? new Date(), days);
    const { lines, steps, changed } = replay(tasks, before, after);
    for (const line of lines) io.out(line);
    io.out(
      `${changed} of ${steps} steps in ${tasks.length} tasks from the last ${days} days would be decided differently by ${file}.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

function scopeFrom(args: readonly string[]): PolicyScope | undefined {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (name === undefined || value === undefined || !['--team', '--channel', '--channel-name'].includes(name))
      return undefined;
    flags[name] = value;
  }
  if (Object.keys(flags).length === 0) return { kind: 'personal' };
  return {
    kind: 'channel',
    ...(flags['--team'] === undefined ? {} : { teamId: flags['--team'] }),
    ...(flags['--channel'] === undefined ? {} : { channelId: flags['--channel'] }),
    ...(flags['--channel-name'] === undefined ? {} : { channelName: flags['--channel-name'] }),
  };
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
