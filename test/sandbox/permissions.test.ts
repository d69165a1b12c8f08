import { buildRouter } from '../../src/sandbox/routes';
import { knownPermissions } from '../../src/sandbox/permissions/check';
import { PERMISSION_TABLE } from '../../src/sandbox/permissions/table';
import type { Sandbox } from '../../src/sandbox';
import { ALEX, call, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const as = (subject: string) => ({ as: subject });
const mail = {
  message: {
    subject: 'Hi',
    body: { content: 'x' },
    toRecipients: [{ emailAddress: { address: 'meganb@example.com' } }],
  },
};

describe('sandbox permissions, as Graph enforces them', () => {
  it('declares every route it serves in the permission table (the router refuses a route without a row)', () => {
    expect(() => buildRouter()).not.toThrow();
    for (const rule of PERMISSION_TABLE) expect(rule.doc).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\//);
  });

  it('lets a delegated token do what its scopes cover, and refuses the rest with Exchange’s 403', async () => {
    const read = await call(sandbox, 'GET', '/me/messages?$top=1', as(`${ALEX};scp=Mail.Read`));
    expect(read.status).toBe(200);
    const send = await call(sandbox, 'POST', '/me/sendMail', { ...as(`${ALEX};scp=Mail.Read`), body: mail });
    expect(send.status).toBe(403);
    expect(send.json.error).toMatchObject({
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
    expect(send.json.error.innerError['request-id']).toBeTruthy();
    expect(send.headers.get('x-sandbox-required-permission')).toBe('one of Mail.Send');
    const sent = await call(sandbox, 'POST', '/me/sendMail', { ...as(`${ALEX};scp=Mail.Send`), body: mail });
    expect(sent.status).toBe(202);
  });

  it('accepts any one of the documented permissions, higher privileged ones included, case-insensitively', async () => {
    for (const scp of ['Mail.Read', 'mail.readwrite']) {
      expect((await call(sandbox, 'GET', '/me/messages?$top=1', as(`${ALEX};scp=${scp}`))).status).toBe(200);
    }
    expect((await call(sandbox, 'GET', '/me/messages?$top=1', as(`${ALEX};scp=Calendars.Read`))).status).toBe(403);
  });

  it('names what Teams needs in its 403, as Teams does (chat messages need Chat.Read, not Chat.ReadBasic)', async () => {
    const chats = await call(sandbox, 'GET', '/chats', as(`${ALEX};scp=Chat.ReadBasic`));
    expect(chats.status).toBe(200);
    const chat = chats.json.value[0];
    const messages = await call(sandbox, 'GET', `/chats/${chat.id}/messages`, as(`${ALEX};scp=Chat.ReadBasic`));
    expect(messages.status).toBe(403);
    expect(messages.json.error.code).toBe('Forbidden');
    expect(messages.json.error.message).toContain("API requires one of 'Chat.Read, Chat.ReadWrite'");
    expect((await call(sandbox, 'GET', `/chats/${chat.id}/messages`, as(`${ALEX};scp=Chat.Read`))).status).toBe(200);
  });

  it('checks application roles, with the directory’s 403', async () => {
    expect((await call(sandbox, 'GET', '/users', as('app;roles=User.ReadBasic.All'))).status).toBe(200);
    const refused = await call(sandbox, 'GET', '/users', as('app;roles=Mail.Read'));
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('Authorization_RequestDenied');
  });

  it.each([
    ['POST', '/users/meganb@example.com/findMeetingTimes', { attendees: [] }],
    ['GET', '/users/meganb@example.com/drive/recent', undefined],
    ['GET', '/users/meganb@example.com/planner/plans', undefined],
    ['GET', '/chats', undefined],
  ])(
    'refuses the application %s %s, which Graph does not support for applications, even with the default grant',
    async (method, path, body) => {
      const plain = await call(sandbox, method, path, { as: 'app', body });
      expect(plain.status).toBe(403);
      expect(plain.headers.get('x-sandbox-required-permission')).toBe('not supported with application permissions');
      const everything = await call(sandbox, method, path, {
        as: `app;roles=${knownPermissions('application').join(' ')}`,
        body,
      });
      expect(everything.status).toBe(403);
    },
  );

  it('refuses a channel post by the application (Graph allows it only to import messages)', async () => {
    const teams = await call(sandbox, 'GET', '/me/joinedTeams');
    const team = teams.json.value[0];
    const channels = await call(sandbox, 'GET', `/teams/${team.id}/channels`);
    const post = await call(sandbox, 'POST', `/teams/${team.id}/channels/${channels.json.value[0].id}/messages`, {
      as: 'app',
      body: { body: { content: 'hello' } },
    });
    expect(post.status).toBe(403);
  });

  it('refuses a token that carries no permission (401), and a claim of the wrong kind', async () => {
    const empty = await call(sandbox, 'GET', '/me/messages', as(`${ALEX};scp=`));
    expect(empty.status).toBe(401);
    expect(empty.json.error.message).toBe('Either scp or roles claim need to be present in the token.');
    expect((await call(sandbox, 'GET', '/me/messages', as(`${ALEX};roles=Mail.Read`))).status).toBe(401);
    expect((await call(sandbox, 'GET', '/users', as('app;scp=User.Read.All'))).status).toBe(401);
  });

  it('checks each request inside a $batch with the batch’s token', async () => {
    const batch = await call(sandbox, 'POST', '/$batch', {
      ...as(`${ALEX};scp=Mail.Read`),
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/me/messages?$top=1' },
          { id: '2', method: 'GET', url: '/me/events?$top=1' },
        ],
      },
    });
    expect(batch.status).toBe(200);
    const statuses = Object.fromEntries(
      batch.json.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(statuses).toEqual({ '1': 200, '2': 403 });
  });
});
