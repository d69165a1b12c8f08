import { catalogueDeclarations, declaredGrants, OTHER_NEEDS } from '../../src/actions/permissions';
import { ssoApplicationIdUri } from '../../src/teams/signin/sso-address';
import { read, readJson } from './fixture';

/**
 * One SSO address everywhere: the Teams manifest (webApplicationInfo.resource), the Entra app
 * manifest (identifierUris), the Azure Bot's OAuth connection (tokenExchangeUrl), the code and
 * the docs. A mismatch is silent until a real tenant refuses the token exchange, so each is
 * rendered with the same sample values and compared.
 */
const BOT_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const BOT_DOMAIN = 'delegatedev.azurewebsites.net';
const EXPECTED = `api://${BOT_DOMAIN}/botid-${BOT_ID}`;

/** Fill the toolkit's `${{NAME}}` placeholders. */
const toolkit = (template: string) =>
  template.replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => ({ BOT_ID, BOT_DOMAIN })[name] ?? `<${name}>`);

interface TeamsManifest {
  readonly bots: readonly { readonly botId: string }[];
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo: { readonly id: string; readonly resource: string };
}
interface PermissionScope {
  readonly id: string;
  readonly value: string;
  readonly type: string;
  readonly isEnabled: boolean;
}
interface AadManifest {
  readonly id: string;
  readonly appId: string;
  readonly signInAudience: string;
  readonly identifierUris: readonly string[];
  readonly api: {
    readonly requestedAccessTokenVersion: number;
    readonly oauth2PermissionScopes: readonly PermissionScope[];
    readonly preAuthorizedApplications: readonly {
      readonly appId: string;
      readonly delegatedPermissionIds: string[];
    }[];
  };
  readonly requiredResourceAccess: readonly {
    readonly resourceAppId: string;
    readonly resourceAccess: readonly { readonly id: string; readonly type: 'Scope' | 'Role' }[];
  }[];
  readonly web: { readonly redirectUris: readonly string[] };
}

const manifest = readJson<TeamsManifest>('appPackage/manifest.json');
const aad = readJson<AadManifest>('aad.manifest.json');
const botBicep = read('infra/botRegistration/azurebot.bicep');

/** Teams desktop and mobile, and Teams on the web: the clients that ask for SSO tokens. */
const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

describe('the SSO address', () => {
  it('is the same in the Teams manifest, the Entra manifest, the Bicep and the code', () => {
    expect(ssoApplicationIdUri(BOT_DOMAIN, BOT_ID)).toBe(EXPECTED);
    expect(toolkit(manifest.webApplicationInfo.resource)).toBe(EXPECTED);
    expect(aad.identifierUris.map(toolkit)).toEqual([EXPECTED]);
    // Bicep: the token exchange URL is the ssoApplicationIdUri variable, built from the bot's params.
    const uri = /^var ssoApplicationIdUri = '(.+)'$/m.exec(botBicep)?.[1] ?? '';
    const bicepValue = uri.replace(
      /\$\{(\w+)\}/g,
      (_m, p: string) => ({ botDomain: BOT_DOMAIN, botAadAppClientId: BOT_ID })[p] ?? `<${p}>`,
    );
    expect(bicepValue).toBe(EXPECTED);
    expect(botBicep).toMatch(/key: 'tokenExchangeUrl'\s+value: ssoApplicationIdUri/);
  });

  it('is what docs/identity.md and docs/deploy.md tell an administrator', () => {
    for (const doc of ['docs/identity.md', 'docs/deploy.md']) {
      const text = read(doc);
      expect([doc, text.includes('api://<BOT_DOMAIN>/botid-<BOT_ID>')]).toEqual([doc, true]);
      // No other form of the address survives (api://botid-…, api://<host>/…).
      const others = [...text.matchAll(/api:\/\/[^\s`)]+/g)]
        .map((m) => m[0])
        .filter((a) => !a.startsWith('api://<BOT_DOMAIN>/botid-<BOT_ID>'));
      expect([doc, others]).toEqual([doc, []]);
    }
  });

  it("belongs to the bot's own app registration, which exposes access_as_user to the Teams clients", () => {
    expect(manifest.webApplicationInfo.id).toBe('${{BOT_ID}}');
    expect(manifest.bots[0]?.botId).toBe('${{BOT_ID}}');
    expect(aad.appId).toBe('${{BOT_ID}}');
    expect(aad.id).toBe('${{BOT_OBJECT_ID}}');
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    const scopes = aad.api.oauth2PermissionScopes;
    expect(scopes.map((s) => [s.value, s.type, s.isEnabled])).toEqual([['access_as_user', 'User', true]]);
    expect(aad.api.preAuthorizedApplications).toEqual(
      TEAMS_CLIENTS.map((appId) => ({ appId, delegatedPermissionIds: [scopes[0]?.id] })),
    );
    // The sign-in card's OAuth flow returns to the token service.
    expect(aad.web.redirectUris).toContain('https://token.botframework.com/.auth/web/redirect');
    // The OAuth connection asks for that scope by default, so Delegate can exchange the token on-behalf-of.
    expect(botBicep).toContain("'openid profile offline_access ${botAadAppClientId}/access_as_user'");
  });

  it('comes with exactly the Graph permissions docs/permissions.md lists for GRAPH_AUTH=obo', () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph');
    const of = (type: 'Scope' | 'Role') =>
      (graph?.resourceAccess ?? []).filter((a) => a.type === type).map((a) => a.id);
    const delegated = declaredGrants(catalogueDeclarations()).delegated;
    expect(of('Scope').sort()).toEqual([...new Set(['openid', 'profile', 'offline_access', ...delegated])].sort());
    const appOwn = OTHER_NEEDS.filter((n) => n.identity === 'application').map((n) => n.permission);
    expect(of('Role').sort()).toEqual([...new Set(appOwn)].sort());
    expect(aad.requiredResourceAccess).toHaveLength(1);
  });
});
