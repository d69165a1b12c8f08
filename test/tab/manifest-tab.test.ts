import { loadConfig } from '../../src/config';
import { substitute } from '../../scripts/package-app';
import { readManifest, REPO } from '../app-package/fixture';

describe('the app package declares the Tasks tab the bot serves', () => {
  const manifest = readManifest(REPO) as unknown as {
    staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
    validDomains: string[];
    webApplicationInfo: { id: string; resource: string };
  };

  it('as a personal static tab at /tab/ on the bot’s own domain, which is a valid domain', () => {
    const tab = manifest.staticTabs.find((t) => t.entityId === 'tasks');
    expect(tab).toMatchObject({ name: 'Tasks', contentUrl: 'https://${{BOT_DOMAIN}}/tab/', scopes: ['personal'] });
    expect(manifest.validDomains).toContain('${{BOT_DOMAIN}}');
  });

  it('with the SSO resource the server checks tokens against', () => {
    const vars = { BOT_ID: '6b7a3c2e-1d4f-4a8b-9c0d-1e2f3a4b5c6d', BOT_DOMAIN: 'delegate.contoso.com' };
    const resource = (substitute(manifest.webApplicationInfo, vars).value as { resource: string }).resource;
    const config = loadConfig({ ...vars, BOT_PASSWORD: 'x', DELEGATE_GRAPH: 'sandbox' });
    expect(resource).toBe('api://delegate.contoso.com/botid-6b7a3c2e-1d4f-4a8b-9c0d-1e2f3a4b5c6d');
    expect(config.tab.ssoAudience).toBe(resource);
  });
});
