import type { Sandbox } from '../../src/sandbox';
import { ALEX, call, getAll, MEGAN, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const q = encodeURIComponent;
const PROP = 'String {7f3c8a52-1e4b-4d7a-9c2f-5b8e6d0a4f31} Name DelegateIdempotencyKey';

async function inboxWithSubject(as: string, subject: string) {
  return (await getAll(sandbox, `/users/${as}/mailFolders/inbox/messages?$top=100`, 'app')).filter(
    (m) => m.subject === subject,
  );
}

describe('drafts and sending', () => {
  it('creates a draft, sends it (202), moves it to Sent Items and delivers an unread copy to tenant recipients only', async () => {
    const created = await call(sandbox, 'POST', '/me/messages', {
      body: {
        subject: 'Review with Megan',
        body: { contentType: 'Text', content: 'Can we meet next week?' },
        toRecipients: [{ emailAddress: { address: MEGAN } }],
        ccRecipients: [{ emailAddress: { address: 'dana@contoso.com', name: 'Dana Whitman' } }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      isDraft: true,
      subject: 'Review with Megan',
      bodyPreview: 'Can we meet next week?',
    });
    expect(created.json.from.emailAddress.address).toBe(ALEX);
    const drafts = await call(sandbox, 'GET', '/me/mailFolders/drafts/messages');
    expect(drafts.json.value.map((m: { id: string }) => m.id)).toContain(created.json.id);

    const sent = await call(sandbox, 'POST', `/me/messages/${q(created.json.id)}/send`);
    expect(sent.status).toBe(202);
    expect(sent.json).toBeUndefined();

    const mine = await call(sandbox, 'GET', `/me/messages/${q(created.json.id)}`);
    expect(mine.json.isDraft).toBe(false);
    expect(mine.json.sentDateTime).toBeTruthy();
    expect(mine.json.parentFolderId).toBe((await call(sandbox, 'GET', '/me/mailFolders/sentitems')).json.id);
    const stillDraft = await call(sandbox, 'GET', '/me/mailFolders/drafts/messages');
    expect(stillDraft.json.value.map((m: { id: string }) => m.id)).not.toContain(created.json.id);

    const delivered = await inboxWithSubject(MEGAN, 'Review with Megan');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ isRead: false, isDraft: false });
    expect(delivered[0]!.id).not.toBe(created.json.id);
    expect((delivered[0]!.from as { emailAddress: { address: string } }).emailAddress.address).toBe(ALEX);
    expect(await inboxWithSubject(ALEX, 'Review with Megan')).toHaveLength(0);

    const again = await call(sandbox, 'POST', `/me/messages/${q(created.json.id)}/send`);
    expect(again.status).toBe(400);
  });

  it('refuses to send a draft without recipients', async () => {
    const draft = await call(sandbox, 'POST', '/me/messages', {
      body: { subject: 'Nobody', body: { contentType: 'text', content: 'x' } },
    });
    const res = await call(sandbox, 'POST', `/me/messages/${q(draft.json.id)}/send`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('ErrorInvalidRecipients');
  });

  it('lets a draft be edited before sending', async () => {
    const draft = await call(sandbox, 'POST', '/me/messages', { body: { subject: 'v1' } });
    const patched = await call(sandbox, 'PATCH', `/me/messages/${q(draft.json.id)}`, {
      body: {
        subject: 'v2',
        body: { contentType: 'html', content: '<p>Hello <b>team</b></p>' },
        toRecipients: [{ emailAddress: { address: 'adelev@example.com' } }],
      },
    });
    expect(patched.json).toMatchObject({ subject: 'v2', bodyPreview: 'Hello team' });
    expect(patched.json.toRecipients[0].emailAddress.address).toBe('adelev@example.com');
  });

  it('sendMail delivers like send, and keeps Sent Items unless saveToSentItems is false', async () => {
    const res = await call(sandbox, 'POST', '/me/sendMail', {
      body: {
        message: {
          subject: 'Direct',
          body: { contentType: 'text', content: 'hi' },
          toRecipients: [{ emailAddress: { address: 'isaiahl@example.com' } }],
        },
      },
    });
    expect(res.status).toBe(202);
    expect(await inboxWithSubject('isaiahl@example.com', 'Direct')).toHaveLength(1);
    const sent = await getAll(sandbox, "/me/mailFolders('sentitems')/messages?$top=100");
    expect(sent.filter((m) => m.subject === 'Direct')).toHaveLength(1);

    await call(sandbox, 'POST', '/me/sendMail', {
      body: {
        saveToSentItems: false,
        message: { subject: 'Unsaved', toRecipients: [{ emailAddress: { address: 'isaiahl@example.com' } }] },
      },
    });
    expect(await inboxWithSubject('isaiahl@example.com', 'Unsaved')).toHaveLength(1);
    const all = await getAll(sandbox, '/me/messages?$top=200');
    expect(all.filter((m) => m.subject === 'Unsaved')).toHaveLength(0);
    expect((await call(sandbox, 'POST', '/me/sendMail', { body: {} })).status).toBe(400);
  });
});

describe('extended properties', () => {
  it('stores them on drafts, finds them with an any() filter and returns them with $expand only', async () => {
    const draft = await call(sandbox, 'POST', '/me/messages', {
      body: {
        subject: 'Stamped',
        toRecipients: [{ emailAddress: { address: MEGAN } }],
        singleValueExtendedProperties: [{ id: PROP, value: 'key-42' }],
      },
    });
    expect(draft.json.singleValueExtendedProperties).toBeUndefined();
    const filter = q(`singleValueExtendedProperties/any(ep: ep/id eq '${PROP}' and ep/value eq 'key-42')`);
    const found = await call(sandbox, 'GET', `/me/messages?$filter=${filter}&$select=id,isDraft,sentDateTime`);
    expect(found.json.value.map((m: { id: string }) => m.id)).toEqual([draft.json.id]);
    expect(found.json.value[0].isDraft).toBe(true);
    const other = q(`singleValueExtendedProperties/any(ep: ep/id eq '${PROP}' and ep/value eq 'key-43')`);
    expect((await call(sandbox, 'GET', `/me/messages?$filter=${other}`)).json.value).toHaveLength(0);

    const expand = q(`singleValueExtendedProperties($filter=id eq '${PROP}')`);
    const got = await call(sandbox, 'GET', `/me/messages/${q(draft.json.id)}?$expand=${expand}`);
    expect(got.json.singleValueExtendedProperties).toEqual([{ id: PROP, value: 'key-42' }]);

    await call(sandbox, 'POST', `/me/messages/${q(draft.json.id)}/send`);
    const afterSend = await call(sandbox, 'GET', `/me/messages?$filter=${filter}&$expand=${expand}`);
    expect(afterSend.json.value).toHaveLength(1);
    expect(afterSend.json.value[0].isDraft).toBe(false);
    expect(afterSend.json.value[0].singleValueExtendedProperties[0].value).toBe('key-42');
    // The property is the sender's; the recipient's copy does not carry it.
    const meganCopies = await call(sandbox, 'GET', `/users/${MEGAN}/messages?$filter=${filter}`, { as: 'app' });
    expect(meganCopies.json.value).toHaveLength(0);
  });

  it('rejects a malformed property id', async () => {
    const res = await call(sandbox, 'POST', '/me/messages', {
      body: { subject: 'x', singleValueExtendedProperties: [{ id: 'nonsense', value: 'v' }] },
    });
    expect(res.status).toBe(400);
  });
});

describe('replies and forwards', () => {
  it('replies to the sender in the same conversation, and forwards to new recipients', async () => {
    const [original] = (
      await call(
        sandbox,
        'GET',
        `/me/messages?$filter=${q("from/emailAddress/address eq 'meganb@example.com'")}&$top=1`,
      )
    ).json.value;
    expect(
      (await call(sandbox, 'POST', `/me/messages/${q(original.id)}/reply`, { body: { comment: 'Sounds good.' } }))
        .status,
    ).toBe(202);
    const reply = (await inboxWithSubject(MEGAN, `RE: ${original.subject.replace(/^RE: /, '')}`))[0]!;
    expect(reply.conversationId).toBe(original.conversationId);
    expect(String(reply.bodyPreview)).toContain('Sounds good.');
    const draft = await call(sandbox, 'POST', `/me/messages/${q(original.id)}/createForward`, {
      body: { toRecipients: [{ emailAddress: { address: 'lynner@example.com' } }] },
    });
    expect(draft.status).toBe(201);
    expect(draft.json).toMatchObject({ isDraft: true, subject: `FW: ${original.subject.replace(/^RE: /, '')}` });
    expect((await call(sandbox, 'POST', '/me/messages/missing/reply', { body: {} })).status).toBe(404);
  });
});
