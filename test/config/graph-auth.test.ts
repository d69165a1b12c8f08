import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, type Config, type GraphAuthConfig } from '../../src/config';

const BOT = { BOT_ID: 'bot-app', BOT_PASSWORD: 'bot-secret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tenant-1' };

function authOf(config: Config): GraphAuthConfig {
  if (config.graph.kind !== 'microsoft') throw new Error('expected real Graph');
  return config.graph.auth;
}

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('GRAPH_AUTH', () => {
  let dir = '';
  let pem = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-graph-auth-'));
    pem = path.join(dir, 'app.pem');
    writeFileSync(pem, '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('acts as the requester by default (obo), which needs the OAuth connection', () => {
    expect(problemsOf(BOT)).toMatch(/OAUTH_CONNECTION_NAME: required for GRAPH_AUTH=obo/);
    expect(authOf(loadConfig({ ...BOT, OAUTH_CONNECTION_NAME: 'graph' }))).toMatchObject({
      kind: 'obo',
      clientId: 'bot-app',
      app: { clientSecret: 'bot-secret' },
      connectionName: 'graph',
    });
  });

  it("runs app-only with the bot's own app registration and its secret when GRAPH_AUTH=secret", () => {
    expect(authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'secret' }))).toEqual({
      kind: 'secret',
      tenantId: 'tenant-1',
      clientId: 'bot-app',
      clientSecret: 'bot-secret',
      authorityHost: 'https://login.microsoftonline.com',
    });
  });

  it('uses a separate Entra app when AAD_APP_* name one, never with the bot password', () => {
    const auth = authOf(
      loadConfig({
        ...BOT,
        GRAPH_AUTH: 'secret',
        AAD_APP_CLIENT_ID: 'graph-app',
        AAD_APP_TENANT_ID: 'tenant-2',
        AAD_APP_CLIENT_SECRET: 'graph-secret',
      }),
    );
    expect(auth).toMatchObject({
      kind: 'secret',
      clientId: 'graph-app',
      tenantId: 'tenant-2',
      clientSecret: 'graph-secret',
    });
    expect(problemsOf({ ...BOT, GRAPH_AUTH: 'secret', AAD_APP_CLIENT_ID: 'graph-app' })).toMatch(
      /AAD_APP_CLIENT_SECRET/,
    );
  });

  it('refuses a secret the toolkit left encrypted', () => {
    expect(problemsOf({ ...BOT, GRAPH_AUTH: 'secret', SECRET_AAD_APP_CLIENT_SECRET: 'crypto_abc' })).toMatch(
      /encrypted/,
    );
    expect(authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'secret', SECRET_AAD_APP_CLIENT_SECRET: 'plain' }))).toMatchObject({
      clientSecret: 'plain',
    });
  });

  it('takes a certificate file, which must exist', () => {
    expect(authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'certificate', AAD_APP_CERTIFICATE_PATH: pem }))).toMatchObject({
      kind: 'certificate',
      certificatePath: pem,
      clientId: 'bot-app',
    });
    expect(problemsOf({ ...BOT, GRAPH_AUTH: 'certificate' })).toMatch(/AAD_APP_CERTIFICATE_PATH: required/);
    expect(
      problemsOf({ ...BOT, GRAPH_AUTH: 'certificate', AAD_APP_CERTIFICATE_PATH: path.join(dir, 'missing.pem') }),
    ).toMatch(/no file at/);
  });

  it('takes a system- or user-assigned managed identity', () => {
    expect(authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'managed-identity' }))).toEqual({
      kind: 'managed-identity',
      clientId: undefined,
    });
    expect(authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'managed-identity', MANAGED_IDENTITY_CLIENT_ID: 'uami' }))).toEqual({
      kind: 'managed-identity',
      clientId: 'uami',
    });
    expect(
      authOf(
        loadConfig({
          BOT_ID: 'msi-app',
          BOT_TYPE: 'UserAssignedMSI',
          BOT_TENANT_ID: 't',
          GRAPH_AUTH: 'managed-identity',
        }),
      ),
    ).toEqual({ kind: 'managed-identity', clientId: 'msi-app' });
  });

  it('needs the app credential and the OAuth connection for on-behalf-of', () => {
    expect(authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'obo', OAUTH_CONNECTION_NAME: 'graph-sso' }))).toEqual({
      kind: 'obo',
      tenantId: 'tenant-1',
      clientId: 'bot-app',
      app: { clientSecret: 'bot-secret' },
      connectionName: 'graph-sso',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(
      authOf(loadConfig({ ...BOT, GRAPH_AUTH: 'obo', OAUTH_CONNECTION_NAME: 'c', AAD_APP_CERTIFICATE_PATH: pem })),
    ).toMatchObject({ app: { certificatePath: pem } });
    const problems = problemsOf({
      BOT_ID: 'x',
      BOT_TYPE: 'UserAssignedMSI',
      GRAPH_AUTH: 'obo',
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    });
    for (const name of [
      'OAUTH_CONNECTION_NAME',
      'AAD_APP_CLIENT_SECRET or AAD_APP_CERTIFICATE_PATH',
      'AAD_APP_TENANT_ID',
    ])
      expect(problems).toContain(name);
  });

  it('rejects an unknown GRAPH_AUTH and ignores it for the sandbox', () => {
    expect(problemsOf({ ...BOT, GRAPH_AUTH: 'password' })).toMatch(/GRAPH_AUTH/);
    expect(loadConfig({ GRAPH_AUTH: 'obo' }).graph.kind).toBe('sandbox');
  });
});
