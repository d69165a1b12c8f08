import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../scripts/policy';

const ROOT = path.join(__dirname, '../..');

async function run(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    readFile: (file) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('policy CLI in-process', () => {
  it('prints a summary and exits 0 for a good file', async () => {
    const result = await run(['check', 'p.yaml'], { 'p.yaml': 'version: 1\nactions: { deny: [files.delete] }\n' });
    expect(result).toEqual({
      code: 0,
      out: [
        'policy OK: version 1; kill switch off; 0 rules; checkpoints: write-internal, write-external, destructive; deny: files.delete; destructive actions off; 0 channel approver sets; default quorum 1; checkpoints expire after 1440 min',
      ],
      err: [],
    });
  });

  it('prints every error as file:line:column path: message and exits 1', async () => {
    const result = await run(['check', 'p.yaml'], {
      'p.yaml': 'version: 1\nkillSwitch: 1\nexpiry: { onExpiry: approve }\nextra: true\n',
    });
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([
      'p.yaml:2:13 killSwitch: expected boolean, got number 1',
      expect.stringMatching(/^p\.yaml:3:21 expiry\.onExpiry: approve is refused/),
      'p.yaml:4:1 extra: unknown key "extra"',
      '3 problems in p.yaml',
    ]);
  });

  it('warns about unreachable quorums without failing', async () => {
    const result = await run(['check', 'p.yaml'], {
      'p.yaml': 'version: 1\nrules:\n  - id: two\n    when: { sharingLink: true }\n    require: { quorum: 2 }\n',
    });
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      'p.yaml: warning: rule two needs 2 approvals, but approvers.default allows only 1; steps it matches there can never be approved',
    ]);
  });

  it('explains a policy for a channel', async () => {
    const result = await run(['explain', 'p.yaml', '--channel-name', 'Ops'], {
      'p.yaml': 'version: 1\napprovers: { channels: [{ match: { channelName: ops }, approvers: [bob] }] }\n',
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain('Approvers here: the requester, bob; 1 approval needed (from approvers.channels[0]).');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await run([], {})).code).toBe(2);
    expect((await run(['lint', 'p.yaml'], {})).code).toBe(2);
    expect((await run(['explain', 'p.yaml', '--bogus', 'x'], { 'p.yaml': 'version: 1\n' })).code).toBe(2);
    expect((await run(['dry-run', 'p.yaml', '--days', 'zero'], { 'p.yaml': 'version: 1\n' })).code).toBe(2);
    expect(
      (await run(['dry-run', 'p.yaml', '--db', '/nonexistent/tasks.db'], { 'p.yaml': 'version: 1\n' })).err,
    ).toEqual(['no task database at /nonexistent/tasks.db (give its path with --db)']);
    expect(await run(['check', 'nope.yaml'], {})).toEqual({
      code: 2,
      out: [],
      err: ['nope.yaml: cannot read (ENOENT)'],
    });
  });
});

describe('policy CLI through tsx', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'policy-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function tsx(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/policy.ts'), ...args],
        { cwd: ROOT, timeout: 20000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
        },
      );
    });
  }

  it('checks the sample, and fails a broken file with exit code 1', async () => {
    const good = await tsx(['check', path.join(ROOT, 'docs/policy.example.yaml')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^policy OK: version 1; kill switch off; 7 rules/);

    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nrules:\n  - id: r\n    when: { recipientsMoreThan: -1 }\n');
    const result = await tsx(['check', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${bad}:4:33 rules[0].when.recipientsMoreThan: must be 0 or more\n`);
  });
});
