import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LedgerEntry } from '../../src/engine/ports';
import { computeHash } from '../../src/ledger/entry';
import { CSV_COLUMNS } from '../../src/ledger/export';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { parseCsv, runAudit, seedLedgerFile, useTempDb } from './support';

const newPath = useTempDb('audit-cli');
const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'audit.ts');

function fromCsvRow(header: readonly string[], fields: readonly string[]): LedgerEntry {
  const get = (name: string) => fields[header.indexOf(name)]!;
  return {
    seq: Number(get('seq')),
    taskId: get('taskId'),
    type: get('type') as LedgerEntry['type'],
    actor: get('actor'),
    at: get('at'),
    payload: JSON.parse(get('payload')) as Record<string, unknown>,
    prevHash: get('prevHash'),
    hash: get('hash'),
  };
}

describe('audit CLI (in process)', () => {
  let file = '';
  let entries: LedgerEntry[] = [];
  beforeAll(async () => {
    file = newPath();
    entries = await seedLedgerFile(file, 9);
  });

  it('exports one task as JSON Lines that parse back to its entries, hashes intact', async () => {
    const { code, out, err } = await runAudit(['export', 'T1', '--format', 'jsonl', '--db', file]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.trimEnd().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as LedgerEntry);
    expect(parsed).toEqual(entries.filter((e) => e.taskId === 'T1'));
    for (const entry of parsed) expect(computeHash(entry)).toBe(entry.hash);
    // JSON Lines is the default format.
    await expect(runAudit(['export', 'T1', '--db', file])).resolves.toEqual({ code: 0, out, err: '' });
  });

  it('exports one task as RFC 4180 CSV with a header row and the payload as compact JSON', async () => {
    const { code, out } = await runAudit(['export', 'T2', '--format', 'csv', '--db', file]);
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(out);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.every((fields) => fields.length === CSV_COLUMNS.length)).toBe(true);
    const parsed = rows.map((fields) => fromCsvRow(header!, fields));
    expect(parsed).toEqual(entries.filter((e) => e.taskId === 'T2'));
    // JSON's own quotes are doubled inside a quoted field; its escaped line breaks stay escaped.
    expect(out).toContain('"{""edits"":[{');
    expect(out).toContain('\\""Contoso\\""');
    expect(rows.some((fields) => fields[CSV_COLUMNS.indexOf('payload')]!.includes('one\\ntwo\\r\\nthree'))).toBe(true);
    expect(rows[0]![CSV_COLUMNS.indexOf('payload')]).not.toMatch(/\{ |: /);
  });

  it('exports a task longer than one page', async () => {
    const big = newPath();
    const store = await openSqliteStore(big);
    for (let i = 1; i <= 1005; i += 1) {
      await store.appendLedger({
        taskId: i === 500 ? 'OTHER' : 'BIG',
        type: 'step_result',
        actor: 'system',
        at: '2025-03-03T09:00:00.000Z',
        payload: { i },
      });
    }
    await store.close();
    const { code, out } = await runAudit(['export', 'BIG', '--db', big]);
    expect(code).toBe(0);
    const seqs = out
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as LedgerEntry).seq);
    expect(seqs).toEqual(Array.from({ length: 1005 }, (_, i) => i + 1).filter((seq) => seq !== 500));
  });

  it('exits 1 with nothing on stdout for a task without entries', async () => {
    await expect(runAudit(['export', 'NOPE', '--format', 'csv', '--db', file])).resolves.toEqual({
      code: 1,
      out: '',
      err: 'no ledger entries for task NOPE\n',
    });
  });

  it('verifies: exit 0 when intact, 1 when broken', async () => {
    await expect(runAudit(['verify', '--db', file])).resolves.toEqual({
      code: 0,
      out: expect.stringMatching(/^ledger OK: 9 entries\nhead: 9:[0-9a-f]{64} /),
      err: '',
    });
    await expect(runAudit(['verify', '--db', file, '--anchor', 'nine'])).resolves.toMatchObject({ code: 2 });
    const copy = newPath();
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    const db = new Database(copy);
    db.prepare(`UPDATE ledger SET actor = 'aad-mallory' WHERE seq = 8`).run();
    db.close();
    await expect(runAudit(['verify', '--db', copy])).resolves.toEqual({
      code: 1,
      out: 'ledger BROKEN at entry 8: hash_mismatch\n',
      err: '',
    });
  });

  it.each([
    [[]],
    [['bogus']],
    [['export']],
    [['export', 'T1', 'T2']],
    [['export', 'T1', '--format', 'xml']],
    [['export', 'T1', '--colour']],
    [['verify', 'extra']],
    [['verify', '--format', 'csv']],
  ])('exits 2 with usage for %j', async (argv) => {
    const result = await runAudit([...argv, '--db', file]);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toMatch(/^usage: audit export/);
  });

  it('exits 2 for a missing database and does not create it', async () => {
    const missing = newPath();
    const result = await runAudit(['verify', '--db', missing]);
    expect(result).toEqual({ code: 2, out: '', err: `no task database at ${missing} (give its path with --db)\n` });
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('exits 2 for a database this build cannot read', async () => {
    const old = newPath();
    fs.mkdirSync(path.dirname(old), { recursive: true });
    new Database(old).close();
    const result = await runAudit(['verify', '--db', old]);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toMatch(/cannot open the task database .*store_schema_outdated/);
  });
});

describe('audit CLI (child process through tsx)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [require.resolve('tsx/cli'), SCRIPT, ...args], { encoding: 'utf8', timeout: 20_000 });

  it('verifies, exports and reports tampering with real exit codes', async () => {
    const file = newPath();
    const entries = await seedLedgerFile(file, 4);

    const ok = run(['verify', '--db', file]);
    expect({ status: ok.status, stdout: ok.stdout.split('\n')[0] }).toEqual({
      status: 0,
      stdout: 'ledger OK: 4 entries',
    });

    const csv = run(['export', 'T1', '--format', 'csv', '--db', file]);
    expect(csv.status).toBe(0);
    const [header, ...rows] = parseCsv(csv.stdout);
    expect(rows.map((fields) => fromCsvRow(header!, fields))).toEqual(entries.filter((e) => e.taskId === 'T1'));

    const db = new Database(file);
    db.prepare('DELETE FROM ledger WHERE seq = 2').run();
    db.close();
    const broken = run(['verify', '--db', file]);
    expect({ status: broken.status, stdout: broken.stdout }).toEqual({
      status: 1,
      stdout: 'ledger BROKEN at entry 2: sequence_gap\n',
    });

    expect(run(['nonsense']).status).toBe(2);
  });
});
