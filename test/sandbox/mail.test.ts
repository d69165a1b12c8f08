import type { Sandbox } from '../../src/sandbox';
import { ALEX, call, getAll, MONDAY, NOW, startTestSandbox } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const q = encodeURIComponent;

describe('mail: seed', () => {
  it("fills Alex's inbox with at least 50 realistic messages over four weeks", async () => {
    const inbox = await getAll(sandbox, '/me/mailFolders/inbox/messages?$top=100');
    expect(inbox.length).toBeGreaterThanOrEqual(50);
    const times = inbox.map((m) => Date.parse(String(m.receivedDateTime)));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(MONDAY.getTime() - 28 * 86_400_000);
    const m = inbox[0]!;
    for (const key of [
      'id',
      'subject',
      'body',
      'bodyPreview',
      'from',
      'sender',
      'toRecipients',
      'ccRecipients',
      'receivedDateTime',
      'sentDateTime',
      'isRead',
      'isDraft',
      'hasAttachments',
      'importance',
      'conversationId',
      'parentFolderId',
      'webLink',
      'internetMessageId',
    ]) {
      expect(m).toHaveProperty(key);
    }
    const domains = new Set(
      inbox.map((x) => (x.from as { emailAddress: { address: string } }).emailAddress.address.split('@')[1]),
    );
    expect([...domains]).toEqual(expect.arrayContaining(['example.com', 'contoso.com', 'fabrikam.com']));
  });

  it('has several unread Contoso messages this week, and threads sharing a conversationId', async () => {
    const filter = q(`receivedDateTime ge ${MONDAY.toISOString()} and isRead eq false`);
    const unread = await getAll(sandbox, `/me/mailFolders/inbox/messages?$filter=${filter}&$top=50`);
    const contoso = unread.filter((m) => JSON.stringify(m.from).includes('@contoso.com'));
    expect(contoso.length).toBeGreaterThanOrEqual(3);
    const all = await getAll(sandbox, '/me/messages?$top=200&$select=conversationId,subject');
    const counts = new Map<string, number>();
    for (const m of all) counts.set(String(m.conversationId), (counts.get(String(m.conversationId)) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(2);
  });

  it('gives other users mail too', async () => {
    const megan = await call(sandbox, 'GET', '/users/meganb@example.com/mailFolders/inbox/messages', { as: 'app' });
    expect(megan.json.value.length).toBeGreaterThan(5);
  });
});

describe('mail: queries', () => {
  it('pages by 10 by default, newest first, with a $skip nextLink that reaches every message', async () => {
    const first = await call(sandbox, 'GET', '/me/messages');
    expect(first.json.value).toHaveLength(10);
    expect(first.json['@odata.nextLink']).toContain('$skip=10');
    const received = first.json.value.map((m: { receivedDateTime: string }) => m.receivedDateTime);
    expect([...received].sort().reverse()).toEqual(received);
    const all = await getAll(sandbox, '/me/messages');
    const ids = new Set(all.map((m) => m.id));
    expect(ids.size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(55);
  });

  it('rejects $top above 1000', async () => {
    expect((await call(sandbox, 'GET', '/me/messages?$top=1001')).status).toBe(400);
  });

  it('filters by sender address, unread state and date range', async () => {
    const from = await getAll(sandbox, `/me/messages?$filter=${q("from/emailAddress/address eq 'dana@contoso.com'")}`);
    expect(from.length).toBeGreaterThanOrEqual(4);
    expect(
      from.every((m) => (m.from as { emailAddress: { address: string } }).emailAddress.address === 'dana@contoso.com'),
    ).toBe(true);
    const since = new Date(MONDAY.getTime() - 7 * 86_400_000).toISOString();
    const range = await getAll(
      sandbox,
      `/me/messages?$filter=${q(`receivedDateTime ge ${since} and receivedDateTime le ${MONDAY.toISOString()}`)}`,
    );
    expect(range.length).toBeGreaterThan(5);
    expect(
      range.every(
        (m) =>
          String(m.receivedDateTime) >= since.slice(0, 19) &&
          Date.parse(String(m.receivedDateTime)) <= MONDAY.getTime(),
      ),
    ).toBe(true);
    const unread = await getAll(sandbox, `/me/messages?$filter=${q('isRead eq false')}`);
    expect(unread.length).toBeGreaterThan(3);
    expect(unread.every((m) => m.isRead === false)).toBe(true);
  });

  it('answers an unsupported filter with 400 ErrorInvalidUrlQueryFilter', async () => {
    const res = await call(sandbox, 'GET', `/me/messages?$filter=${q('isRead eq')}`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('ErrorInvalidUrlQueryFilter');
  });

  it('searches with KQL-lite: from:, free words, across subject and body', async () => {
    const fromContoso = await getAll(sandbox, `/me/messages?$search=${q('"from:contoso"')}`);
    expect(fromContoso.length).toBeGreaterThanOrEqual(8);
    expect(fromContoso.every((m) => JSON.stringify(m.from).toLowerCase().includes('contoso'))).toBe(true);
    const words = await getAll(sandbox, `/me/messages?$search=${q('"liability cap"')}`);
    expect(words.length).toBeGreaterThanOrEqual(1);
    expect(words.some((m) => String(m.subject).includes('MSA amendment'))).toBe(true);
    const none = await getAll(sandbox, `/me/messages?$search=${q('"zebra quantum"')}`);
    expect(none).toHaveLength(0);
  });

  it("enforces Exchange's query restrictions: no $filter or $orderby with $search; $orderby properties lead $filter", async () => {
    const withFilter = await call(
      sandbox,
      'GET',
      `/me/messages?$search=${q('"contoso"')}&$filter=${q('isRead eq false')}`,
    );
    expect(withFilter.status).toBe(400);
    expect(
      (await call(sandbox, 'GET', `/me/messages?$search=${q('"contoso"')}&$orderby=receivedDateTime desc`)).status,
    ).toBe(400);
    const badOrder = await call(
      sandbox,
      'GET',
      `/me/messages?$filter=${q('isRead eq false')}&$orderby=receivedDateTime desc`,
    );
    expect(badOrder.status).toBe(400);
    expect(badOrder.json.error.code).toBe('InefficientFilter');
    const good = await call(
      sandbox,
      'GET',
      `/me/messages?$filter=${q('receivedDateTime ge 2026-01-01T00:00:00Z and isRead eq false')}&$orderby=receivedDateTime desc`,
    );
    expect(good.status).toBe(200);
    const searched = await call(sandbox, 'GET', `/me/messages?$search=${q('"contoso"')}&$top=3`);
    expect(searched.json['@odata.nextLink']).toContain('$skiptoken=');
  });

  it('reads folders by well-known name, OData key syntax or id, and orders ascending on request', async () => {
    const sent = await call(sandbox, 'GET', "/me/mailFolders('sentitems')/messages?$top=50");
    expect(sent.status).toBe(200);
    expect(sent.json.value.length).toBeGreaterThan(2);
    expect(
      sent.json.value.every(
        (m: { from: { emailAddress: { address: string } } }) => m.from.emailAddress.address === ALEX,
      ),
    ).toBe(true);
    const folder = await call(sandbox, 'GET', '/me/mailFolders/drafts');
    expect(folder.json.displayName).toBe('Drafts');
    const byId = await call(sandbox, 'GET', `/me/mailFolders/${q(folder.json.id)}/messages`);
    expect(byId.json.value[0].isDraft).toBe(true);
    const asc = await call(sandbox, 'GET', '/me/messages?$orderby=receivedDateTime asc&$top=3');
    const times = asc.json.value.map((m: { receivedDateTime: string }) => m.receivedDateTime);
    expect([...times].sort()).toEqual(times);
    expect((await call(sandbox, 'GET', '/me/mailFolders/nope/messages')).status).toBe(404);
  });

  it('reads, updates and deletes one message', async () => {
    const [first] = (await call(sandbox, 'GET', `/me/messages?$filter=${q('isRead eq false')}&$top=1`)).json.value;
    const path = `/me/messages/${q(first.id)}`;
    const got = await call(sandbox, 'GET', `${path}?$select=subject`);
    expect(Object.keys(got.json).sort()).toEqual(['@odata.context', '@odata.etag', 'id', 'subject']);
    const patched = await call(sandbox, 'PATCH', path, { body: { isRead: true } });
    expect(patched.status).toBe(200);
    expect(patched.json.isRead).toBe(true);
    expect(patched.json.changeKey).not.toBe(first.changeKey);
    const bad = await call(sandbox, 'PATCH', path, { body: { subject: 'changed' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('ErrorInvalidPropertyUpdateSentMessage');
    expect((await call(sandbox, 'PATCH', path, { body: { notAProperty: 1 } })).status).toBe(400);
    expect((await call(sandbox, 'DELETE', path)).status).toBe(204);
    const moved = await call(sandbox, 'GET', path);
    expect(moved.json.parentFolderId).toBe((await call(sandbox, 'GET', '/me/mailFolders/deleteditems')).json.id);
    expect((await call(sandbox, 'DELETE', path)).status).toBe(204);
    const gone = await call(sandbox, 'GET', path);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('ErrorItemNotFound');
  });
});
