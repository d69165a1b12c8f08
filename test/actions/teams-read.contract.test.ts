import type { ListChannelMessagesOutput } from '../../src/actions/teams/list-channel-messages';
import type { ListChannelsOutput } from '../../src/actions/teams/list-channels';
import { GraphError } from '../../src/graph/errors';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { rejectionOf, team, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const retail = SANDBOX_DIRECTORY.teams[1]!;
const [general, announcements] = team.channels;
const adele = { id: SANDBOX_DIRECTORY.users[2]!.id, upn: 'adelev@example.com', name: 'Adele Vance' };
const channelInput = (c = general!, t = team) => ({
  teamId: t.id,
  teamName: t.displayName,
  channelId: c.id,
  channelName: c.displayName,
});

describe('teams.listChannels against the sandbox', () => {
  it("lists a team's channels with links, and names them as provenance", async () => {
    const { output, provenance } = await sandbox().run('teams.listChannels', {
      teamId: team.id,
      teamName: team.displayName,
    });
    const { channels, count } = output as ListChannelsOutput;
    expect(channels.map((c) => c.displayName)).toEqual(['General', 'Announcements']);
    expect(count).toBe(2);
    expect(channels[0]?.webUrl).toContain('https://teams.microsoft.com/l/channel/');
    expect(provenance).toEqual([general!.id, announcements!.id]);
    const theirs = await sandbox().run('teams.listChannels', { teamId: retail.id }, { actor: adele });
    expect((theirs.output as ListChannelsOutput).channels.map((c) => c.displayName)).toEqual([
      'General',
      'Store Openings',
      'Inventory',
    ]);
  });

  it('reports an unknown team as not found and a team the requester is not in as forbidden', async () => {
    await expect(
      rejectionOf(sandbox().run('teams.listChannels', { teamId: '00000000-0000-0000-0000-000000000000' })),
    ).resolves.toMatchObject({ code: 'graph_not_found', status: 404 });
    const error = await rejectionOf(
      sandbox().run('teams.listChannels', { teamId: retail.id, teamName: retail.displayName }),
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out throttling', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/channels' });
    const started = Date.now();
    const { output } = await sandbox().run('teams.listChannels', { teamId: team.id });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((output as ListChannelsOutput).count).toBe(2);
  });
});

describe('teams.listChannelMessages against the sandbox', () => {
  it('reads recent posts newest first with their replies oldest first, items for a summary and every id as provenance', async () => {
    const { output, provenance } = await sandbox().run('teams.listChannelMessages', { ...channelInput(), top: 3 });
    const { posts, latest, items, count } = output as ListChannelMessagesOutput;
    expect(count).toBe(3);
    expect(posts.map((p) => p.author)).toEqual(['Lynne Robbins', 'Adele Vance', 'Isaiah Langer']);
    expect(latest?.id).toBe(posts[0]?.id);
    expect(posts[1]?.replies.map((r) => r.author)).toEqual(['Lynne Robbins', 'Adele Vance']);
    expect(posts[1]?.replies[1]?.text).toContain('2,300 USD');
    expect(items).toHaveLength(5);
    expect(items[2]).toMatchObject({
      subject: expect.stringMatching(/^Re: The new window displays/),
      from: { name: 'Lynne Robbins', address: '' },
    });
    expect(provenance).toEqual(posts.flatMap((p) => [p.id, ...p.replies.map((r) => r.id)]));
  });

  it('reads posts only, since an instant, and turns HTML into text', async () => {
    await sandbox().call(
      'alexw@example.com',
      'POST',
      `/teams/${team.id}/channels/${encodeURIComponent(general!.id)}/messages`,
      { body: { contentType: 'html', content: '<p>Fish &amp; chips</p><p>on Friday</p>' } },
    );
    const { output } = await sandbox().run('teams.listChannelMessages', {
      ...channelInput(),
      since: '2025-03-05T00:00:00Z',
      repliesPerPost: 0,
    });
    const { posts } = output as ListChannelMessagesOutput;
    expect(posts.map((p) => p.text)).toEqual([
      'Fish & chips\non Friday',
      "Reminder: Q3 planning numbers are due Friday at noon. The workbook is in this channel's files.",
    ]);
    expect(posts.every((p) => p.replies.length === 0)).toBe(true);
    const earlier = await sandbox().run('teams.listChannelMessages', {
      ...channelInput(),
      since: '2025-03-01T00:00:00Z',
      until: '2025-03-04T12:00:00Z',
    });
    expect((earlier.output as ListChannelMessagesOutput).posts.map((p) => p.author)).toEqual([
      'Adele Vance',
      'Isaiah Langer',
      'Megan Bowen',
    ]);
  });

  it('reads the second team for its members, and answers an empty channel with no latest post', async () => {
    const { output } = await sandbox().run('teams.listChannelMessages', channelInput(retail.channels[1], retail), {
      actor: adele,
    });
    expect((output as ListChannelMessagesOutput).posts[0]?.replies).toHaveLength(2);
    const none = await sandbox().run('teams.listChannelMessages', { ...channelInput(), since: '2025-03-06T00:00:00Z' });
    expect(none.output).toEqual({ posts: [], latest: null, items: [], count: 0 });
    expect(none.provenance).toEqual([]);
  });

  it('reports an unknown channel as not found and a team the requester is not in as forbidden', async () => {
    await expect(
      rejectionOf(sandbox().run('teams.listChannelMessages', { ...channelInput(), channelId: '19:nope@thread.tacv2' })),
    ).resolves.toMatchObject({ code: 'graph_not_found' });
    await expect(
      rejectionOf(sandbox().run('teams.listChannelMessages', channelInput(retail.channels[0], retail))),
    ).resolves.toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out throttling of the replies batch', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '$batch' });
    const started = Date.now();
    const { output } = await sandbox().run('teams.listChannelMessages', { ...channelInput(), top: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((output as ListChannelMessagesOutput).posts[1]?.replies).toHaveLength(2);
  });
});
