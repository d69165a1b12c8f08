import { SANDBOX_DIRECTORY, type Sandbox } from '../../src/sandbox';
import { ALEX, call, MEGAN, NOW, startTestSandbox } from './helpers';

const LAG = 5_000;
const q = encodeURIComponent;
const team = SANDBOX_DIRECTORY.team;
const general = team.channels[0];
if (!general) throw new Error('no General channel');
const channelPath = `/teams/${team.id}/channels/${q(general.id)}/messages`;

let sandbox: Sandbox;
let now = NOW;
/** Move the sandbox's clock on by `ms`. */
const advance = (ms: number): void => {
  now = new Date(now.getTime() + ms);
};
const strong = { 'x-sandbox-consistency': 'strong' };

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now, visibilityLagMs: LAG });
});
beforeEach(async () => {
  now = NOW;
  await sandbox.reset(NOW);
});
afterAll(() => sandbox.close());

const subjects = async (path: string, as = ALEX, headers: Record<string, string> = {}): Promise<string[]> => {
  const answer = await call(sandbox, 'GET', path, { as, headers });
  expect(answer.status).toBe(200);
  return (answer.json.value as Array<{ subject: string }>).map((m) => m.subject);
};

describe('the sandbox with an eventual-consistency lag', () => {
  it('keeps a sent copy out of Sent Items, searches and the recipient’s Inbox until the lag has passed on its clock', async () => {
    const draft = await call(sandbox, 'POST', '/me/messages', {
      body: {
        subject: 'Lagging copy',
        body: { contentType: 'Text', content: 'x' },
        toRecipients: [{ emailAddress: { address: MEGAN } }],
      },
    });
    expect(draft.status).toBe(201);
    // The new draft itself is not listed yet, though it can be read by id.
    expect(await subjects("/me/mailFolders/drafts/messages?$filter=subject eq 'Lagging copy'")).toEqual([]);
    expect((await call(sandbox, 'GET', `/me/messages/${q(draft.json.id)}`)).json.isDraft).toBe(true);
    advance(LAG);
    expect(await subjects("/me/mailFolders/drafts/messages?$filter=subject eq 'Lagging copy'")).toEqual([
      'Lagging copy',
    ]);

    expect((await call(sandbox, 'POST', `/me/messages/${q(draft.json.id)}/send`)).status).toBe(202);
    const sent = "/me/mailFolders/sentitems/messages?$filter=subject eq 'Lagging copy'";
    expect(await subjects(sent)).toEqual([]);
    expect(await subjects("/me/messages?$filter=subject eq 'Lagging copy'")).toEqual([]);
    expect(await subjects('/me/messages?$search="Lagging"')).toEqual([]);
    expect(await subjects("/me/mailFolders/inbox/messages?$filter=subject eq 'Lagging copy'", MEGAN)).toEqual([]);
    // By id it is there at once, sent; and a strong read sees it.
    expect((await call(sandbox, 'GET', `/me/messages/${q(draft.json.id)}`)).json.isDraft).toBe(false);
    expect(await subjects(sent, ALEX, strong)).toEqual(['Lagging copy']);

    advance(LAG - 1);
    expect(await subjects(sent)).toEqual([]);
    advance(1);
    expect(await subjects(sent)).toEqual(['Lagging copy']);
    expect(await subjects('/me/messages?$search="Lagging"')).toEqual(['Lagging copy']);
    expect(await subjects("/me/mailFolders/inbox/messages?$filter=subject eq 'Lagging copy'", MEGAN)).toEqual([
      'Lagging copy',
    ]);
  });

  it('lists a new channel post and its reply only after the lag, while reading them by id works at once', async () => {
    const post = await call(sandbox, 'POST', channelPath, { body: { body: { content: 'Lagging post' } } });
    expect(post.status).toBe(201);
    const ids = async (path: string) =>
      ((await call(sandbox, 'GET', path)).json.value as Array<{ id: string }>).map((m) => m.id);
    expect(await ids(channelPath)).not.toContain(post.json.id);
    expect((await call(sandbox, 'GET', `${channelPath}/${post.json.id}`)).status).toBe(200);
    advance(LAG);
    expect(await ids(channelPath)).toContain(post.json.id);

    const replies = `${channelPath}/${post.json.id}/replies`;
    const reply = await call(sandbox, 'POST', replies, { body: { body: { content: 'Lagging reply' } } });
    expect(await ids(replies)).toEqual([]);
    advance(LAG);
    expect(await ids(replies)).toEqual([reply.json.id]);
  });

  it('lists a new chat message only after the lag', async () => {
    const [chat] = (await call(sandbox, 'GET', '/chats')).json.value as Array<{ id: string }>;
    if (!chat) throw new Error('Alex has no chat');
    const path = `/chats/${q(chat.id)}/messages`;
    const sent = await call(sandbox, 'POST', path, { body: { body: { content: 'Lagging chat' } } });
    expect(sent.status).toBe(201);
    const listed = async () =>
      ((await call(sandbox, 'GET', path)).json.value as Array<{ id: string }>).map((m) => m.id);
    expect(await listed()).not.toContain(sent.json.id);
    advance(LAG);
    expect(await listed()).toContain(sent.json.id);
  });

  it('lists a new event (and the attendee’s copy) in calendar views only after the lag', async () => {
    const created = await call(sandbox, 'POST', '/me/events', {
      body: {
        subject: 'Lagging meeting',
        start: { dateTime: '2026-03-12T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-12T10:30:00', timeZone: 'UTC' },
        attendees: [{ type: 'required', emailAddress: { address: MEGAN } }],
      },
    });
    expect(created.status).toBe(201);
    const view =
      '/me/calendarView?startDateTime=2026-03-12T00:00:00Z&endDateTime=2026-03-13T00:00:00Z&$filter=' +
      q("subject eq 'Lagging meeting'");
    expect(await subjects(view)).toEqual([]);
    expect(await subjects(view, MEGAN)).toEqual([]);
    advance(LAG);
    expect(await subjects(view)).toEqual(['Lagging meeting']);
    expect(await subjects(view, MEGAN)).toEqual(['Lagging meeting']);
  });
});
