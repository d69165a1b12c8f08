import { IDEMPOTENCY_PROPERTY } from '../../src/actions/mail/send';
import { mailRecipientsRisk } from '../../src/actions/mail';
import type { MailReplyOutput } from '../../src/actions/mail/reply';
import type { MailForwardOutput } from '../../src/actions/mail/forward';
import { inboxMessage, inFolder } from './mail-helpers';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const DANA = { name: 'Dana Whitman', address: 'dana@contoso.com' };
const PRICING = 'Re: Contoso renewal: revised pricing for FY27';

describe('mail.reply against the sandbox', () => {
  it("sends one reply in the original's conversation to exactly the recipients given", async () => {
    const [latest] = await inFolder(sandbox(), 'inbox', PRICING);
    if (!latest) throw new Error('no pricing mail');
    const { output } = await sandbox().run('mail.reply', {
      messageId: latest.id,
      to: [DANA],
      comment: 'Yes, the volume tier applies from day one.',
    });
    const reply = output as MailReplyOutput;
    // Alex's earlier (seeded) answer in the thread is in Sent Items too.
    const sent = (await inFolder(sandbox(), 'sentitems', PRICING)).filter((m) =>
      m.body.content.includes('volume tier applies from day one'),
    );
    expect(sent.map((m) => m.id)).toEqual([reply.messageId]);
    expect(sent[0]).toMatchObject({
      isDraft: false,
      conversationId: latest.conversationId,
      toRecipients: [{ emailAddress: { address: DANA.address } }],
      ccRecipients: [],
    });
    expect(sent[0]?.body.content).toContain('Yes, the volume tier applies from day one.');
    expect(reply).toMatchObject({ inReplyTo: latest.id, to: [DANA.address] });
    expect(await inFolder(sandbox(), 'drafts', 'RE: Contoso renewal: revised pricing for FY27')).toEqual([]);
  });

  it('replies all to an internal thread: every recipient given gets it in their Inbox', async () => {
    const m = await inboxMessage(sandbox(), 'Q3 planning workbook - your numbers by Friday');
    await sandbox().run('mail.reply', {
      messageId: m.id,
      replyAll: true,
      to: ['lynner@example.com', megan.upn],
      comment: 'Marketing tab done.',
    });
    const megansCopy = await inFolder(sandbox(), 'inbox', 'RE: Q3 planning workbook - your numbers by Friday', megan);
    expect(megansCopy).toHaveLength(1);
    expect(megansCopy[0]?.body.content).toContain('Marketing tab done.');
  });

  it('sends once when the step runs again with the same key, and sends the draft a failed attempt left', async () => {
    const m = await inboxMessage(sandbox(), 'Lead from the Contoso webinar');
    const input = { messageId: m.id, to: ['isaiahl@example.com'], comment: 'Case study pack is on its way.' };
    await sandbox().run('mail.reply', input, { idempotencyKey: 'reply-1', attempt: 1 });
    await sandbox().run('mail.reply', input, { idempotencyKey: 'reply-1', attempt: 2 });
    expect(await inFolder(sandbox(), 'sentitems', 'RE: Lead from the Contoso webinar')).toHaveLength(1);

    const left = await sandbox().call<{ id: string }>(
      alex.upn,
      'POST',
      `/users/${alex.id}/messages/${m.id}/createReply`,
      {
        comment: 'Left behind',
        message: { singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY, value: 'reply-2' }] },
      },
    );
    const { output } = await sandbox().run(
      'mail.reply',
      { ...input, comment: 'Left behind' },
      { idempotencyKey: 'reply-2', attempt: 2 },
    );
    expect((output as MailReplyOutput).messageId).toBe(left.id);
    expect(await inFolder(sandbox(), 'sentitems', 'RE: Lead from the Contoso webinar')).toHaveLength(2);
    expect(await inFolder(sandbox(), 'drafts', 'RE: Lead from the Contoso webinar')).toEqual([]);
  });

  it('reports an unknown message as not found and refuses another mailbox', async () => {
    const error = await rejectionOf(sandbox().run('mail.reply', { messageId: 'missing', to: [DANA], comment: 'x' }));
    expect(error).toMatchObject({ code: 'graph_not_found', status: 404 });
    const m = await inboxMessage(sandbox(), 'Lead from the Contoso webinar');
    const denied = await rejectionOf(
      sandbox().run(
        'mail.reply',
        { messageId: m.id, to: [DANA], comment: 'x' },
        { actor: { ...megan, upn: alex.upn } },
      ),
    );
    expect(denied).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out a 429 on the send with Retry-After and still sends once', async () => {
    const m = await inboxMessage(sandbox(), 'Lead from the Contoso webinar');
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/send' });
    const started = Date.now();
    await sandbox().run('mail.reply', { messageId: m.id, to: ['isaiahl@example.com'], comment: 'Throttled reply' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await inFolder(sandbox(), 'sentitems', 'RE: Lead from the Contoso webinar')).toHaveLength(1);
  });

  it('declares the recipients as destinations with their names, and decides risk by domain', () => {
    const spec = sandbox().action('mail.reply');
    expect(
      spec.destinations?.({ messageId: 'm', to: [DANA], cc: ['meganb@example.com', { $ref: 's1.x' }], comment: 'x' }),
    ).toEqual([
      { kind: 'recipient', value: DANA.address, label: DANA.name, field: 'to' },
      { kind: 'recipient', value: 'meganb@example.com', field: 'cc' },
    ]);
    expect(mailRecipientsRisk({ to: [DANA] }, alex.upn)).toBe('write-external');
    expect(mailRecipientsRisk({ to: [{ address: megan.upn }], cc: ['adelev@example.com'] }, alex.upn)).toBe(
      'write-internal',
    );
    const preview = spec.describe({
      messageId: { $ref: 's1.messages.0.id' },
      to: [{ $ref: 's1.messages.0.from' }],
      comment: 'Thanks',
      subject: { $ref: 's1.messages.0.subject' },
    });
    expect(preview.title).toBe('Reply to (from step 1)');
    expect(preview.fields).toContainEqual({ label: 'Reply', value: 'Thanks' });
  });
});

