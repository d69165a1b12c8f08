import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../scripts/package-app';
import { REPO, useRepoCopies } from './fixture';

const copy = useRepoCopies();

function run(argv: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = main(argv, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

describe('package-app command line', () => {
  it('exits 0 and names the zip it wrote, after the placeholder notes', () => {
    const root = copy();
    const { code, out } = run(['--env', 'local', '--root', root, '--out', path.join(root, 'out')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^note: TEAMS_APP_ID is not set/m);
    expect(out).toContain(
      `wrote ${path.join(root, 'out', 'appPackage.local.zip')}: manifest.json, color.png, outline.png`,
    );
    expect(fs.existsSync(path.join(root, 'out', 'appPackage.local.zip'))).toBe(true);
  });

  it('exits 1 listing every problem', () => {
    const { code, out } = run(['--env', 'dev', '--root', copy()]);
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      'appPackage/manifest.json is not ready for "dev" (8 problems):',
      '  - /id: TEAMS_APP_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /bots/0/botId: BOT_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /webApplicationInfo/id: BOT_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /staticTabs/0/contentUrl: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /staticTabs/0/websiteUrl: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /validDomains/0: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /webApplicationInfo/resource: BOT_DOMAIN is empty in env/.env.dev (`atk provision --env dev` writes it)',
      '  - /webApplicationInfo/resource: BOT_ID is empty in env/.env.dev (`atk provision --env dev` writes it)',
    ]);
  });

  it('exits 2 with the reason and usage when --env is missing, an argument has no value, or is unknown', () => {
    expect(run([])).toEqual({ code: 2, out: expect.stringMatching(/^--env is required\nusage: /) });
    expect(run(['--env']).code).toBe(2);
    expect(run(['--env', 'local', 'stray']).out).toMatch(/^usage: /m);
    const unknown = run(['--env', 'local', '--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/^Unknown option '--verbose'/);
    expect(unknown.out).toMatch(/^usage: tsx scripts\/package-app.ts --env <name>/m);
  });

  it('runs under tsx as `npm run package:app` would, failing with a non-zero status', async () => {
    const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
    const child = promisify(execFile)(tsx, [
      path.join(REPO, 'scripts', 'package-app.ts'),
      '--env',
      'dev',
      '--root',
      copy(),
    ]);
    await expect(child).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('TEAMS_APP_ID is empty') });
  });
});
