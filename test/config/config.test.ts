import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, envFiles, loadConfig } from '../../src/config';

describe('config', () => {
  it('defaults to local mode: loopback, sandbox tenant, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config.local).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.graph).toEqual({
      kind: 'sandbox',
      port: 3979,
      dbPath: path.resolve('data', 'sandbox.db'),
      lagMs: 0,
      identity: 'user',
    });
    // An app-only GRAPH_AUTH runs the sandbox's user steps as the app; a lag makes it eventually consistent.
    expect(loadConfig({ GRAPH_AUTH: 'secret', SANDBOX_GRAPH_LAG_MS: '2000' }).graph).toMatchObject({
      identity: 'app',
      lagMs: 2000,
    });
    expect(config.storePath).toBe(path.resolve('data', 'delegate.db'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses real Graph and every interface when a bot identity is configured', () => {
    const config = loadConfig({
      BOT_ID: 'app-id',
      BOT_PASSWORD: 'secret',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: 'tenant',
      GRAPH_AUTH: 'secret',
    });
    expect(config.local).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.graph).toEqual({
      kind: 'microsoft',
      baseUrl: 'https://graph.microsoft.com/v1.0',
      auth: {
        kind: 'secret',
        tenantId: 'tenant',
        clientId: 'app-id',
        clientSecret: 'secret',
        authorityHost: 'https://login.microsoftonline.com',
      },
    });
    expect(config.bot).toEqual({ id: 'app-id', password: 'secret', type: 'SingleTenant', tenantId: 'tenant' });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', BOT_TYPE: 'Wrong', LOG_LEVEL: 'loud', TASK_MAX_STEPS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'BOT_TYPE', 'LOG_LEVEL', 'TASK_MAX_STEPS']) expect(problems).toContain(name);
  });

  it('explains what a real-tenant configuration is missing', () => {
    expect(() => loadConfig({ BOT_ID: 'x', BOT_TYPE: 'SingleTenant' })).toThrow(/BOT_PASSWORD[\s\S]*BOT_TENANT_ID/);
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/IANA/);
    expect(() => loadConfig({ DELEGATE_GRAPH: 'microsoft' })).toThrow(/needs BOT_ID/);
  });

  it('uses PostgreSQL when DATABASE_URL is set: TLS verified except on this machine, bad settings named', () => {
    expect(loadConfig({}).store).toEqual({ kind: 'sqlite', path: path.resolve('data', 'delegate.db') });
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/test' }).store).toEqual({
      kind: 'postgres',
      url: 'postgres://localhost/test',
      schema: 'public',
      statementTimeoutMs: 15_000,
      poolMax: 10,
      tls: { mode: 'disable' },
    });
    const azure = loadConfig({
      DATABASE_URL: 'postgres://delegate:secret@delegate.postgres.database.azure.com:5432/delegate',
      DATABASE_SCHEMA: 'bot',
      DATABASE_STATEMENT_TIMEOUT_MS: '5000',
      DATABASE_POOL_MAX: '20',
      DATABASE_SSL_CA_FILE: '/etc/ssl/azure.pem',
    }).store;
    expect(azure).toMatchObject({
      schema: 'bot',
      statementTimeoutMs: 5000,
      poolMax: 20,
      tls: { mode: 'verify-full', caFile: '/etc/ssl/azure.pem' },
    });
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://secret-host/x', DATABASE_SCHEMA: 'Bad-Name', DATABASE_SSL: 'maybe' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('DATABASE_SSL');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://secret-host/x' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/x', DATABASE_SCHEMA: 'Bad-Name' })).toThrow(
      /DATABASE_SCHEMA/,
    );
    // The URL may hold a password: problems name the variable, never echo the value.
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: expected postgres:/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).not.toThrow(/not a url/);
  });

  it('tells unset (blank) from a value', () => {
    expect(loadConfig({ BOT_ID: '  ', PORT: '' }).local).toBe(true);
    expect(loadConfig({ PORT: '' }).port).toBe(3978);
  });

  it('layers env files under the real environment, secrets file last', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'delegate-config-'));
    try {
      mkdirSync(path.join(root, 'env'));
      writeFileSync(
        path.join(root, 'env', '.env.local'),
        '# comment\nPORT=4000\nLOG_LEVEL=debug\nDEFAULT_TIME_ZONE="Europe/London"\n',
      );
      writeFileSync(path.join(root, 'env', '.env.local.user'), 'LOG_LEVEL=warn\n');
      const config = loadConfig({ PORT: '4100' }, envFiles(root, 'local'));
      expect(config.port).toBe(4100);
      expect(config.logLevel).toBe('warn');
      expect(config.defaultTimeZone).toBe('Europe/London');
      expect(loadConfig({}, envFiles(root, 'missing')).port).toBe(3978);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('configures no model by default, Azure OpenAI by endpoint + deployment, or any OpenAI-compatible endpoint', () => {
    expect(loadConfig({}).llm).toBeUndefined();
    expect(
      loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o' }).llm,
    ).toEqual({
      kind: 'azure',
      endpoint: 'https://contoso.openai.azure.com',
      deployment: 'gpt-4o',
      apiVersion: '2025-04-01-preview',
      apiKey: undefined,
      timeoutMs: 60_000,
      maxRetries: 3,
      maxRetryAfterMs: 30_000,
      tokenLimitParam: 'max_completion_tokens',
      profile: { family: 'auto', reasoningEffort: 'low', reasoningTokens: 8000 },
    });
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' }).llm).toEqual(
      expect.objectContaining({
        kind: 'openai',
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'llama3.1',
        apiKey: undefined,
      }),
    );
    expect(() => loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' })).toThrow(
      /AZURE_OPENAI_DEPLOYMENT/,
    );
    expect(() => loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' })).toThrow(/OPENAI_MODEL/);
    expect(() => loadConfig({ OPENAI_MODEL: 'm' })).toThrow(/no endpoint/);
    expect(() =>
      loadConfig({
        AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com',
        AZURE_OPENAI_DEPLOYMENT: 'd',
        OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
        OPENAI_MODEL: 'm',
      }),
    ).toThrow(/both set/);
  });

  it('reads the model profile: family, reasoning effort and budget, temperature, token-limit field, retry-wait cap', () => {
    const azure = { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'planner' };
    expect(
      loadConfig({
        ...azure,
        LLM_MODEL_FAMILY: 'reasoning',
        LLM_REASONING_EFFORT: 'medium',
        LLM_REASONING_TOKENS: '12000',
        LLM_MAX_RETRY_WAIT_MS: '10000',
      }).llm,
    ).toMatchObject({
      maxRetryAfterMs: 10_000,
      profile: { family: 'reasoning', reasoningEffort: 'medium', reasoningTokens: 12_000 },
    });
    expect(
      loadConfig({ ...azure, LLM_MODEL_FAMILY: 'chat', LLM_TEMPERATURE: '0.2', LLM_TOKEN_LIMIT_PARAM: 'max_tokens' })
        .llm,
    ).toMatchObject({ tokenLimitParam: 'max_tokens', profile: { family: 'chat', temperature: 0.2 } });
    expect(loadConfig({ ...azure, LLM_TEMPERATURE: 'none' }).llm?.profile.temperature).toBeNull();
    expect(() => loadConfig({ ...azure, LLM_TEMPERATURE: '7' })).toThrow(/LLM_TEMPERATURE/);
    expect(() => loadConfig({ ...azure, LLM_MODEL_FAMILY: 'reasoning', LLM_TEMPERATURE: '0' })).toThrow(
      /reasoning models accept no temperature/,
    );
    expect(() => loadConfig({ ...azure, LLM_MODEL_FAMILY: 'big' })).toThrow(/LLM_MODEL_FAMILY/);
    expect(() => loadConfig({ ...azure, LLM_MAX_RETRY_WAIT_MS: '120000' })).toThrow(/LLM_MAX_RETRY_WAIT_MS/);
  });

  it('reads budgets and the link allow-list', () => {
    const config = loadConfig({
      BUDGET_USER_DAILY_TOKENS: '50000',
      TENANT_DOMAINS: 'Contoso.com, contoso.onmicrosoft.com',
      LINK_ALLOW_HOSTS: 'learn.microsoft.com',
    });
    expect(config.budgets).toEqual({ userDailyTokens: 50_000, tenantDailyTokens: undefined });
    expect(config.safety).toEqual({
      tenantDomains: ['contoso.com', 'contoso.onmicrosoft.com'],
      linkAllowHosts: ['learn.microsoft.com'],
    });
    expect(loadConfig({}).safety.tenantDomains).toEqual(['example.com']);
    expect(() => loadConfig({ LINK_ALLOW_HOSTS: 'not a host' })).toThrow(/not a domain name/);
    expect(() => loadConfig({ BUDGET_USER_DAILY_TOKENS: '-1' })).toThrow(/BUDGET_USER_DAILY_TOKENS/);
  });

  it('reads the ledger signing key and retired keys, naming problems but never echoing a key', () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({}).ledger).toEqual({ signing: undefined, retired: [] });
    const config = loadConfig({
      LEDGER_SIGNING_KEY: `k2:hmac-sha256:${secret}`,
      LEDGER_VERIFY_KEYS: `k1:hmac-sha256:${secret}, k0:ed25519:AAAA`,
    });
    expect(config.ledger).toEqual({
      signing: { id: 'k2', algorithm: 'hmac-sha256', material: secret },
      retired: [
        { id: 'k1', algorithm: 'hmac-sha256', material: secret },
        { id: 'k0', algorithm: 'ed25519', material: 'AAAA' },
      ],
    });
    let problems: readonly string[] = [];
    try {
      loadConfig({ LEDGER_SIGNING_KEY: 'sekrit-without-shape', LEDGER_VERIFY_KEYS: `k2:hmac-sha256:${secret}` });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([expect.stringMatching(/^LEDGER_SIGNING_KEY: expected/)]);
    expect(problems.join()).not.toContain('sekrit');
    expect(() =>
      loadConfig({ LEDGER_SIGNING_KEY: `k2:hmac-sha256:${secret}`, LEDGER_VERIFY_KEYS: `k2:hmac-sha256:${secret}` }),
    ).toThrow(/key ids must differ/);
  });
});
