/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary Graph JSON */
import type { Sandbox } from '../../src/sandbox';
import { ALEX, call, getAll, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await sandbox.reset();
});

const q = encodeURIComponent;
const STAMP = 'String {7f3c8a52-1e4b-4d7a-9c2f-5b8e6d0a4f31} Name DelegateIdempotencyKey';

async function bySubject(subject: string, folder = 'inbox', as = ALEX): Promise<Array<Record<string, any>>> {
  return getAll(sandbox, `/me/mailFolders/${folder}/messages?$filter=${q(`subject eq '${subject}'`)}`, as);
}

async function one(subject: string): Promise<Record<string, any>> {
  const [found] = await bySubject(subject);
  if (!found) throw new Error(`no mail "${subject}"`);
  return found;
}

describe('mail: attachments', () => {
  it('seeds file attachments with name, type, size and bytes on mails that have them', async () => {
    const msa = await one('Contoso MSA amendment - redlines attached');
    expect(msa.hasAttachments).toBe(true);
    const list = await call(sandbox, 'GET', `/me/messages/${msa.id}/attachments`);
    expect(list.status).toBe(200);
    expect(list.json.value).toEqual([
      expect.objectContaining({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'Contoso MSA amendment - redlines.pdf',
        contentType: 'application/pdf',
        isInline: false,
      }),
    ]);
    const [att] = list.json.value;
    const bytes = Buffer.from(att.contentBytes, 'base64');
    expect(bytes.length).toBe(att.size);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const single = await call(sandbox, 'GET', `/me/messages/${msa.id}/attachments/${att.id}?$select=name,size`);
    expect(single.json).toMatchObject({ id: att.id, name: att.name, size: att.size });
    expect(single.json).not.toHaveProperty('contentBytes');
  });

  it('is deterministic, and every seeded mail that says it has attachments has some', async () => {
    const first = await getAll(sandbox, `/me/messages?$filter=${q('hasAttachments eq true')}&$select=id,subject`);
    expect(first.length).toBeGreaterThanOrEqual(5);
    for (const m of first) {
      const list = await call(sandbox, 'GET', `/me/messages/${m.id}/attachments?$select=id,name`);
      expect(list.json.value.length).toBeGreaterThan(0);
    }
    const ids = async () =>
      (await call(sandbox, 'GET', `/me/messages/${first[0]?.id}/attachments?$select=id`)).json.value;
    const before = await ids();
    await sandbox.reset();
    expect(await ids()).toEqual(before);
  });

  it('adds a file to a draft, and the recipient gets its own copy when it is sent', async () => {
    const draft = await call(sandbox, 'POST', '/me/messages', {
      body: { subject: 'With a file', toRecipients: [{ emailAddress: { address: MEGAN } }] },
    });
    const added = await call(sandbox, 'POST', `/me/messages/${draft.json.id}/attachments`, {
      body: {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'notes.txt',
        contentType: 'text/plain',
        contentBytes: Buffer.from('hello').toString('base64'),
      },
    });
    expect(added.status).toBe(201);
    expect((await call(sandbox, 'POST', `/me/messages/${draft.json.id}/send`)).status).toBe(202);
    const [received] = await bySubject('With a file', 'inbox', MEGAN);
    expect(received?.hasAttachments).toBe(true);
    const list = await call(sandbox, 'GET', `/me/messages/${received?.id}/attachments`, { as: MEGAN });
    expect(
      list.json.value.map((a: { name: string; contentBytes: string }) => [
        a.name,
        Buffer.from(a.contentBytes, 'base64').toString(),
      ]),
    ).toEqual([['notes.txt', 'hello']]);
  });

  it("answers 404 for an unknown message and 403 for someone else's mailbox", async () => {
    expect((await call(sandbox, 'GET', '/me/messages/nope/attachments')).json.error.code).toBe('ErrorItemNotFound');
    const msa = await one('Contoso MSA amendment - redlines attached');
    const other = await call(sandbox, 'GET', `/users/${ALEX}/messages/${msa.id}/attachments`, { as: MEGAN });
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('ErrorAccessDenied');
  });
});

describe('mail: move, reply, forward, update', () => {
  it('moves a message to Archive by well-known name, keeping its id; moving again changes nothing', async () => {
    const m = await one('Order confirmation #45821');
    const moved = await call(sandbox, 'POST', `/me/messages/${m.id}/move`, { body: { destinationId: 'archive' } });
    expect(moved.status).toBe(201);
    expect(moved.json.id).toBe(m.id);
    const again = await call(sandbox, 'POST', `/me/messages/${m.id}/move`, {
      body: { destinationId: moved.json.parentFolderId },
    });
    expect(again.json.parentFolderId).toBe(moved.json.parentFolderId);
    expect(await bySubject('Order confirmation #45821', 'archive')).toHaveLength(1);
    expect(await bySubject('Order confirmation #45821', 'inbox')).toHaveLength(0);
    const bad = await call(sandbox, 'POST', `/me/messages/${m.id}/move`, { body: { destinationId: 'nowhere' } });
    expect(bad.status).toBe(400);
  });

  it('creates a stamped reply draft in the same conversation, with the recipients given', async () => {
    const m = await one('Lead from the Contoso webinar');
    const draft = await call(sandbox, 'POST', `/me/messages/${m.id}/createReply`, {
      body: { comment: 'On it.', message: { singleValueExtendedProperties: [{ id: STAMP, value: 'k1' }] } },
    });
    expect(draft.status).toBe(201);
    expect(draft.json).toMatchObject({
      isDraft: true,
      conversationId: m.conversationId,
      subject: 'RE: Lead from the Contoso webinar',
    });
    expect(draft.json.toRecipients).toEqual([
      { emailAddress: { name: 'Isaiah Langer', address: 'isaiahl@example.com' } },
    ]);
    const stamped = await getAll(
      sandbox,
      `/me/messages?$filter=${q(`singleValueExtendedProperties/any(ep: ep/id eq '${STAMP}' and ep/value eq 'k1')`)}`,
    );
    expect(stamped.map((s) => s.id)).toEqual([draft.json.id]);
  });

  it('forwards with the original attachments', async () => {
    const m = await one('Invoice FAB-2291 due next week');
    expect(
      (
        await call(sandbox, 'POST', `/me/messages/${m.id}/forward`, {
          body: { comment: 'FYI', toRecipients: [{ emailAddress: { address: MEGAN } }] },
        })
      ).status,
    ).toBe(202);
    const [got] = await bySubject('FW: Invoice FAB-2291 due next week', 'inbox', MEGAN);
    const list = await call(sandbox, 'GET', `/me/messages/${got?.id}/attachments?$select=name`, { as: MEGAN });
    expect(list.json.value.map((a: { name: string }) => a.name)).toEqual(['Invoice FAB-2291.pdf']);
  });

  it('filters a conversation by conversationId and flags a message with PATCH', async () => {
    const m = await one('Contoso pilot: SSO integration questions');
    const thread = await getAll(sandbox, `/me/messages?$filter=${q(`conversationId eq '${m.conversationId}'`)}`);
    expect(thread.length).toBeGreaterThanOrEqual(1);
    expect(thread.every((t) => t.conversationId === m.conversationId)).toBe(true);
    const patched = await call(sandbox, 'PATCH', `/me/messages/${m.id}`, {
      body: { flag: { flagStatus: 'flagged' }, isRead: true },
    });
    expect(patched.json).toMatchObject({ flag: { flagStatus: 'flagged' }, isRead: true });
  });
});
