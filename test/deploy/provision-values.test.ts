import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { LedgerKeyring } from '../../src/ledger/keyring';
import { REPO } from './fixture';

/** scripts/deploy/provision-values.mjs, run as the toolkit's `script` action runs it. */
function run(env: Record<string, string>): Record<string, string> {
  const result = spawnSync(process.execPath, [path.join(REPO, 'scripts/deploy/provision-values.mjs')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  const out: Record<string, string> = {};
  for (const line of result.stdout.split('\n').filter((l) => l !== '')) {
    const match = /^::set-teamsfx-env ([A-Z_]+)=(\S+)$/.exec(line);
    if (!match) throw new Error(`unexpected output line: ${line}`);
    out[match[1]!] = match[2]!;
  }
  return out;
}

describe('scripts/deploy/provision-values.mjs', () => {
  it('makes a resource suffix, a ledger key the app accepts and a password PostgreSQL accepts', () => {
    const out = run({});
    expect(Object.keys(out).sort()).toEqual([
      'RESOURCE_SUFFIX',
      'SECRET_LEDGER_SIGNING_KEY',
      'SECRET_LEDGER_VERIFY_KEYS',
      'SECRET_POSTGRES_ADMIN_PASSWORD',
    ]);
    // No retired keys yet, said with a word: arm/deploy refuses an empty variable.
    expect(out.SECRET_LEDGER_VERIFY_KEYS).toBe('none');
    // The toolkit reads a value up to the first space or quote.
    for (const value of Object.values(out)) expect(value).toMatch(/^[^\s"']+$/);
    expect(out.RESOURCE_SUFFIX).toMatch(/^[a-z0-9]{6}$/);
    const keys = loadConfig({ LEDGER_SIGNING_KEY: out.SECRET_LEDGER_SIGNING_KEY }).ledger;
    expect(keys.signing).toMatchObject({
      algorithm: 'hmac-sha256',
      id: expect.stringMatching(/^ledger-\d{4}-\d{2}-\d{2}$/),
    });
    expect(new LedgerKeyring(keys.signing, keys.retired).signingId).toBe(keys.signing?.id);
    // Azure Database for PostgreSQL: 8-128 characters from at least three of the four classes;
    // only URL-safe characters, so DATABASE_URL needs no escaping beyond uriComponent.
    const password = out.SECRET_POSTGRES_ADMIN_PASSWORD ?? '';
    expect(password).toMatch(/^[A-Za-z0-9._~-]{32}$/);
    for (const set of [/[a-z]/, /[A-Z]/, /[0-9]/, /[._~-]/]) expect(password).toMatch(set);
  });

  it('makes different values each time', () => {
    const [a, b] = [run({}), run({})];
    expect(a.SECRET_LEDGER_SIGNING_KEY).not.toBe(b.SECRET_LEDGER_SIGNING_KEY);
    expect(a.SECRET_POSTGRES_ADMIN_PASSWORD).not.toBe(b.SECRET_POSTGRES_ADMIN_PASSWORD);
  });

  it('keeps values already set: provisioning again rotates nothing', () => {
    const set = {
      RESOURCE_SUFFIX: 'abc123',
      SECRET_LEDGER_SIGNING_KEY: 'k2:hmac-sha256:x',
      SECRET_POSTGRES_ADMIN_PASSWORD: 'p',
      SECRET_LEDGER_VERIFY_KEYS: 'k1:hmac-sha256:y',
    };
    expect(run(set)).toEqual({});
    // Blank counts as unset.
    expect(run({ ...set, SECRET_LEDGER_SIGNING_KEY: '  ', SECRET_LEDGER_VERIFY_KEYS: '' })).toEqual({
      SECRET_LEDGER_SIGNING_KEY: expect.stringMatching(/:hmac-sha256:/),
      SECRET_LEDGER_VERIFY_KEYS: 'none',
    });
  });
});
