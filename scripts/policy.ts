import { readFileSync } from 'node:fs';
import { effectiveRules, parsePolicy, policyWarnings, summarizePolicy, type PolicyScope } from '../src/policy';

/**
 * Check a policy file before deploying it, or show what it means in a scope.
 *
 *   tsx scripts/policy.ts check <file>
 *   tsx scripts/policy.ts explain <file> [--team <id>] [--channel <id>] [--channel-name <name>]
 *
 * Exit codes: 0 fine, 1 the policy has problems, 2 usage or unreadable file.
 */

/** Where the command reads and writes; injected so tests run it in-process. */
export interface PolicyCliIo {
  readFile(path: string): string;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: policy check <file> | policy explain <file> [--team <id>] [--channel <id>] [--channel-name <name>]';

/** Run the command; returns the exit code. `argv` excludes node and the script. */
export function main(argv: readonly string[], io: PolicyCliIo): number {
  const [command, file, ...rest] = argv;
  if ((command !== 'check' && command !== 'explain') || file === undefined || (command === 'check' && rest.length > 0)) {
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

function scopeFrom(args: readonly string[]): PolicyScope | undefined {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (name === undefined || value === undefined || !['--team', '--channel', '--channel-name'].includes(name)) return undefined;
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
  process.exitCode = main(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
