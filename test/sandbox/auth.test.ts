import type { Sandbox } from '../../src/sandbox';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { ALEX, call, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const megan = SANDBOX_DIRECTORY.users.find((u) => u.mail === MEGAN)!;

describe('authentication', () => {
  it('refuses a request without a token with Graph 401 and error body', async () => {
    const res = await call(sandbox, 'GET', '/me', { as: null, headers: { 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('InvalidAuthenticationToken');
    expect(res.json.error.innerError['client-request-id']).toBe('abc-123');
    expect(res.json.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(res.json.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses an unknown user and a malformed token', async () => {
    expect((await call(sandbox, 'GET', '/me', { as: 'nobody@example.com' })).status).toBe(401);
    const res = await fetch(`${sandbox.url}/me`, { headers: { Authorization: 'Bearer eyJ0eXAi' } });
    expect(res.status).toBe(401);
  });

  it('accepts the object id in place of the UPN', async () => {
    const res = await call(sandbox, 'GET', '/me', { as: megan.id });
    expect(res.json.userPrincipalName).toBe(MEGAN);
  });

  it('answers /me for a delegated user with request-id headers', async () => {
    const res = await call(sandbox, 'GET', '/me');
    expect(res.status).toBe(200);
    expect(res.json.userPrincipalName).toBe(ALEX);
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('rejects /me with the app token like Graph', async () => {
    const res = await call(sandbox, 'GET', '/me/messages', { as: 'app' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('/me request is only valid with delegated authentication flow.');
  });

  it("forbids a user from reading another user's mailbox, calendar and settings", async () => {
    for (const path of [
      `/users/${MEGAN}/messages`,
      `/users/${megan.id}/events`,
      `/users/${MEGAN}/mailboxSettings`,
      `/users/${MEGAN}/mailFolders/inbox/messages`,
    ]) {
      const res = await call(sandbox, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('ErrorAccessDenied');
    }
  });

  it('lets the app read any mailbox, by id or by UPN in any case', async () => {
    expect((await call(sandbox, 'GET', `/users/${megan.id}/messages`, { as: 'app' })).status).toBe(200);
    const byUpn = await call(sandbox, 'GET', '/users/MeganB@Example.com/messages?$top=1', { as: 'app' });
    expect(byUpn.status).toBe(200);
    expect(byUpn.json.value).toHaveLength(1);
  });

  it('lets a user read their own mailbox through /users/{upn}', async () => {
    expect((await call(sandbox, 'GET', '/users/ALEXW@example.com/messages?$top=1')).status).toBe(200);
  });

  it('answers unknown paths, users and versions with Graph errors', async () => {
    const unknown = await call(sandbox, 'GET', '/me/nonsense');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('BadRequest');
    const user = await call(sandbox, 'GET', '/users/ghost@example.com');
    expect(user.status).toBe(404);
    expect(user.json.error.code).toBe('Request_ResourceNotFound');
    const mailbox = await call(sandbox, 'GET', '/users/ghost@example.com/messages', { as: 'app' });
    expect(mailbox.status).toBe(404);
    expect(mailbox.json.error.code).toBe('ErrorInvalidUser');
    const version = await fetch(sandbox.url.replace('/v1.0', '/v9.9/me'), {
      headers: { Authorization: `Bearer sandbox:${ALEX}` },
    });
    expect(version.status).toBe(400);
    const method = await call(sandbox, 'PUT', '/me/messages');
    expect(method.status).toBe(405);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`${sandbox.url}/me/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer sandbox:${ALEX}`, 'Content-Type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
  });
});
