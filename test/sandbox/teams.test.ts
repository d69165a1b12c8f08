import type { Sandbox } from '../../src/sandbox';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { canAccessTeam } from '../../src/sandbox/teams/access';
import { call, getAll, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const team = SANDBOX_DIRECTORY.team;
const [general, announcements] = team.channels;
const q = encodeURIComponent;
const channelPath = (c = general!) => `/teams/${team.id}/channels/${q(c.id)}`;

describe('teams and channels', () => {
  it('lists joined teams, the team, its channels and members with owner roles', async () => {
    const joined = await call(sandbox, 'GET', '/me/joinedTeams');
    expect(joined.json.value).toEqual([expect.objectContaining({ id: team.id, displayName: 'My Team' })]);
    const got = await call(sandbox, 'GET', `/teams/${team.id}`, { as: 'pattif@example.com' });
    expect(got.json).toMatchObject({ id: team.id, displayName: 'My Team', internalId: general!.id });
    const channels = await call(sandbox, 'GET', `/teams/${team.id}/channels`);
    expect(channels.json.value.map((c: { displayName: string }) => c.displayName)).toEqual([
      'General',
      'Announcements',
    ]);
    for (const c of channels.json.value) expect(c.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    const one = await call(sandbox, 'GET', channelPath(announcements));
    expect(one.json.displayName).toBe('Announcements');
    const members = await call(sandbox, 'GET', `/teams/${team.id}/members`);
    expect(members.json.value).toHaveLength(6);
    const owners = members.json.value
      .filter((m: { roles: string[] }) => m.roles.includes('owner'))
      .map((m: { displayName: string }) => m.displayName)
      .sort();
    expect(owners).toEqual(['Alex Wilber', 'Megan Bowen']);
    expect(members.json.value[0]['@odata.type']).toBe('#microsoft.graph.aadUserConversationMember');
  });

  it('answers unknown teams and channels with 404', async () => {
    expect((await call(sandbox, 'GET', '/teams/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect(
      (await call(sandbox, 'GET', `/teams/${team.id}/channels/${q('19:nope@thread.tacv2')}/messages`)).status,
    ).toBe(404);
  });

  it('allows only members (or the app) into a team', () => {
    const alex = SANDBOX_DIRECTORY.users[0]!;
    expect(canAccessTeam({ kind: 'user', user: alex }, [alex.id])).toBe(true);
    expect(canAccessTeam({ kind: 'user', user: alex }, ['someone-else'])).toBe(false);
    expect(canAccessTeam({ kind: 'app' }, [])).toBe(true);
  });
});

describe('channel messages', () => {
  it('lists seeded posts newest first in chatMessage shape, with replies', async () => {
    const res = await call(sandbox, 'GET', `${channelPath()}/messages`);
    expect(res.status).toBe(200);
    const posts = res.json.value;
    expect(posts.length).toBeGreaterThanOrEqual(4);
    const created = posts.map((p: { createdDateTime: string }) => p.createdDateTime);
    expect([...created].sort().reverse()).toEqual(created);
    expect(posts[0]).toMatchObject({
      messageType: 'message',
      replyToId: null,
      body: { contentType: 'text' },
      channelIdentity: { teamId: team.id, channelId: general!.id },
    });
    expect(posts[0].from.user.displayName).toBeTruthy();
    expect(posts[0].webUrl).toContain('https://teams.microsoft.com/l/message/');
    const withReplies = posts.find((p: { body: { content: string } }) => p.body.content.includes('window displays'));
    const replies = await call(sandbox, 'GET', `${channelPath()}/messages/${withReplies.id}/replies`);
    expect(replies.json.value).toHaveLength(2);
    expect(replies.json.value.every((r: { replyToId: string }) => r.replyToId === withReplies.id)).toBe(true);
    const announcementsPosts = await call(sandbox, 'GET', `${channelPath(announcements)}/messages`);
    expect(announcementsPosts.json.value.length).toBeGreaterThanOrEqual(2);
  });

  it('posts as a user (201), refuses the app as Graph does (migration only), and reads them back', async () => {
    const post = await call(sandbox, 'POST', `${channelPath()}/messages`, {
      body: { body: { contentType: 'html', content: '<p>Weekly summary</p>' } },
    });
    expect(post.status).toBe(201);
    expect(post.json).toMatchObject({
      body: { contentType: 'html', content: '<p>Weekly summary</p>' },
      from: { user: { displayName: 'Alex Wilber' }, application: null },
    });
    const asApp = await call(sandbox, 'POST', `${channelPath()}/messages`, {
      as: 'app',
      body: { body: { content: 'From the bot' } },
    });
    expect(asApp.status).toBe(403);
    expect(asApp.json.error.code).toBe('Forbidden');
    const bot = await call(sandbox, 'POST', `${channelPath()}/messages`, {
      as: 'meganb@example.com',
      body: { body: { content: 'From Megan' } },
    });
    expect(bot.json.id).not.toBe(post.json.id);
    const list = await call(sandbox, 'GET', `${channelPath()}/messages?$top=2`);
    expect(list.json.value.map((m: { id: string }) => m.id)).toEqual([bot.json.id, post.json.id]);
    expect(list.json['@odata.nextLink']).toBeTruthy();
    const everything = await getAll(sandbox, `${channelPath()}/messages?$top=2`);
    expect(everything.length).toBe(7);
    const one = await call(sandbox, 'GET', `${channelPath()}/messages/${post.json.id}`);
    expect(one.json.body.content).toBe('<p>Weekly summary</p>');
    expect((await call(sandbox, 'POST', `${channelPath()}/messages`, { body: { body: { content: '' } } })).status).toBe(
      400,
    );
  });

  it('posts and reads replies', async () => {
    const [first] = (await call(sandbox, 'GET', `${channelPath()}/messages?$top=1`)).json.value;
    const reply = await call(sandbox, 'POST', `${channelPath()}/messages/${first.id}/replies`, {
      as: 'meganb@example.com',
      body: { body: { content: 'On it.' } },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.replyToId).toBe(first.id);
    const replies = await call(sandbox, 'GET', `${channelPath()}/messages/${first.id}/replies`);
    expect(replies.json.value[0].id).toBe(reply.json.id);
    const got = await call(sandbox, 'GET', `${channelPath()}/messages/${first.id}/replies/${reply.json.id}`);
    expect(got.json.body.content).toBe('On it.');
    expect((await call(sandbox, 'GET', `${channelPath()}/messages/${reply.json.id}`)).status).toBe(404);
    expect(
      (await call(sandbox, 'POST', `${channelPath()}/messages/999/replies`, { body: { body: { content: 'x' } } }))
        .status,
    ).toBe(404);
  });
});
