import type { Sandbox } from '../../src/sandbox';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { call, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const [myTeam, retail] = SANDBOX_DIRECTORY.teams;
if (!myTeam || !retail) throw new Error('the sandbox needs two teams');
const ADELE = 'adelev@example.com';
const q = encodeURIComponent;
const channel = (name: string) => retail.channels.find((c) => c.displayName === name)!;
const messagesOf = (name: string) => `/teams/${retail.id}/channels/${q(channel(name).id)}/messages`;

describe('a second team, Retail Operations', () => {
  it('keeps SANDBOX_DIRECTORY.team as the first team', () => {
    expect(SANDBOX_DIRECTORY.team).toBe(myTeam);
    expect(retail.displayName).toBe('Retail Operations');
  });

  it("is listed in its members' joined teams only", async () => {
    const adele = await call(sandbox, 'GET', '/me/joinedTeams', { as: ADELE });
    expect(adele.json.value.map((t: { displayName: string }) => t.displayName)).toEqual([
      'My Team',
      'Retail Operations',
    ]);
    const alex = await call(sandbox, 'GET', '/me/joinedTeams');
    expect(alex.json.value.map((t: { displayName: string }) => t.displayName)).toEqual(['My Team']);
  });

  it('serves the team, its channels and members with owners', async () => {
    const got = await call(sandbox, 'GET', `/teams/${retail.id}`, { as: ADELE });
    expect(got.json).toMatchObject({
      id: retail.id,
      displayName: 'Retail Operations',
      internalId: channel('General').id,
    });
    const channels = await call(sandbox, 'GET', `/teams/${retail.id}/channels`, { as: ADELE });
    expect(channels.json.value.map((c: { displayName: string }) => c.displayName)).toEqual([
      'General',
      'Store Openings',
      'Inventory',
    ]);
    expect(channels.json.value[1].webUrl).toContain(`groupId=${retail.id}`);
    const members = await call(sandbox, 'GET', `/teams/${retail.id}/members`, { as: ADELE });
    expect(members.json.value.map((m: { displayName: string }) => m.displayName).sort()).toEqual([
      'Adele Vance',
      'Isaiah Langer',
      'Lynne Robbins',
      'Patti Fernandez',
    ]);
    const owners = members.json.value
      .filter((m: { roles: string[] }) => m.roles.includes('owner'))
      .map((m: { displayName: string }) => m.displayName)
      .sort();
    expect(owners).toEqual(['Adele Vance', 'Lynne Robbins']);
  });

  it('refuses non-members with 403 everywhere, and lets the app in', async () => {
    for (const path of [
      `/teams/${retail.id}`,
      `/teams/${retail.id}/channels`,
      `/teams/${retail.id}/members`,
      messagesOf('General'),
    ]) {
      const res = await call(sandbox, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('Forbidden');
    }
    expect((await call(sandbox, 'POST', messagesOf('General'), { body: { body: { content: 'Hi' } } })).status).toBe(
      403,
    );
    expect((await call(sandbox, 'GET', messagesOf('General'), { as: 'app' })).status).toBe(200);
  });

  it('has seeded posts with replies, and takes new posts and replies from members', async () => {
    const posts = (await call(sandbox, 'GET', `${messagesOf('Store Openings')}?$expand=replies`, { as: ADELE })).json
      .value;
    expect(posts).toHaveLength(1);
    expect(posts[0].body.content).toContain('Bellevue');
    expect(posts[0].replies.map((r: { from: { user: { displayName: string } } }) => r.from.user.displayName)).toEqual([
      'Adele Vance',
      'Isaiah Langer',
    ]);
    expect(posts[0].channelIdentity).toEqual({ teamId: retail.id, channelId: channel('Store Openings').id });
    const reply = await call(sandbox, 'POST', `${messagesOf('Store Openings')}/${posts[0].id}/replies`, {
      as: 'lynner@example.com',
      body: { body: { content: 'Thanks both.' } },
    });
    expect(reply.status).toBe(201);
    const replies = (
      await call(sandbox, 'GET', `${messagesOf('Store Openings')}/${posts[0].id}/replies`, {
        as: 'isaiahl@example.com',
      })
    ).json.value;
    expect(replies[0]).toMatchObject({ id: reply.json.id, replyToId: posts[0].id, body: { content: 'Thanks both.' } });
  });

  it("keeps the first team's General separate from the second team's", async () => {
    const mine = (
      await call(sandbox, 'GET', `/teams/${myTeam.id}/channels/${q(myTeam.channels[0]!.id)}/messages?$top=50`, {
        as: ADELE,
      })
    ).json.value;
    const theirs = (await call(sandbox, 'GET', `${messagesOf('General')}?$top=50`, { as: ADELE })).json.value;
    expect(mine.some((m: { body: { content: string } }) => m.body.content.includes('footfall'))).toBe(false);
    expect(theirs.map((m: { body: { content: string } }) => m.body.content.slice(0, 20))).toEqual([
      'Great quarter so far',
      'Welcome to Retail Op',
    ]);
    expect(
      (await call(sandbox, 'GET', `/teams/${retail.id}/channels/${q(myTeam.channels[0]!.id)}`, { as: ADELE })).status,
    ).toBe(404);
  });
});

describe('mentions in channel posts', () => {
  const megan = SANDBOX_DIRECTORY.users[1]!;
  const general = `/teams/${myTeam.id}/channels/${q(myTeam.channels[0]!.id)}/messages`;
  const mention = {
    id: 0,
    mentionText: 'Megan Bowen',
    mentioned: { user: { id: megan.id, displayName: 'Megan Bowen', userIdentityType: 'aadUser' } },
  };

  it('stores the <at> tags and returns the mentions as Graph does', async () => {
    const content = '<p>Thanks <at id="0">Megan Bowen</at> for the deck</p>';
    const post = await call(sandbox, 'POST', general, {
      body: { body: { contentType: 'html', content }, mentions: [mention] },
    });
    expect(post.status).toBe(201);
    const got = await call(sandbox, 'GET', `${general}/${post.json.id}`, { as: 'meganb@example.com' });
    expect(got.json.body.content).toBe(content);
    expect(got.json.mentions).toEqual([
      {
        id: 0,
        mentionText: 'Megan Bowen',
        mentioned: {
          application: null,
          device: null,
          conversation: null,
          tag: null,
          user: {
            '@odata.type': '#microsoft.graph.teamworkUserIdentity',
            id: megan.id,
            displayName: 'Megan Bowen',
            userIdentityType: 'aadUser',
            tenantId: SANDBOX_DIRECTORY.tenantId,
          },
        },
      },
    ]);
  });

  it('refuses mentions that do not match the tags, unknown people and text bodies', async () => {
    const bad = [
      { body: { contentType: 'html', content: '<p>Hi <at id="1">Megan</at></p>' }, mentions: [mention] },
      { body: { contentType: 'html', content: '<p>Hi <at id="0">Megan</at></p>' } },
      {
        body: { contentType: 'html', content: '<p>Hi <at id="0">Nobody</at></p>' },
        mentions: [{ ...mention, mentioned: { user: { id: 'nobody' } } }],
      },
      { body: { contentType: 'text', content: 'Hi <at id="0">Megan</at>' }, mentions: [mention] },
    ];
    for (const body of bad) expect((await call(sandbox, 'POST', general, { body })).status).toBe(400);
  });
});
