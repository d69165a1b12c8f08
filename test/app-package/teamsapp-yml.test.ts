import fs from 'node:fs';
import path from 'node:path';
import { parseEnvText } from '../../src/env-file';
import { REPO } from './fixture';

/**
 * teamsapp.yml must stay truthful: every file it points at exists, every variable it reads
 * is documented in env/.env.dev, every variable it writes has a place there. Checked on the
 * text (no YAML parser among the dependencies); comment lines are skipped.
 */
const yml = fs.readFileSync(path.join(REPO, 'teamsapp.yml'), 'utf8');
const live = yml
  .split('\n')
  .filter((line) => !/^\s*#/.test(line))
  .join('\n');
const devKeys = Object.keys(parseEnvText(fs.readFileSync(path.join(REPO, 'env', '.env.dev'), 'utf8')));
/** Toolkit built-ins that are not kept in env files. */
const BUILT_IN = ['TEAMSFX_ENV'];

describe('teamsapp.yml', () => {
  it('declares the schema version it uses, and ./env as the environment folder', () => {
    const schema = /\$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v\d+\.\d+)\/yaml\.schema\.json/.exec(yml)?.[1];
    expect(schema).toBeDefined();
    expect(live).toMatch(new RegExp(`^version: ${schema?.replace('.', '\\.')}$`, 'm'));
    expect(live).toMatch(/^environmentFolderPath: \.\/env$/m);
  });

  it('points only at files that exist (build outputs aside)', () => {
    const paths = [...live.matchAll(/:\s+(\.\/[^\s"]+)/g)].map((m) => m[1] ?? '');
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      if (p.startsWith('./appPackage/build')) continue;
      expect([p, fs.existsSync(path.join(REPO, p))]).toEqual([p, true]);
    }
  });

  it('reads only variables env/.env.dev defines', () => {
    const used = [...live.matchAll(/\$\{\{\s*([A-Z_][A-Z0-9_]*)\s*\}\}/g)].map((m) => m[1] ?? '');
    expect(used).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_ENDPOINT', 'APP_NAME_SUFFIX']));
    expect(used.filter((name) => !devKeys.includes(name) && !BUILT_IN.includes(name))).toEqual([]);
  });

  it('writes ids into env/.env.dev and the secret into the .user file', () => {
    const blocks = [...live.matchAll(/writeToEnvironmentFile:\n((?:\s{6}\w+: \w+\n)+)/g)].map((m) => m[1] ?? '');
    const written = blocks.flatMap((b) => [...b.matchAll(/: (\w+)/g)].map((m) => m[1] ?? ''));
    expect(written).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'BOT_ID', 'SECRET_BOT_PASSWORD', 'BOT_TENANT_ID']));
    const example = fs.readFileSync(path.join(REPO, 'env', '.env.dev.user.example'), 'utf8');
    for (const name of written) {
      if (name.startsWith('SECRET_')) expect(example).toContain(`${name}=`);
      else expect(devKeys).toContain(name);
    }
  });

  it('registers the messaging endpoint Delegate serves, on the Teams channel', () => {
    expect(live).toContain('messagingEndpoint: ${{BOT_ENDPOINT}}/api/messages');
    expect(live).toMatch(/channels:\n\s+- name: msteams/);
    for (const action of [
      'teamsApp/create',
      'aadApp/create',
      'botFramework/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]) {
      expect(live).toContain(`uses: ${action}`);
    }
  });
});
