import { runScenario, useScenarioApp } from './harness';

const ALEX = 'alexw@example.com';
const MEGAN = 'meganb@example.com';
const q = encodeURIComponent;

interface Message {
  id: string;
  subject: string;
  conversationId: string;
  isRead: boolean;
  parentFolderId: string;
  flag: { flagStatus: string };
  from: { emailAddress: { name: string; address: string } };
  toRecipients: Array<{ emailAddress: { address: string } }>;
  ccRecipients: Array<{ emailAddress: { address: string } }>;
  body: { content: string };
}
interface Page<T> {
  value: T[];
}

describe('scenarios: mail outcomes, end to end', () => {
  const app = useScenarioApp();
  const folder = async (upn: string, name: string, filter?: string): Promise<Message[]> =>
    (
      await app().graph<Page<Message>>(
        `/users/${upn}/mailFolders/${name}/messages?$top=200${filter ? `&$filter=${q(filter)}` : ''}`,
        upn,
      )
    ).value;
  const newestFrom = async (match: (m: Message) => boolean): Promise<Message> => {
    const all = (
      await app().graph<Page<Message & { receivedDateTime: string; isDraft: boolean }>>(
        `/users/${ALEX}/messages?$top=300&$orderby=receivedDateTime desc`,
        ALEX,
      )
    ).value;
    const found = all.find((m) => !m.isDraft && match(m));
    if (!found) throw new Error('no such mail');
    return found;
  };

  it("replies to Dana's latest mail: one reply in Alex's Sent Items, to Dana only, in her conversation", async () => {
    const latest = await newestFrom((m) => m.from.emailAddress.address === 'dana@contoso.com');
    const run = await runScenario(
      app(),
      "Reply to Dana's latest mail saying the volume tier applies from the start of the renewal",
    );
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    expect(run.cardsText).toContain('dana@contoso.com');
    const sent = (await folder(ALEX, 'sentitems')).filter((m) =>
      m.body.content.includes('the volume tier applies from the start of the renewal'),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      conversationId: latest.conversationId,
      toRecipients: [{ emailAddress: { address: 'dana@contoso.com' } }],
      ccRecipients: [],
    });
    expect(sent[0]?.subject).toBe(`RE: ${latest.subject.replace(/^RE:\s*/i, '')}`);
    expect((await folder(ALEX, 'drafts')).filter((m) => m.conversationId === latest.conversationId)).toEqual([]);
  });

  it('forwards the latest mail from Contoso to Megan: exactly one forward arrives in her Inbox', async () => {
    const latest = await newestFrom((m) => m.from.emailAddress.address.endsWith('@contoso.com'));
    const run = await runScenario(app(), 'Forward the latest mail from Contoso to Megan');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(1);
    const subject = `FW: ${latest.subject.replace(/^RE:\s*/i, '')}`;
    const received = (await folder(MEGAN, 'inbox')).filter((m) => m.subject === subject);
    expect(received).toHaveLength(1);
    expect(received[0]?.from.emailAddress.address).toBe(ALEX);
    expect(received[0]?.body.content).toContain(
      latest.body.content
        .replace(/<[^>]*>/g, ' ')
        .split(/\s+/)
        .filter((w) => w.length > 6)[0] ?? '',
    );
  });

  it('flags my unread mail from Fabrikam: every one of them, and nothing else', async () => {
    const before = (await folder(ALEX, 'inbox', 'isRead eq false')).filter((m) =>
      m.from.emailAddress.address.endsWith('@fabrikam.com'),
    );
    expect(before.length).toBeGreaterThan(0);
    const run = await runScenario(app(), 'flag my unread mail from Fabrikam');
    expect(run.task.status).toBe('completed');
    const after = await folder(ALEX, 'inbox');
    const flagged = after.filter((m) => m.flag.flagStatus === 'flagged');
    expect(flagged.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    // Flagging is not reading: they stay unread.
    expect(flagged.every((m) => !m.isRead)).toBe(true);
  });

  it('moves the mails from orders@fabrikam.com to Archive: none left in the Inbox, all in Archive', async () => {
    const before = (await folder(ALEX, 'inbox')).filter((m) => m.from.emailAddress.address === 'orders@fabrikam.com');
    expect(before.length).toBeGreaterThan(0);
    const run = await runScenario(app(), 'move the mails from orders@fabrikam.com to Archive');
    expect(run.task.status).toBe('completed');
    expect((await folder(ALEX, 'inbox')).filter((m) => m.from.emailAddress.address === 'orders@fabrikam.com')).toEqual(
      [],
    );
    const archived = await folder(ALEX, 'archive');
    expect(archived.filter((m) => before.some((b) => b.id === m.id))).toHaveLength(before.length);
  });

  it('summarises the Contoso renewal thread without writing anything', async () => {
    const sentBefore = (await folder(ALEX, 'sentitems')).length;
    const run = await runScenario(app(), 'summarise the thread Contoso renewal');
    expect(run.task.status).toBe('completed');
    expect(run.checkpoints).toHaveLength(0);
    expect(run.cardsText).toContain('Summarise the thread');
    const output = run.task.plan.steps[1]?.output as { summary: string; conversationId: string; sourceIds: string[] };
    expect(output.summary).toMatch(/^Thread: Contoso renewal: revised pricing for FY27\n/);
    expect(output.summary).toContain('Dana Whitman');
    expect(output.summary).toContain('on-site onboarding');
    const thread = (await folder(ALEX, 'inbox')).filter((m) => m.conversationId === output.conversationId);
    expect(thread.length).toBeGreaterThanOrEqual(2);
    expect(output.sourceIds).toEqual(expect.arrayContaining(thread.map((m) => m.id)));
    expect((await folder(ALEX, 'sentitems')).length).toBe(sentBefore);
  });

  it('finds the Fabrikam invoice email once, forwards it to Lynne and moves that same message to Archive', async () => {
    const run = await runScenario(
      app(),
      'find the fabrikam invoice email, forward it to lynne and move it to the archive',
    );
    expect(run.task.status).toBe('completed');
    const archived = await folder(ALEX, 'archive');
    const forwarded = (await folder('lynner@example.com', 'inbox')).filter((m) => /invoice/i.test(m.subject));
    expect(forwarded).toHaveLength(1);
    const original = forwarded[0]?.subject.replace(/^(?:fw|fwd):\s*/i, '');
    expect(archived.filter((m) => m.subject === original)).toHaveLength(1);
  });
});
