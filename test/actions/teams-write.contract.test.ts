import type { ReplyToMessageOutput } from '../../src/actions/teams/reply-to-message';
import type { PostChannelMessageOutput } from '../../src/actions/teams/post-channel-message';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { megan, rejectionOf, team, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const [general, announcements] = team.channels;
const retail = SANDBOX_DIRECTORY.teams[1]!;
const adele = SANDBOX_DIRECTORY.users[2]!;
const q = encodeURIComponent;
const where = (c = general!) => ({
  teamId: team.id,
  teamName: team.displayName,
  channelId: c.id,
  channelName: c.displayName,
});
const meganMention = { userId: megan.id, displayName: 'Megan Bowen', address: megan.upn };

interface Message {
  id: string;
  replyToId: string | null;
  body: { content: string };
  mentions: Array<{ id: number; mentionText: string; mentioned: { user: { id: string } } }>;
}

async function latestPost(c = general!): Promise<Message> {
  const page = await sandbox().read<{ value: Message[] }>(
    megan.upn,
    `/teams/${team.id}/channels/${q(c.id)}/messages?$top=1`,
  );
  return page.value[0]!;
}

async function repliesTo(postId: string): Promise<Message[]> {
  return (
    await sandbox().read<{ value: Message[] }>(
      megan.upn,
      `/teams/${team.id}/channels/${q(general!.id)}/messages/${postId}/replies?$top=50`,
    )
  ).value;
}

describe('teams.postChannelMessage with @mentions', () => {
  it('tags the person where the text names them and sends the mentions array', async () => {
    const { output } = await sandbox().run('teams.postChannelMessage', {
      ...where(announcements),
      text: 'Thanks Megan Bowen for the launch plan',
      mentions: [meganMention],
    });
    const posted = await latestPost(announcements);
    expect(posted.id).toBe((output as PostChannelMessageOutput).messageId);
    expect(posted.body.content).toMatch(/^<p>Thanks <at id="0">Megan Bowen<\/at> for the launch plan<\/p>$/);
    expect(posted.mentions).toEqual([
      expect.objectContaining({
        id: 0,
        mentionText: 'Megan Bowen',
        mentioned: expect.objectContaining({ user: expect.objectContaining({ id: megan.id }) }),
      }),
    ]);
  });

  it('tags a first name as Teams does for "@Megan", never inside another word', async () => {
    await sandbox().run('teams.postChannelMessage', {
      ...where(),
      text: 'Megansson wrote it; thanks Megan!',
      mentions: [meganMention],
    });
    const posted = await latestPost();
    expect(posted.body.content).toMatch(/^<p>Megansson wrote it; thanks <at id="0">Megan<\/at>!<\/p>/);
    expect(posted.mentions[0]).toMatchObject({ id: 0, mentionText: 'Megan', mentioned: { user: { id: megan.id } } });
  });

  it('tags people the text does not name at the start, and shows them on the card', async () => {
    const adeleMention = { userId: adele.id, displayName: 'Adele Vance', address: adele.mail };
    await sandbox().run('teams.postChannelMessage', {
      ...where(),
      text: 'Please review the deck',
      mentions: [meganMention, adeleMention],
    });
    const posted = await latestPost();
    expect(posted.body.content).toMatch(
      /^<p><at id="0">Megan Bowen<\/at> <at id="1">Adele Vance<\/at> Please review the deck<\/p>/,
    );
    expect(posted.mentions.map((m) => m.mentioned.user.id)).toEqual([megan.id, adele.id]);
    const spec = sandbox().action('teams.postChannelMessage');
    expect(spec.describe({ ...where(), text: 'Hi', mentions: [meganMention] }).fields).toContainEqual({
      label: 'Mentions',
      value: 'Megan Bowen',
    });
    expect(spec.destinations?.({ ...where(), text: 'Hi', mentions: [meganMention] })).toContainEqual({
      kind: 'recipient',
      value: megan.upn,
      label: 'Megan Bowen',
      field: 'mentions',
    });
  });

  it('refuses a mention of someone who is not in the directory', async () => {
    const error = await rejectionOf(
      sandbox().run('teams.postChannelMessage', {
        ...where(),
        text: 'Hi Nobody',
        mentions: [{ userId: 'nobody', displayName: 'Nobody', address: 'nobody@example.com' }],
      }),
    );
    expect(error).toMatchObject({ code: 'graph_bad_request', status: 400 });
  });
});

describe('teams.replyToMessage against the sandbox', () => {
  it('replies in the right thread, as the requester, with a mention', async () => {
    const post = await latestPost();
    const { output, provenance } = await sandbox().run('teams.replyToMessage', {
      ...where(),
      messageId: post.id,
      text: 'Numbers are in, Megan Bowen',
      mentions: [meganMention],
    });
    const reply = output as ReplyToMessageOutput;
    expect(reply.replyToId).toBe(post.id);
    expect(provenance).toEqual([post.id]);
    const replies = await repliesTo(post.id);
    expect(replies.map((r) => r.id)).toEqual([reply.messageId]);
    expect(replies[0]?.body.content).toContain('Numbers are in, <at id="0">Megan Bowen</at>');
    expect(replies[0]?.mentions).toHaveLength(1);
    expect((await latestPost()).id).toBe(post.id);
  });

  it('replies once when the step runs again with the same key', async () => {
    const post = await latestPost();
    const input = { ...where(), messageId: post.id, text: 'Exactly one reply' };
    const first = await sandbox().run('teams.replyToMessage', input, { idempotencyKey: 'step-reply-1', attempt: 1 });
    const second = await sandbox().run('teams.replyToMessage', input, { idempotencyKey: 'step-reply-1', attempt: 2 });
    expect(second.output).toEqual(first.output);
    expect((await repliesTo(post.id)).filter((r) => r.body.content.includes('Exactly one reply'))).toHaveLength(1);
  });

  it('reports an unknown post as not found and a team the requester is not in as forbidden', async () => {
    await expect(
      rejectionOf(sandbox().run('teams.replyToMessage', { ...where(), messageId: '999', text: 'Lost' })),
    ).resolves.toMatchObject({ code: 'graph_not_found', status: 404 });
    const theirs = {
      teamId: retail.id,
      teamName: retail.displayName,
      channelId: retail.channels[0]!.id,
      channelName: 'General',
      messageId: '1',
      text: 'Let me in',
    };
    await expect(rejectionOf(sandbox().run('teams.replyToMessage', theirs))).resolves.toMatchObject({
      code: 'graph_forbidden',
      status: 403,
    });
  });

  it('rides out throttling', async () => {
    const post = await latestPost();
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/replies' });
    const started = Date.now();
    await sandbox().run('teams.replyToMessage', { ...where(), messageId: post.id, text: 'After the storm' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await repliesTo(post.id)).filter((r) => r.body.content.includes('After the storm'))).toHaveLength(1);
  });

  it('previews the channel, the post and the exact reply; the channel is a destination', () => {
    const spec = sandbox().action('teams.replyToMessage');
    const input = {
      ...where(),
      messageId: { $ref: 's1.latest.id' },
      postPreview: { $ref: 's1.latest.text' },
      text: 'On it',
    };
    expect(spec.describe(input)).toMatchObject({
      title: 'Reply in My Team › General',
      fields: [
        { label: 'Channel', value: 'My Team › General' },
        { label: 'In reply to', value: '(from step 1)' },
        { label: 'Reply', value: 'On it' },
      ],
    });
    expect(spec.destinations?.(input)).toEqual([
      { kind: 'channel', value: `${team.id}/${general!.id}`, label: 'General', field: 'channelId' },
    ]);
    expect(spec.risk).toBe('write-internal');
  });
});
