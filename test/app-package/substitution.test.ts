import fs from 'node:fs';
import path from 'node:path';
import { packageApp, readEnvironment, substitute } from '../../scripts/package-app';
import { parseEnvText } from '../../src/env-file';
import { editManifest, PROVISIONED, useRepoCopies } from './fixture';

const copy = useRepoCopies();

describe('variable substitution', () => {
  it('fails clearly on a variable no env file defines, and writes nothing', () => {
    const root = copy();
    editManifest(root, (m) => {
      m.developer = {
        name: 'Delegate',
        websiteUrl: 'https://${{PUBLISHER_DOMAIN}}/delegate',
        privacyUrl: 'https://example.com/p',
        termsOfUseUrl: 'https://example.com/t',
      };
    });
    const result = packageApp({ root, env: 'local', outDir: path.join(root, 'out') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(['${{PUBLISHER_DOMAIN}} is not defined in env/.env.local or env/.env.local.user']);
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('lists every missing variable once, sorted', () => {
    const out = substitute({ a: '${{B}} ${{A}}', b: ['${{ B }}'], c: 3 }, {});
    expect(out.missing).toEqual(['A', 'B']);
  });

  it('fails clearly when the manifest is not a JSON object', () => {
    const root = copy();
    const file = path.join(root, 'appPackage', 'manifest.json');
    fs.writeFileSync(file, 'null');
    expect(packageApp({ root, env: 'local' })).toEqual({
      ok: false,
      problems: ['appPackage/manifest.json: must hold a JSON object'],
      notices: [],
    });
    fs.writeFileSync(file, '{ "id": ');
    const result = packageApp({ root, env: 'local' });
    expect(result.ok ? '' : result.problems[0]).toMatch(/^appPackage\/manifest\.json: .*JSON/);
  });

  it('fails when the environment has no env file at all', () => {
    const root = copy();
    expect(packageApp({ root, env: 'staging' })).toEqual({
      ok: false,
      problems: ['env/.env.staging not found'],
      notices: [],
    });
  });

  it('rejects an environment name that could leave env/', () => {
    const result = packageApp({ root: copy(), env: '../secrets' });
    expect(result.ok).toBe(false);
  });

  it('expands inside JSON strings, so a value with quotes cannot break the manifest', () => {
    const out = substitute({ name: { full: 'Delegate ${{SUFFIX}}' }, n: 1 }, { SUFFIX: '"beta" \\ test' });
    expect(out.value).toEqual({ name: { full: 'Delegate "beta" \\ test' }, n: 1 });
    expect(out.missing).toEqual([]);
  });

  it('records where an empty variable was used', () => {
    expect(substitute({ bots: [{ botId: '${{BOT_ID}}' }] }, { BOT_ID: '' }).empty).toEqual([
      { path: '/bots/0/botId', name: 'BOT_ID' },
    ]);
  });

  it('lets env/.env.<env>.user override env/.env.<env>', () => {
    const root = copy();
    fs.writeFileSync(path.join(root, 'env', '.env.dev.user'), `BOT_ID=${PROVISIONED.BOT_ID}\nAPP_NAME_SUFFIX=-test\n`);
    expect(readEnvironment(root, 'dev')).toMatchObject({
      BOT_ID: PROVISIONED.BOT_ID,
      APP_NAME_SUFFIX: '-test',
      TEAMSFX_ENV: 'dev',
    });
  });
});

describe('env file parsing', () => {
  it('reads KEY=VALUE lines, skips comments and blank lines, strips matching quotes', () => {
    const text = [
      '# comment',
      '',
      'A=1',
      '  B = two words  ',
      'C="quoted # not a comment"',
      "D='single'",
      'E=',
      'not a line',
      '#F=commented',
    ].join('\n');
    expect(parseEnvText(text)).toEqual({ A: '1', B: 'two words', C: 'quoted # not a comment', D: 'single', E: '' });
  });
});
