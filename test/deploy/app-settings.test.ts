import { CONFIG_KEYS, loadConfig, type Config } from '../../src/config';
import { bicepAppSettings, read, type AppSetting } from './fixture';

/**
 * infra/azure.bicep's App Service settings are Delegate's whole production configuration
 * (env/ is not deployed: .webappignore). This is what breaks first when either side changes:
 * a setting the configuration starts to require, or a Bicep name nobody reads.
 */
const settings = bicepAppSettings(read('infra/azure.bicep'));
const names = settings.map((s) => s.name);

/** Platform settings App Service itself reads (docs/deploy.md, "What is deployed"). */
const PLATFORM = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND', 'WEBSITE_RUN_FROM_PACKAGE'];
/** Read by the telemetry set-up (OpenTelemetry / Azure Monitor exporters), not by src/config.ts. */
const TELEMETRY = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME'];

/** What the provisioned parameters and Key Vault secrets look like, for the settings Bicep computes. */
const EXAMPLES: Readonly<Record<string, string>> = {
  BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_TENANT_ID: '0f1e2d3c-4b5a-4968-8776-655443322110',
  OAUTH_CONNECTION_NAME: 'delegate-sso',
  TENANT_DOMAINS: 'contoso.com,contoso.co.uk',
  DEFAULT_TIME_ZONE: 'Europe/London',
  POLICY_FILE: '',
  LOG_LEVEL: 'info',
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
  // Key Vault references, as App Service resolves them.
  BOT_PASSWORD: 'client-secret-value',
  DATABASE_URL: 'postgres://delegate_admin:Pa55-word~x@delegatedev-pg-abc.postgres.database.azure.com:5432/delegate',
  LEDGER_SIGNING_KEY: `ledger-2026-11-24:hmac-sha256:${Buffer.alloc(32, 7).toString('base64url')}`,
  // The placeholder secret before the first rotation (a Key Vault secret cannot be empty).
  LEDGER_VERIFY_KEYS: ' ',
};

/** A literal Bicep string without interpolation, e.g. 'SingleTenant'. */
const literal = (s: AppSetting) => /^'([^'$]*)'$/.exec(s.value)?.[1];

function productionEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of settings) {
    const value = literal(s) ?? EXAMPLES[s.name];
    if (value === undefined) throw new Error(`no example value for ${s.name} (${s.value}): add one to EXAMPLES`);
    env[s.name] = value;
  }
  return env;
}

const msaAppType = /msaAppType: '(\w+)'/.exec(read('infra/botRegistration/azurebot.bicep'))?.[1];

/** Whether a configuration is the production one infra/ provisions, not merely a valid one. */
function productionProblem(env: Record<string, string>): string | undefined {
  let config: Readonly<Config>;
  try {
    config = loadConfig(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (config.local) return 'local mode';
  if (config.bot.type !== msaAppType) return `BOT_TYPE ${config.bot.type}, the Azure Bot is ${msaAppType}`;
  if (config.graph.kind !== 'microsoft' || config.graph.auth.kind !== 'obo') return 'not Graph as the requester';
  if (config.store.kind !== 'postgres') return 'not the PostgreSQL store';
  if (config.ledger.signing === undefined) return 'no ledger signing key';
  if (config.safety.tenantDomains.length === 0) return 'no tenant domains';
  return undefined;
}

describe('infra/azure.bicep app settings', () => {
  it('are read by the app, or are platform or telemetry settings', () => {
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => ![...CONFIG_KEYS, ...PLATFORM, ...TELEMETRY].includes(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('make a valid production configuration (microsoft Graph as the requester, PostgreSQL, signed ledger)', () => {
    expect(productionProblem(productionEnv())).toBeUndefined();
  });

  it('each required one is needed: without it the app refuses to start or is not the production app', () => {
    const required = names.filter((name) => {
      const env = productionEnv();
      delete env[name];
      return productionProblem(env) !== undefined;
    });
    expect(required.sort()).toEqual(
      [
        'BOT_ID',
        'BOT_PASSWORD',
        'BOT_TENANT_ID',
        'BOT_TYPE',
        'DATABASE_URL',
        'LEDGER_SIGNING_KEY',
        'OAUTH_CONNECTION_NAME',
        'TENANT_DOMAINS',
      ].sort(),
    );
  });

  it('keep secrets in Key Vault: each secret is a reference to a secret the template creates', () => {
    const bicep = read('infra/azure.bicep');
    const created = [...bicep.matchAll(/vaults\/secrets@[\d-]+' = \{\s+parent: keyVault\s+name: '([a-z-]+)'/g)].map(
      (m) => m[1],
    );
    for (const name of ['BOT_PASSWORD', 'DATABASE_URL', 'LEDGER_SIGNING_KEY', 'LEDGER_VERIFY_KEYS']) {
      const value = settings.find((s) => s.name === name)?.value ?? '';
      const secret = /^'@Microsoft\.KeyVault\(SecretUri=\$\{keyVaultUri\}secrets\/([a-z-]+)\/\)'$/.exec(value)?.[1];
      expect([name, secret !== undefined && created.includes(secret)]).toEqual([name, true]);
    }
    // Nothing else looks like a secret in plain text.
    for (const s of settings.filter((s) => /PASSWORD|SECRET|KEY$|_URL$/.test(s.name)))
      expect([s.name, s.value.startsWith("'@Microsoft.KeyVault(")]).toEqual([s.name, true]);
  });

  it('name the OAuth connection the Azure Bot module creates, and the Linux Node 22 start command', () => {
    const bicep = read('infra/azure.bicep');
    expect(settings.find((s) => s.name === 'OAUTH_CONNECTION_NAME')?.value).toBe('oauthConnectionName');
    expect(bicep).toMatch(
      /module azureBot '.\/botRegistration\/azurebot.bicep'[\s\S]*oauthConnectionName: oauthConnectionName/,
    );
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain("appCommandLine: 'node dist/index.js'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
  });
});
