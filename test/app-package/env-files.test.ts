import fs from 'node:fs';
import path from 'node:path';
import { parseEnvText } from '../../src/env-file';
import { envFiles, loadConfig } from '../../src/config';
import { REPO } from './fixture';

/** What src/config.ts reads. */
const CONFIG_KEYS = [
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_DEPLOYMENT',
  'AZURE_OPENAI_API_VERSION',
  'AZURE_OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_MODEL',
  'OPENAI_API_KEY',
  'LLM_MODEL_FAMILY',
  'LLM_REASONING_EFFORT',
  'LLM_REASONING_TOKENS',
  'LLM_TEMPERATURE',
  'LLM_TOKEN_LIMIT_PARAM',
  'LLM_TIMEOUT_MS',
  'LLM_MAX_RETRIES',
  'LLM_MAX_RETRY_WAIT_MS',
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TYPE',
  'BOT_TENANT_ID',
  'PORT',
  'SANDBOX_GRAPH_PORT',
  'SANDBOX_GRAPH_URL',
  'DELEGATE_GRAPH',
  'GRAPH_BASE_URL',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'DATABASE_SSL',
  'DATABASE_SSL_CA_FILE',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_POOL_MAX',
  'LOG_LEVEL',
  'DEFAULT_TIME_ZONE',
  'WORKER_LEASE_MS',
  'WORKER_POLL_MS',
  'WORKER_CONCURRENCY',
  'TASK_MAX_STEPS',
  'TASK_MAX_MINUTES',
  'STEP_TIMEOUT_MS',
  'GRAPH_TIMEOUT_MS',
  'POLICY_FILE',
  'GRAPH_AUTH',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_TENANT_ID',
  'AAD_APP_CERTIFICATE_PATH',
  'MANAGED_IDENTITY_CLIENT_ID',
  'OAUTH_CONNECTION_NAME',
  'AAD_APP_OAUTH_AUTHORITY_HOST',
  'LEDGER_SIGNING_KEY',
  'LEDGER_VERIFY_KEYS',
  'BOT_OPENID_METADATA_URL',
  'MAX_INFLIGHT_ACTIVITIES',
];
/** Toolkit variables: built-ins, and those teamsapp.yml reads or writes. */
const TOOLKIT_KEYS = [
  'TEAMSFX_ENV',
  'APP_NAME_SUFFIX',
  'TEAMS_APP_ID',
  'BOT_ENDPOINT',
  'BOT_OBJECT_ID',
  'SECRET_BOT_PASSWORD',
  'TEAMS_APP_PUBLISHED_APP_ID',
  'AZURE_APP_SERVICE_RESOURCE_ID',
];
/** Named for the future, marked as not read yet where they appear. */
const RESERVED_KEYS = ['AZURE_OPENAI_API_KEY'];

const read = (name: string) => fs.readFileSync(path.join(REPO, 'env', name), 'utf8');
/** Keys assigned in a file, including commented-out `# KEY=value` lines. */
const documentedKeys = (text: string) => [...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);

describe('env files', () => {
  const files = ['.env.local', '.env.local.user.example', '.env.dev', '.env.dev.user.example'];

  it.each(files)('%s names only settings Delegate or the toolkit understand', (name) => {
    const unknown = documentedKeys(read(name)).filter(
      (k) => k && ![...CONFIG_KEYS, ...TOOLKIT_KEYS, ...RESERVED_KEYS].includes(k),
    );
    expect(unknown).toEqual([]);
  });

  it.each(files)('%s has no comment read as part of a value', (name) => {
    for (const [key, value] of Object.entries(parseEnvText(read(name)))) expect(`${key}=${value}`).not.toMatch(/\s#/);
  });

  it('the example .user files carry no secret values', () => {
    for (const name of ['.env.local.user.example', '.env.dev.user.example']) {
      const assigned = parseEnvText(read(name));
      for (const key of ['BOT_PASSWORD', 'SECRET_BOT_PASSWORD', 'AZURE_OPENAI_API_KEY'])
        expect(assigned[key] ?? '').toBe('');
    }
  });

  it('env/.env.local starts the bot in local mode with the documented defaults', () => {
    const config = loadConfig({}, envFiles(REPO, 'local').slice(0, 1));
    expect(config).toMatchObject({
      local: true,
      host: '127.0.0.1',
      port: 3978,
      logLevel: 'info',
      defaultTimeZone: 'UTC',
    });
    expect(config.graph).toMatchObject({ kind: 'sandbox', port: 3979 });
  });

  it('env/.env.dev, with the ids provisioning writes and the secret, is a valid real-tenant configuration', () => {
    const config = loadConfig(
      {
        BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        BOT_TENANT_ID: '0f1e2d3c-4b5a-4968-8776-655443322110',
        BOT_PASSWORD: 'secret',
        // GRAPH_AUTH=obo (the default) needs the Azure Bot's OAuth connection, set on the host.
        OAUTH_CONNECTION_NAME: 'graph',
      },
      [path.join(REPO, 'env', '.env.dev')],
    );
    expect(config).toMatchObject({ local: false, bot: { type: 'SingleTenant' }, graph: { kind: 'microsoft' } });
  });

  it('only the example and committed files are tracked: real .user files are git-ignored', () => {
    const ignore = fs.readFileSync(path.join(REPO, '.gitignore'), 'utf8');
    expect(ignore).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});