describe('mail.forward against the sandbox', () => {
  it('forwards with the attachments to the new recipient and a note', async () => {
    const m = await inboxMessage(sandbox(), 'Invoice FAB-2291 due next week');
    const { output } = await sandbox().run('mail.forward', {
      messageId: m.id,
      to: [megan.upn],
      comment: 'Can you schedule this payment?',
    });
    expect(output as MailForwardOutput).toMatchObject({ forwarded: m.id, to: [megan.upn] });
    const [got] = await inFolder(sandbox(), 'inbox', 'FW: Invoice FAB-2291 due next week', megan);
    expect(got?.body.content).toContain('Can you schedule this payment?');
    expect(got?.hasAttachments).toBe(true);
    const files = await sandbox().read<{ value: Array<{ name: string }> }>(
      megan.upn,
      `/users/${megan.id}/messages/${got?.id}/attachments?$select=name`,
    );
    expect(files.value.map((f) => f.name)).toEqual(['Invoice FAB-2291.pdf']);
  });

  it('forwards once per key, and rides out throttling', async () => {
    const m = await inboxMessage(sandbox(), 'Store display photos for review');
    const input = { messageId: m.id, to: [megan.upn] };
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/createForward' });
    await sandbox().run('mail.forward', input, { idempotencyKey: 'fw-1', attempt: 1 });
    await sandbox().run('mail.forward', input, { idempotencyKey: 'fw-1', attempt: 2 });
    expect(await inFolder(sandbox(), 'inbox', 'FW: Store display photos for review', megan)).toHaveLength(1);
  });

  it('names the forwarded message by subject once known, and by step before', () => {
    const spec = sandbox().action('mail.forward');
    expect(
      spec.describe({
        messageId: { $ref: 's1.messages.0.id' },
        to: [megan.upn],
        subject: { $ref: 's1.messages.0.subject' },
      }).title,
    ).toBe(`Forward the message (from step 1) to ${megan.upn}`);
    expect(spec.describe({ messageId: 'm1', to: [megan.upn], subject: 'Invoice FAB-2291' }).title).toBe(
      `Forward "Invoice FAB-2291" to ${megan.upn}`,
    );
  });

  it('reports not found and forbidden', async () => {
    await expect(sandbox().run('mail.forward', { messageId: 'missing', to: [megan.upn] })).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    const m = await inboxMessage(sandbox(), 'Store display photos for review');
    await expect(
      sandbox().run('mail.forward', { messageId: m.id, to: [megan.upn] }, { actor: { ...megan, upn: alex.upn } }),
    ).rejects.toMatchObject({ code: 'graph_forbidden' });
  });
});
