import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseOptions } from '../../bench/options';
import { parseCommandLine, UsageError } from '../../src/cli-args';

const REPO = path.join(__dirname, '..', '..');

describe('command lines (node:util parseArgs, strict)', () => {
  const usage = 'usage: thing [--name X] [--flag]';
  const options = { options: { name: { type: 'string' as const }, flag: { type: 'boolean' as const } } };

  it('reads flags in both spellings', () => {
    expect(parseCommandLine(['--name=a', '--flag'], options, usage).values).toEqual({ name: 'a', flag: true });
    expect(parseCommandLine(['--name', 'b'], options, usage).values).toEqual({ name: 'b' });
  });

  it('turns an unknown flag, a missing value or a stray argument into a usage error with the usage', () => {
    for (const argv of [['--nme', 'a'], ['--name'], ['stray']]) {
      const error = (() => {
        try {
          parseCommandLine(argv, options, usage);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).usage).toBe(usage);
    }
    expect(() => parseCommandLine(['--nme', 'a'], options, usage)).toThrow("Unknown option '--nme'");
  });

  it('parses the benchmark options, counts by their kebab-case names', () => {
    const options = parseOptions(['--quick', '--rounds=3', '--only=engine,idle', '--idle-tasks', '20']);
    expect(options).toMatchObject({ quick: true, rounds: 3, idleTasks: 20, sections: ['engine', 'idle'] });
    expect(parseOptions([])).toMatchObject({ quick: false, out: 'bench/results.json', logLevel: 'info' });
    expect(() => parseOptions(['--rouns=3'])).toThrow(UsageError);
    expect(() => parseOptions(['--rounds=0'])).toThrow('--rounds must be a whole number');
    expect(() => parseOptions(['--only=nothing'])).toThrow('unknown section "nothing"');
  });

  it.each([
    ['src/sandbox/main.ts', /^usage: tsx src\/sandbox\/main\.ts/m],
    ['scripts/action-docs.ts', /^usage: docs:actions \[--check\]/m],
    ['bench/run.ts', /^usage: npm run bench/m],
  ])(
    '%s exits 2 on an unknown flag, naming it, with the usage',
    async (script, usageLine) => {
      const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
      const child = promisify(execFile)(tsx, [path.join(REPO, script), '--no-such-flag'], { cwd: REPO });
      await expect(child).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^Unknown option '--no-such-flag'/),
      });
      await child.catch((error: { stderr: string }) => expect(error.stderr).toMatch(usageLine));
    },
    120_000,
  ); // tsx compiles the whole bench on start: slow on a busy machine
});
