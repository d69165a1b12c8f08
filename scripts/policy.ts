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
import { parseCommandLine, UsageError, usageText, USAGE_EXIT_CODE } from '../src/cli-args';
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

/** Which flags each command takes. */
const COMMAND_FLAGS = {
  check: [],
  explain: ['team', 'channel', 'channel-name'],
  'dry-run': ['against', 'db', 'days'],
} as const;

type Flags = Partial<Record<(typeof COMMAND_FLAGS)[keyof typeof COMMAND_FLAGS][number], string>>;

/** The command, its file and its flags; a `UsageError` for anything else. */
function parseCommand(argv: readonly string[]): { command: keyof typeof COMMAND_FLAGS; file: string; flags: Flags } {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      allowPositionals: true,
      options: {
        team: { type: 'string' },
        channel: { type: 'string' },
        'channel-name': { type: 'string' },
        against: { type: 'string' },
        db: { type: 'string' },
        days: { type: 'string' },
      },
    },
    USAGE,
  );
  const [command, file, ...extra] = positionals;
  if (command !== 'check' && command !== 'explain' && command !== 'dry-run')
    throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`, USAGE);
  if (file === undefined) throw new UsageError(`policy ${command} needs a policy file`, USAGE);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, USAGE);
  const allowed: readonly string[] = COMMAND_FLAGS[command];
  const wrong = Object.keys(values).find((name) => !allowed.includes(name));
  if (wrong !== undefined) throw new UsageError(`policy ${command} does not take --${wrong}`, USAGE);
  return { command, file, flags: values as Flags };
}

/** Run the command; returns the exit code. `argv` excludes node and the script. */
export async function main(argv: readonly string[], io: PolicyCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageText(error));
    return USAGE_EXIT_CODE;
  }
  const { command, file, flags } = parsed;
  if (command === 'dry-run') return dryRunCommand(file, flags, io);
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
  const scope = scopeFrom(flags);
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

async function dryRunCommand(file: string, flags: Flags, io: PolicyCliIo): Promise<number> {
  const days = Number(flags.days ?? '7');
  if (!Number.isInteger(days) || days < 1) {
    io.err(usageText(new UsageError('--days must be a whole number of days, at least 1', USAGE)));
    return USAGE_EXIT_CODE;
  }
  const after = load(file, io);
  const before = flags.against ? load(flags.against, io) : DEFAULT_POLICY;
  if (!after || !before) return 1;
  const store = await openForDryRun(flags.db ?? './data/delegate.db');
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

function scopeFrom(flags: Flags): PolicyScope {
  const { team, channel, 'channel-name': channelName } = flags;
  if (team === undefined && channel === undefined && channelName === undefined) return { kind: 'personal' };
  return {
    kind: 'channel',
    ...(team === undefined ? {} : { teamId: team }),
    ...(channel === undefined ? {} : { channelId: channel }),
    ...(channelName === undefined ? {} : { channelName }),
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
