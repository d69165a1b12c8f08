import type { Sandbox } from '../../src/sandbox';
import { call, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('$batch', () => {
  it('runs each request through the router with the batch identity and returns them by id', async () => {
    const res = await call(sandbox, 'POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/me?$select=displayName' },
          { id: '2', method: 'GET', url: "me/mailFolders('inbox')/messages?$top=2&$select=subject" },
          { id: '3', method: 'GET', url: `/users/${MEGAN}/messages` },
          {
            id: '4',
            method: 'POST',
            url: '/me/messages',
            headers: { 'Content-Type': 'application/json' },
            body: { subject: 'Batched draft' },
          },
          {
            id: '5',
            method: 'GET',
            url: '/users?$search="displayName:meg"',
            headers: { ConsistencyLevel: 'eventual' },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 200, body: { displayName: 'Alex Wilber' } });
    expect(byId['1'].headers['Content-Type']).toContain('application/json');
    expect(byId['2'].body.value).toHaveLength(2);
    expect(byId['3']).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
    expect(byId['4']).toMatchObject({ status: 201, body: { subject: 'Batched draft', isDraft: true } });
    expect(byId['5'].body.value.map((u: { displayName: string }) => u.displayName)).toEqual(['Megan Bowen']);
  });

  it('refuses more than 20 requests, and an unauthenticated batch', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    const res = await call(sandbox, 'POST', '/$batch', { body: { requests } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadRequest');
    expect((await call(sandbox, 'POST', '/$batch', { body: { requests: requests.slice(0, 20) } })).status).toBe(200);
    expect(
      (await call(sandbox, 'POST', '/$batch', { as: null, body: { requests: requests.slice(0, 1) } })).status,
    ).toBe(401);
  });

  it('fails dependants of a failed request with 424 and validates the payload', async () => {
    const res = await call(sandbox, 'POST', '/$batch', {
      body: {
        requests: [
          { id: 'a', method: 'GET', url: '/me/messages/does-not-exist' },
          { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
          { id: 'c', method: 'POST', url: '/me/messages', body: { subject: 'no content type' } },
        ],
      },
    });
    const [a, b, c] = res.json.responses;
    expect(a.status).toBe(404);
    expect(b.status).toBe(424);
    expect(c.status).toBe(400);
    expect((await call(sandbox, 'POST', '/$batch', { body: { requests: [{ id: '1', method: 'GET' }] } })).status).toBe(
      400,
    );
    expect(
      (
        await call(sandbox, 'POST', '/$batch', {
          body: { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] },
        })
      ).status,
    ).toBe(400);
  });
});
