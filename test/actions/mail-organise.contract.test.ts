import type { MailDraftOutput } from '../../src/actions/mail/draft';
import type { MailMoveOutput } from '../../src/actions/mail/move';
import type { MailSearchOutput } from '../../src/actions/mail/search';
import { inboxMessage, inFolder } from './mail-helpers';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const ORDER = 'Order confirmation #45821';

describe('mail.draft against the sandbox', () => {
  it('saves one draft, not sent, with the recipients and body; a retry with the same key finds it', async () => {
    const input = {
      to: [megan.upn],
      cc: ['dana@contoso.com'],
      subject: 'Draft for review',
      body: 'Numbers attached tomorrow.',
    };
    const first = (await sandbox().run('mail.draft', input, { idempotencyKey: 'draft-1', attempt: 1 }))
      .output as MailDraftOutput;
    const second = (await sandbox().run('mail.draft', input, { idempotencyKey: 'draft-1', attempt: 2 }))
      .output as MailDraftOutput;
    expect(second).toEqual(first);
    const drafts = await inFolder(sandbox(), 'drafts', 'Draft for review');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      isDraft: true,
      toRecipients: [{ emailAddress: { address: megan.upn } }],
      ccRecipients: [{ emailAddress: { address: 'dana@contoso.com' } }],
    });
    expect(first.webLink).toMatch(/^https:\/\//);
    expect(await inFolder(sandbox(), 'inbox', 'Draft for review', megan)).toEqual([]);
    expect(
      sandbox()
        .action('mail.draft')
        .destinations?.(input)
        .map((d) => d.value),
    ).toEqual([megan.upn, 'dana@contoso.com']);
  });

  it('refuses another mailbox and rides out a 429', async () => {
    const input = { to: [megan.upn], subject: 'Throttled draft', body: 'x' };
    await expect(sandbox().run('mail.draft', input, { actor: { ...megan, upn: alex.upn } })).rejects.toMatchObject({
      code: 'graph_forbidden',
    });
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/messages' });
    await sandbox().run('mail.draft', input);
    expect(await inFolder(sandbox(), 'drafts', 'Throttled draft')).toHaveLength(1);
  });
});

describe('mail.move against the sandbox', () => {
  it('moves what mail.search found to Archive; running it again converges', async () => {
    const found = (await sandbox().run('mail.search', { from: 'orders@fabrikam.com' })).output as MailSearchOutput;
    expect(found.ids.length).toBeGreaterThan(0);
    const first = (await sandbox().run('mail.move', { messageIds: found.ids, folder: 'Archive' }))
      .output as MailMoveOutput;
    expect(first).toMatchObject({ folderName: 'Archive', moved: found.ids, alreadyThere: [] });
    const again = (await sandbox().run('mail.move', { messageIds: found.ids, folder: 'archive' }, { attempt: 2 }))
      .output as MailMoveOutput;
    expect(again).toMatchObject({ moved: [], alreadyThere: found.ids });
    expect(await inFolder(sandbox(), 'inbox', ORDER)).toEqual([]);
    expect(await inFolder(sandbox(), 'archive', ORDER)).toHaveLength(1);
    const archived = (await sandbox().run('mail.search', { from: 'orders@fabrikam.com', folder: 'Archive' }))
      .output as MailSearchOutput;
    expect(archived.ids.sort()).toEqual([...found.ids].sort());
  });

  it('reports an unknown folder or message as not found, and another mailbox as forbidden', async () => {
    const m = await inboxMessage(sandbox(), ORDER);
    await expect(sandbox().run('mail.move', { messageIds: [m.id], folder: 'Nowhere' })).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    await expect(sandbox().run('mail.move', { messageIds: ['missing'], folder: 'Archive' })).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    const error = await rejectionOf(
      sandbox().run('mail.move', { messageIds: [m.id], folder: 'Archive' }, { actor: { ...megan, upn: alex.upn } }),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out a 429 on the move', async () => {
    const m = await inboxMessage(sandbox(), ORDER);
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/move' });
    await sandbox().run('mail.move', { messageIds: [m.id], folder: 'Archive' });
    expect(await inFolder(sandbox(), 'archive', ORDER)).toHaveLength(1);
  });
});

describe('mail.update against the sandbox', () => {
  it('flags and marks read; running it again changes nothing more', async () => {
    const found = (await sandbox().run('mail.search', { from: 'Fabrikam', unread: true })).output as MailSearchOutput;
    expect(found.ids.length).toBeGreaterThan(0);
    await sandbox().run('mail.update', { messageIds: found.ids, flag: 'flagged', isRead: true });
    await sandbox().run('mail.update', { messageIds: found.ids, flag: 'flagged', isRead: true }, { attempt: 2 });
    for (const id of found.ids) {
      const m = await sandbox().read<{ flag: { flagStatus: string }; isRead: boolean }>(
        alex.upn,
        `/users/${alex.id}/messages/${id}?$select=flag,isRead`,
      );
      expect(m).toMatchObject({ flag: { flagStatus: 'flagged' }, isRead: true });
    }
    const left = (await sandbox().run('mail.search', { from: 'Fabrikam', unread: true })).output as MailSearchOutput;
    expect(left.count).toBe(0);
  });

  it('needs something to change, and reports not found, forbidden and rides out a 429', async () => {
    expect(
      sandbox()
        .action('mail.update')
        .input.safeParse({ messageIds: ['x'] }).success,
    ).toBe(false);
    await expect(sandbox().run('mail.update', { messageIds: ['missing'], isRead: true })).rejects.toMatchObject({
      code: 'graph_not_found',
    });
    const m = await inboxMessage(sandbox(), ORDER);
    await expect(
      sandbox().run('mail.update', { messageIds: [m.id], isRead: true }, { actor: { ...megan, upn: alex.upn } }),
    ).rejects.toMatchObject({ code: 'graph_forbidden' });
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: m.id.slice(0, 12) });
    await sandbox().run('mail.update', { messageIds: [m.id], flag: 'complete' });
    const after = await sandbox().read<{ flag: { flagStatus: string } }>(
      alex.upn,
      `/users/${alex.id}/messages/${m.id}?$select=flag`,
    );
    expect(after.flag.flagStatus).toBe('complete');
  });
});

describe('mail.search: folder and attachments', () => {
  it('finds only mail with attachments when asked, within one folder', async () => {
    const found = (await sandbox().run('mail.search', { from: 'Contoso', hasAttachments: true, folder: 'Inbox' }))
      .output as MailSearchOutput;
    expect(found.count).toBeGreaterThan(0);
    expect(found.messages.every((m) => m.hasAttachments === true)).toBe(true);
    expect(found.ids).toEqual(found.messages.map((m) => m.id));
    const none = (await sandbox().run('mail.search', { hasAttachments: true, folder: 'drafts' }))
      .output as MailSearchOutput;
    expect(none.count).toBe(0);
  });
});
