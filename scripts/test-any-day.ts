/**
 * Run the jest suite as if the system date were each day of a week, to prove that no test
 * depends on the day it runs: `npm run test:any-day -- [--from 2026-11-30] [--days 7]
 * [--at 10:00] [--tz Europe/London] [-- <jest arguments>]`.
 *
 * The date is moved with libfaketime (`apt-get install faketime`; this script installs
 * nothing), as an offset from the real clock: every process the suite starts (jest workers,
 * the apps and CLIs the tests spawn, SQLite) sees the same moved date, and time still flows.
 * Monotonic clocks are left alone so timers and timeouts behave as usual.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';

const ROOT = path.resolve(__dirname, '..');
const JEST = path.join(ROOT, 'node_modules', '.bin', 'jest');

interface Options {
  readonly from: DateTime;
  readonly days: number;
  readonly at: string;
  readonly zone: string;
  readonly jestArgs: readonly string[];
}

function options(argv: readonly string[]): Options {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      days: { type: 'string', default: '7' },
      at: { type: 'string', default: '10:00' },
      tz: { type: 'string', default: 'UTC' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run test:any-day -- [--from YYYY-MM-DD] [--days N] [--at HH:MM] [--tz ZONE] [-- <jest arguments>]\n' +
        'Runs jest once per day, with the system date moved there by libfaketime, and reports pass/fail per day.\n' +
        '--from defaults to today, --days to 7, --at (wall-clock time in --tz) to 10:00, --tz (also given to the\n' +
        'tests as TZ) to UTC.',
    );
    process.exit(0);
  }
  const zone = values.tz;
  const from = values.from ? DateTime.fromISO(values.from, { zone }) : DateTime.now().setZone(zone).startOf('day');
  if (!from.isValid) throw new Error(`--from: not a date: ${values.from}`);
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 31) throw new Error(`--days: a whole number from 1 to 31`);
  if (!/^\d{2}:\d{2}$/.test(values.at)) throw new Error(`--at: HH:MM, not ${values.at}`);
  return { from, days, at: values.at, zone, jestArgs: positionals };
}

/** libfaketime's offset syntax: signed seconds from the real clock. */
function offsetTo(instant: DateTime): string {
  const seconds = Math.round((instant.toMillis() - Date.now()) / 1000);
  return seconds >= 0 ? `+${seconds}` : String(seconds);
}

function fakeEnv(zone: string): NodeJS.ProcessEnv {
  return { ...process.env, TZ: zone, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

/** Refuse to report a "pass" for a day the suite did not really see. */
function checkFaketime(instant: DateTime, zone: string): void {
  const probe = spawnSync(
    'faketime',
    ['-f', offsetTo(instant), process.execPath, '-e', 'process.stdout.write(new Date().toISOString())'],
    { env: fakeEnv(zone), encoding: 'utf8' },
  );
  if (probe.error) {
    throw new Error(`faketime is not installed (${probe.error.message}). Install it: sudo apt-get install faketime`);
  }
  const seen = DateTime.fromISO(probe.stdout.trim());
  if (!seen.isValid || Math.abs(seen.toMillis() - instant.toMillis()) > 60_000) {
    throw new Error(`faketime did not move the date to ${instant.toISO()}: node saw "${probe.stdout}" ${probe.stderr}`);
  }
}

interface DayResult {
  readonly day: DateTime;
  readonly passed: boolean;
  readonly seconds: number;
  readonly failed: readonly string[];
  readonly log: string;
}

async function runDay(day: DateTime, opts: Options, logDir: string): Promise<DayResult> {
  const [hour = 0, minute = 0] = opts.at.split(':').map(Number);
  const instant = day.set({ hour, minute, second: 0, millisecond: 0 });
  checkFaketime(instant, opts.zone);
  const log = path.join(logDir, `${day.toISODate()}.log`);
  const out = createWriteStream(log);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('faketime', ['-f', offsetTo(instant), JEST, ...opts.jestArgs], {
      cwd: ROOT,
      env: fakeEnv(opts.zone),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  const seconds = Math.round((performance.now() - started) / 1000);
  const failed = new Set(Array.from(readFileSync(log, 'utf8').matchAll(/^FAIL (\S+)/gm), (m) => m[1] ?? ''));
  return { day: instant, passed: code === 0, seconds, failed: [...failed], log };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const logDir = path.join(os.tmpdir(), `delegate-any-day-${opts.from.toISODate()}-${process.pid}`);
  mkdirSync(logDir, { recursive: true });
  const results: DayResult[] = [];
  for (let i = 0; i < opts.days; i++) {
    const day = opts.from.plus({ days: i });
    console.log(`${day.toFormat('yyyy-MM-dd ccc')} (${opts.zone}, ${opts.at}): running jest…`);
    const result = await runDay(day, opts, logDir);
    results.push(result);
    console.log(`  ${result.passed ? 'PASS' : 'FAIL'} in ${result.seconds} s; log ${result.log}`);
    for (const file of result.failed) console.log(`    failed: ${file}`);
  }
  console.log('\nDay                  Result');
  for (const r of results) console.log(`${r.day.toFormat('yyyy-MM-dd ccc HH:mm')}  ${r.passed ? 'pass' : 'FAIL'}`);
  const bad = results.filter((r) => !r.passed).length;
  console.log(bad === 0 ? `\nAll ${results.length} days pass.` : `\n${bad} of ${results.length} days fail.`);
  process.exitCode = bad === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
