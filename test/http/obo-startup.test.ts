import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { SignInRequiredError } from '../../src/graph';
import { createApp } from '../../src/index';

describe('start-up with GRAPH_AUTH=obo', () => {
  it('wires the Teams token source into the gateway: a person who never signed in gets SignInRequiredError, never the app', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-obo-'));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      BOT_ID: '00000000-0000-4000-8000-00000000b07d',
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
      BOT_TYPE: 'SingleTenant',
      GRAPH_AUTH: 'obo',
      OAUTH_CONNECTION_NAME: 'graph',
      // The real Graph root: the missing token stops the call before anything is sent.
    });
    const app = await createApp(config);
    try {
      expect(app.gateway.userIdentity).toBe('user');
      const error = await app.gateway
        .forUser({ id: '7c5e2f3a-1b4d-4e8f-9a2c-3d6b8e1f0a41' })
        .get('/me')
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(SignInRequiredError);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
