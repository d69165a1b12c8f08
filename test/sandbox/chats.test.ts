import type { Sandbox } from '../../src/sandbox';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { ALEX, call, getAll, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const [alex, megan, adele, isaiah] = SANDBOX_DIRECTORY.users;
if (!alex || !megan || !adele || !isaiah) throw new Error('sandbox directory is missing people');
const member = (id: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles: ['owner'],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
});
const oneOnOne = (a: string, b: string) => ({ chatType: 'oneOnOne', members: [member(a), member(b)] });

describe('chats', () => {
  it('lists my chats, most recent first, and the same through /users/{id}/chats', async () => {
    const mine = await call(sandbox, 'GET', '/chats');
    expect(mine.status).toBe(200);
    expect(mine.json.value.map((c: { chatType: string; topic: string | null }) => [c.chatType, c.topic])).toEqual([
      ['group', 'Spring launch'],
      ['oneOnOne', null],
    ]);
    expect(mine.json.value[1].id).toBe(`19:${[alex.id, megan.id].sort().join('_')}@unq.gbl.spaces`);
    const viaUser = await call(sandbox, 'GET', `/users/${alex.id}/chats`);
    expect(viaUser.json.value.map((c: { id: string }) => c.id)).toEqual(
      mine.json.value.map((c: { id: string }) => c.id),
    );
    const filtered = await call(sandbox, 'GET', "/me/chats?$filter=chatType eq 'oneOnOne'");
    expect(filtered.json.value).toHaveLength(1);
    expect((await call(sandbox, 'GET', `/users/${megan.id}/chats`)).status).toBe(403);
    expect((await call(sandbox, 'GET', `/users/${megan.id}/chats`, { as: 'app' })).json.value).toHaveLength(3);
  });

  it('shows a chat, its members and messages to members only', async () => {
    const [group] = (await call(sandbox, 'GET', '/chats')).json.value;
    const got = await call(sandbox, 'GET', `/chats/${encodeURIComponent(group.id)}?$expand=members`);
    expect(got.json).toMatchObject({ id: group.id, chatType: 'group', topic: 'Spring launch' });
    expect(got.json.members).toHaveLength(3);
    const members = await call(sandbox, 'GET', `/chats/${encodeURIComponent(group.id)}/members`);
    expect(members.json.value.map((m: { displayName: string }) => m.displayName).sort()).toEqual([
      'Alex Wilber',
      'Megan Bowen',
      'Patti Fernandez',
    ]);
    const messages = await call(sandbox, 'GET', `/chats/${encodeURIComponent(group.id)}/messages`);
    expect(
      messages.json.value.map((m: { from: { user: { displayName: string } } }) => m.from.user.displayName),
    ).toEqual(['Megan Bowen', 'Patti Fernandez']);
    expect(messages.json.value[0]).toMatchObject({
      chatId: group.id,
      channelIdentity: null,
      messageType: 'message',
      replyToId: null,
    });
    expect(
      (await call(sandbox, 'GET', `/chats/${encodeURIComponent(group.id)}`, { as: 'adelev@example.com' })).status,
    ).toBe(403);
    expect(
      (await call(sandbox, 'GET', `/chats/${encodeURIComponent(group.id)}/messages`, { as: 'adelev@example.com' }))
        .status,
    ).toBe(403);
    const missing = await call(sandbox, 'GET', `/chats/${encodeURIComponent('19:nope@thread.v2')}`);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NotFound');
  });

  it('returns the existing one-on-one chat for the same pair and creates one for a new pair', async () => {
    const existing = await call(sandbox, 'POST', '/chats', { body: oneOnOne(megan.id, alex.id) });
    expect(existing.status).toBe(201);
    expect(existing.json.id).toBe(`19:${[alex.id, megan.id].sort().join('_')}@unq.gbl.spaces`);
    const fresh = await call(sandbox, 'POST', '/chats', { body: oneOnOne(alex.id, isaiah.id) });
    expect(fresh.status).toBe(201);
    const again = await call(sandbox, 'POST', '/chats', {
      as: 'isaiahl@example.com',
      body: { chatType: 'oneOnOne', members: [member('isaiahl@example.com'), member(alex.id)] },
    });
    expect(again.json.id).toBe(fresh.json.id);
    expect((await call(sandbox, 'GET', '/chats')).json.value).toHaveLength(3);
  });

  it('refuses bad chat requests', async () => {
    expect(
      (await call(sandbox, 'POST', '/chats', { body: { chatType: 'oneOnOne', members: [member(alex.id)] } })).status,
    ).toBe(400);
    expect((await call(sandbox, 'POST', '/chats', { body: { chatType: 'meeting', members: [] } })).status).toBe(400);
    expect((await call(sandbox, 'POST', '/chats', { body: oneOnOne(megan.id, adele.id) })).status).toBe(403);
    expect(
      (await call(sandbox, 'POST', '/chats', { body: oneOnOne(alex.id, '00000000-0000-0000-0000-000000000000') }))
        .status,
    ).toBe(404);
  });

  it('posts chat messages with mentions, newest first, pages them, and refuses the app', async () => {
    const chat = (await call(sandbox, 'POST', '/chats', { body: oneOnOne(alex.id, megan.id) })).json;
    const path = `/chats/${encodeURIComponent(chat.id)}/messages`;
    const content = '<at id="0">Megan Bowen</at> the numbers are in';
    const mention = { id: 0, mentionText: 'Megan Bowen', mentioned: { user: { id: megan.id } } };
    const posted = await call(sandbox, 'POST', path, {
      body: { body: { contentType: 'html', content }, mentions: [mention] },
    });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({
      chatId: chat.id,
      body: { contentType: 'html', content },
      from: { user: { id: alex.id } },
    });
    expect(posted.json.mentions[0].mentioned.user).toMatchObject({ id: megan.id, displayName: 'Megan Bowen' });
    const read = await call(sandbox, 'GET', `${path}?$top=2`, { as: MEGAN });
    expect(read.json.value[0].id).toBe(posted.json.id);
    expect(read.json['@odata.nextLink']).toBeTruthy();
    expect(await getAll(sandbox, `${path}?$top=2`, ALEX)).toHaveLength(4);
    expect((await call(sandbox, 'GET', `${path}/${posted.json.id}`, { as: MEGAN })).json.body.content).toBe(content);
    expect((await call(sandbox, 'GET', `${path}/1`)).status).toBe(404);
    expect((await call(sandbox, 'POST', path, { as: 'app', body: { body: { content: 'bot' } } })).status).toBe(403);
    expect((await call(sandbox, 'POST', path, { body: { body: { content: ' ' } } })).status).toBe(400);
    const chats = (await call(sandbox, 'GET', '/chats')).json.value;
    expect(chats[0].id).toBe(chat.id);
  });
});
