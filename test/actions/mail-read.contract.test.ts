import type { MailReadOutput } from '../../src/actions/mail/read';
import type { SummariseThreadOutput } from '../../src/actions/mail/summarise-thread';
import { inboxMessage } from './mail-helpers';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();

describe('mail.read against the sandbox', () => {
  it('reads the body as text and lists the attachments with name, size and type', async () => {
    const m = await inboxMessage(sandbox(), 'Contoso MSA amendment - redlines attached');
    const { output, provenance } = await sandbox().run('mail.read', { messageId: m.id });
    const read = output as MailReadOutput;
    expect(read).toMatchObject({
      id: m.id,
      subject: 'Contoso MSA amendment - redlines attached',
      from: { name: 'Sofia Marin', address: 'sofia.marin@contoso.com' },
    });
    expect(read.to).toEqual([{ name: 'Alex Wilber', address: alex.upn }]);
    expect(read.body).toContain('section 7 (data residency)');
    expect(read.body).not.toMatch(/<[a-z]/i);
    expect(read.attachments).toEqual([
      {
        id: expect.any(String),
        name: 'Contoso MSA amendment - redlines.pdf',
        size: expect.any(Number),
        contentType: 'application/pdf',
      },
    ]);
    expect(read.attachments[0]?.size).toBeGreaterThan(100);
    expect(provenance).toEqual([m.id]);
  });

  it('gives an empty attachment list for a message without any', async () => {
    const m = await inboxMessage(sandbox(), 'All-hands moved to Thursday');
    const read = (await sandbox().run('mail.read', { messageId: m.id })).output as MailReadOutput;
    expect(read.attachments).toEqual([]);
    expect(read.cc).toEqual([]);
    // Patti wrote to five people: reply all reaches the four others besides Alex.
    expect(read.others.map((a) => a.address)).toEqual([
      'meganb@example.com',
      'adelev@example.com',
      'isaiahl@example.com',
      'lynner@example.com',
    ]);
  });

  it('reports a message that does not exist as not found', async () => {
    const error = await rejectionOf(sandbox().run('mail.read', { messageId: 'AAMk-missing' }));
    expect(error).toMatchObject({ code: 'graph_not_found', status: 404 });
  });

  it("refuses someone else's mailbox", async () => {
    const m = await inboxMessage(sandbox(), 'All-hands moved to Thursday');
    const error = await rejectionOf(
      sandbox().run('mail.read', { messageId: m.id }, { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out a 429 on the attachments with Retry-After', async () => {
    const m = await inboxMessage(sandbox(), 'Invoice FAB-2291 due next week');
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/attachments' });
    const started = Date.now();
    const read = (await sandbox().run('mail.read', { messageId: m.id })).output as MailReadOutput;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(read.attachments.map((a) => a.name)).toEqual(['Invoice FAB-2291.pdf']);
  });
});

describe('mail.summariseThread against the sandbox', () => {
  it('summarises every message of the conversation, received and sent, newest first', async () => {
    const m = await inboxMessage(sandbox(), 'Re: Contoso renewal: revised pricing for FY27');
    const { output, provenance } = await sandbox().run('mail.summariseThread', { messageId: m.id });
    const thread = output as SummariseThreadOutput;
    expect(thread.conversationId).toBe(m.conversationId);
    expect(thread.subject).toBe('Contoso renewal: revised pricing for FY27');
    // Dana's kick-off, Alex's reply and proposal (sent items), and Dana's two answers this week.
    expect(thread.count).toBeGreaterThanOrEqual(4);
    expect(thread.summary).toMatch(/^Thread: Contoso renewal: revised pricing for FY27\n\d+ messages from 2 senders/);
    expect(thread.summary).toContain('Alex Wilber');
    expect(thread.summary).toContain('Dana Whitman');
    expect(thread.summary).toContain('on-site onboarding');
    expect(provenance).toEqual(expect.arrayContaining([m.id, ...thread.sourceIds]));
    const again = (await sandbox().run('mail.summariseThread', { messageId: m.id })).output as SummariseThreadOutput;
    expect(again.summary).toBe(thread.summary);
  });

  it('reports an unknown message as not found, and refuses another mailbox', async () => {
    await expect(sandbox().run('mail.summariseThread', { messageId: 'nope' })).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    const m = await inboxMessage(sandbox(), 'All-hands moved to Thursday');
    await expect(
      sandbox().run('mail.summariseThread', { messageId: m.id }, { actor: { ...megan, upn: alex.upn } }),
    ).rejects.toMatchObject({ code: 'graph_forbidden' });
  });

  it('rides out a 429 while reading the thread', async () => {
    const m = await inboxMessage(sandbox(), 'Re: Contoso pilot: SSO integration questions');
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/messages' });
    const thread = (await sandbox().run('mail.summariseThread', { messageId: m.id })).output as SummariseThreadOutput;
    expect(thread.count).toBeGreaterThanOrEqual(1);
  });
});
