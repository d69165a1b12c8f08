import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { runScenario, useScenarioApp } from './harness';

const team = SANDBOX_DIRECTORY.team;
const [general, announcements] = team.channels;
const [alex, megan] = SANDBOX_DIRECTORY.users;
if (!general || !announcements || !alex || !megan) throw new Error('sandbox team or people missing');
const q = encodeURIComponent;
const MEGAN = 'meganb@example.com';

interface Message {
  id: string;
  replyToId: string | null;
  body: { content: string };
  from: { user: { id: string } | null };
  mentions: Array<{ id: number; mentionText: string; mentioned: { user: { id: string } } }>;
}
interface Page<T> {
  value: T[];
}

const messagesPath = (channelId: string) => `/teams/${team.id}/channels/${q(channelId)}/messages`;

describe('scenarios: Teams outcomes, end to end', () => {
  const app = useScenarioApp();

  it('messages Megan on Teams: exactly one chat message arrives in her chat with Alex', async () => {
    const run = await runScenario(app(), 'message Megan on Teams: the launch deck is ready for your review');
    expect(run.task.status).toBe('completed');
    // The one step was known in full and shown on the plan card: approving the plan approved it.
    expect(run.checkpoints).toHaveLength(0);
    expect(run.task.plan.approvesStep).toBe('s1');
    const chatId = `19:${[alex.id, megan.id].sort().join('_')}@unq.gbl.spaces`;
    const messages = await app().graph<Page<Message>>(`/chats/${q(chatId)}/messages?$top=50`, MEGAN);
    const sent = messages.value.filter((m) => m.body.content.includes('the launch deck is ready for your review'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.from.user?.id).toBe(alex.id);
    expect(messages.value[0]?.id).toBe(sent[0]?.id);
    const chats = await app().graph<Page<{ id: string; chatType: string }>>('/me/chats', MEGAN);
    expect(chats.value.filter((c) => c.chatType === 'oneOnOne' && c.id === chatId)).toHaveLength(1);
  });

  it('sends a summary of mail to Megan in Teams chat: one chat message holding the summary', async () => {
    const run = await runScenario(app(), 'summarise my unread contoso mail and message it to megan on teams');
    expect(run.task.status).toBe('completed');
    const chatId = `19:${[alex.id, megan.id].sort().join('_')}@unq.gbl.spaces`;
    const messages = await app().graph<Page<Message>>(`/chats/${q(chatId)}/messages?$top=50`, MEGAN);
    const sent = messages.value.filter((m) => m.from.user?.id === alex.id && /contoso/i.test(m.body.content));
    expect(sent).toHaveLength(1);
    expect(messages.value[0]?.id).toBe(sent[0]?.id);
  });

  it('replies to the latest post in General: one reply, in that thread only', async () => {
    const [latest] = (await app().graph<Page<Message>>(`${messagesPath(general.id)}?$top=1`, MEGAN)).value;
    if (!latest) throw new Error('General has no posts');
    const run = await runScenario(
      app(),
      'Reply to the latest post in General saying my planning numbers are in the workbook',
    );
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    const replies = (
      await app().graph<Page<Message>>(`${messagesPath(general.id)}/${latest.id}/replies?$top=50`, MEGAN)
    ).value;
    const mine = replies.filter((r) => r.body.content.includes('my planning numbers are in the workbook'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ replyToId: latest.id, from: { user: { id: alex.id } } });
    const posts = (await app().graph<Page<Message>>(`${messagesPath(general.id)}?$top=50`, MEGAN)).value;
    expect(posts.some((p) => p.body.content.includes('my planning numbers'))).toBe(false);
  });

  it('posts in Announcements and mentions Megan: the mention is stored as Graph does', async () => {
    const run = await runScenario(app(), "post 'Launch moved to April' in Announcements and mention Megan");
    expect(run.task.status).toBe('completed');
    expect(run.cardsText).toContain('Megan Bowen');
    const posts = (await app().graph<Page<Message>>(`${messagesPath(announcements.id)}?$top=50`, MEGAN)).value;
    const posted = posts.filter((p) => p.body.content.includes('Launch moved to April'));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.content).toMatch(/^<p><at id="0">Megan Bowen<\/at> Launch moved to April<\/p>/);
    expect(posted[0]?.mentions).toEqual([
      expect.objectContaining({
        id: 0,
        mentionText: 'Megan Bowen',
        mentioned: expect.objectContaining({
          user: expect.objectContaining({ id: megan.id, displayName: 'Megan Bowen' }),
        }),
      }),
    ]);
  });

  it("summarises what's new in General without writing anything", async () => {
    const posts = (
      await app().graph<Page<Message & { replies: Message[] }>>(
        `${messagesPath(general.id)}?$top=15&$expand=replies`,
        MEGAN,
      )
    ).value;
    const before = posts.length;
    const read = posts.reduce((n, p) => n + 1 + Math.min(p.replies.length, 10), 0);
    const run = await runScenario(app(), "what's new in the General channel");
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(0);
    // Every post of General and its replies were read and summarised.
    expect(run.cardsText).toContain('Read recent posts in My Team › General');
    expect(run.cardsText).toContain(`Summarise ${read} messages`);
    expect((await app().graph<Page<Message>>(`${messagesPath(general.id)}?$top=50`, MEGAN)).value).toHaveLength(before);
  });
});
