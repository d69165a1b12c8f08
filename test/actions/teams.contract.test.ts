import type { PostChannelMessageOutput } from '../../src/actions/teams/post-channel-message';
import { GraphError } from '../../src/graph/errors';
import { alex, megan, rejectionOf, team, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const general = team.channels[0];
if (!general) throw new Error('sandbox team has no General channel');

interface Posts {
  value: Array<{ id: string; body: { content: string }; from: { user: { id: string } | null } }>;
}

async function postsContaining(text: string): Promise<Posts['value']> {
  const path = `/teams/${team.id}/channels/${encodeURIComponent(general!.id)}/messages?$top=50`;
  return (await sandbox().read<Posts>(megan.upn, path)).value.filter((m) => m.body.content.includes(text));
}

const input = (text: string) => ({
  teamId: team.id,
  channelId: general.id,
  teamName: team.displayName,
  channelName: general.displayName,
  text,
});

describe('teams.postChannelMessage against the sandbox', () => {
  it('posts escaped HTML paragraphs that everyone in the channel can read', async () => {
    const { output } = await sandbox().run('teams.postChannelMessage', input('Launch <moved>\n\nNew date: April'));
    const { messageId, webUrl } = output as PostChannelMessageOutput;
    const posts = await postsContaining('Launch &lt;moved&gt;');
    expect(posts.map((p) => p.id)).toEqual([messageId]);
    expect(posts[0]?.body.content).toMatch(/^<p>Launch &lt;moved&gt;<\/p><p>New date: April<\/p>$/);
    expect(webUrl).not.toBe('');
  });

  it('posts once when the step runs again with the same key', async () => {
    const ctx = { idempotencyKey: 'step-post-1' };
    const first = await sandbox().run('teams.postChannelMessage', input('Exactly once'), { ...ctx, attempt: 1 });
    const second = await sandbox().run('teams.postChannelMessage', input('Exactly once'), { ...ctx, attempt: 2 });
    expect(second.output).toEqual(first.output);
    expect(await postsContaining('Exactly once')).toHaveLength(1);
  });

  it('recognises an earlier attempt by author, text and time, not by markup Teams sanitises away', async () => {
    const path = `/teams/${team.id}/channels/${encodeURIComponent(general.id)}/messages`;
    // Posted by an earlier attempt with other markup and a marker: Teams (and the sandbox) strip
    // the data-* attribute, so only the author, the text and the time are left to match on.
    const earlier = await sandbox().call<{ id: string; body: { content: string } }>(alex.upn, 'POST', path, {
      body: { contentType: 'html', content: '<div>Ship it</div><span data-delegate-key="step-old"></span>' },
    });
    expect(earlier.body.content).not.toContain('data-delegate-key');
    const retried = await sandbox().run('teams.postChannelMessage', input('Ship it'), {
      idempotencyKey: 'step-post-2',
      attempt: 2,
    });
    expect((retried.output as PostChannelMessageOutput).messageId).toBe(earlier.id);
    expect(await postsContaining('Ship it')).toHaveLength(1);
  });

  it('does not take the same text by someone else for its own earlier attempt', async () => {
    const path = `/teams/${team.id}/channels/${encodeURIComponent(general.id)}/messages`;
    const megans = await sandbox().call<{ id: string }>(megan.upn, 'POST', path, {
      body: { contentType: 'html', content: '<p>Standup moved to 10</p>' },
    });
    const retried = await sandbox().run('teams.postChannelMessage', input('Standup moved to 10'), {
      idempotencyKey: 'step-post-3',
      attempt: 2,
    });
    expect((retried.output as PostChannelMessageOutput).messageId).not.toBe(megans.id);
    expect(await postsContaining('Standup moved to 10')).toHaveLength(2);
  }, 20_000);

  it('rides out throttling', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/messages' });
    const started = Date.now();
    await sandbox().run('teams.postChannelMessage', input('After the storm'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await postsContaining('After the storm')).toHaveLength(1);
  });

  it('reports an unknown channel as not found', async () => {
    const error = await rejectionOf(
      sandbox().run('teams.postChannelMessage', { ...input('Lost'), channelId: '19:nope@thread.tacv2' }),
    );
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'graph_not_found', status: 404 });
  });

  it('previews the channel and the exact text', () => {
    const preview = sandbox().action('teams.postChannelMessage').describe(input('Hello'));
    expect(preview.title).toBe('Post in My Team › General');
    expect(preview.fields).toEqual([
      { label: 'Channel', value: 'My Team › General' },
      { label: 'Message', value: 'Hello' },
    ]);
  });
});
