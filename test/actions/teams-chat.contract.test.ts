import { chatSendRisk } from '../../src/actions/teams';
import type { SendChatMessageOutput } from '../../src/actions/teams/send-chat-message';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { alex, megan, rejectionOf, useSandbox } from './sandbox-harness';

const sandbox = useSandbox();
const isaiah = SANDBOX_DIRECTORY.users[3]!;
const q = encodeURIComponent;

interface Chat {
  id: string;
  chatType: string;
}
interface ChatMessage {
  id: string;
  body: { content: string };
  from: { user: { id: string } };
}

const chatsOf = async (upn: string): Promise<Chat[]> =>
  (await sandbox().read<{ value: Chat[] }>(upn, '/me/chats')).value;
const messagesIn = async (upn: string, chatId: string): Promise<ChatMessage[]> =>
  (await sandbox().read<{ value: ChatMessage[] }>(upn, `/chats/${q(chatId)}/messages?$top=50`)).value;

describe('teams.sendChatMessage against the sandbox', () => {
  it('posts in the existing one-on-one chat, which the person reads', async () => {
    const before = await chatsOf(megan.upn);
    const { output } = await sandbox().run('teams.sendChatMessage', {
      to: megan.upn,
      toName: megan.name,
      text: 'The deck is ready',
    });
    const sent = output as SendChatMessageOutput;
    expect(await chatsOf(megan.upn)).toHaveLength(before.length);
    expect(sent.chatId).toBe(`19:${[alex.id, megan.id].sort().join('_')}@unq.gbl.spaces`);
    expect(sent.webUrl).toContain('https://teams.microsoft.com/l/chat/');
    const [latest] = await messagesIn(megan.upn, sent.chatId);
    expect(latest).toMatchObject({ id: sent.messageId, from: { user: { id: alex.id } } });
    expect(latest?.body.content).toBe('<p>The deck is ready</p>');
  });

  it('creates the one-on-one chat when the two have none yet', async () => {
    expect((await chatsOf(isaiah.mail)).some((c) => c.chatType === 'oneOnOne')).toBe(false);
    const { output } = await sandbox().run('teams.sendChatMessage', { to: isaiah.mail, text: 'Welcome aboard' });
    const chats = await chatsOf(isaiah.mail);
    expect(chats.map((c) => c.id)).toContain((output as SendChatMessageOutput).chatId);
    expect(
      (await messagesIn(isaiah.mail, (output as SendChatMessageOutput).chatId)).map((m) => m.body.content),
    ).toEqual([expect.stringContaining('Welcome aboard')]);
  });

  it('sends once when the step runs again with the same key', async () => {
    const ctx = { idempotencyKey: 'step-chat-1' };
    const first = await sandbox().run(
      'teams.sendChatMessage',
      { to: isaiah.mail, text: 'Exactly once' },
      { ...ctx, attempt: 1 },
    );
    const second = await sandbox().run(
      'teams.sendChatMessage',
      { to: isaiah.mail, text: 'Exactly once' },
      { ...ctx, attempt: 2 },
    );
    expect(second.output).toEqual(first.output);
    const chatId = (first.output as SendChatMessageOutput).chatId;
    expect((await messagesIn(isaiah.mail, chatId)).filter((m) => m.body.content.includes('Exactly once'))).toHaveLength(
      1,
    );
    expect((await chatsOf(isaiah.mail)).filter((c) => c.id === chatId)).toHaveLength(1);
  });

  it('reports someone who is not in the directory as not found', async () => {
    await expect(
      rejectionOf(sandbox().run('teams.sendChatMessage', { to: 'nobody@example.com', text: 'Hello?' })),
    ).resolves.toMatchObject({ code: 'graph_not_found', status: 404 });
  });

  it('is refused when the requester is not in the chat (forbidden)', async () => {
    // Adele is not in Alex and Megan's chat: the step runs as her but names a chat of two others.
    const adele = SANDBOX_DIRECTORY.users[2]!;
    const error = await rejectionOf(
      sandbox().run(
        'teams.sendChatMessage',
        { to: megan.upn, text: 'Hi' },
        { actor: { id: alex.id, upn: adele.mail, name: adele.displayName } },
      ),
    );
    expect(error).toMatchObject({ code: 'graph_forbidden', status: 403 });
  });

  it('rides out throttling', async () => {
    await sandbox().fault({ status: 429, retryAfterSeconds: 1, count: 1, pathContains: '/messages' });
    const started = Date.now();
    const { output } = await sandbox().run('teams.sendChatMessage', { to: megan.upn, text: 'After the storm' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(
      (await messagesIn(megan.upn, (output as SendChatMessageOutput).chatId)).filter((m) =>
        m.body.content.includes('After the storm'),
      ),
    ).toHaveLength(1);
  });

  it('names the person as a recipient, previews the message, and is external outside the domain', () => {
    const spec = sandbox().action('teams.sendChatMessage');
    const input = { to: megan.upn, toName: 'Megan Bowen', text: 'Hi' };
    expect(spec.destinations?.(input)).toEqual([
      { kind: 'recipient', value: megan.upn, label: 'Megan Bowen', field: 'to' },
    ]);
    expect(spec.describe(input)).toMatchObject({
      title: 'Send a Teams chat message to Megan Bowen',
      fields: [
        { label: 'To', value: 'Megan Bowen <meganb@example.com>' },
        { label: 'Message', value: 'Hi' },
      ],
    });
    expect(spec.risk).toBe('write-internal');
    expect(chatSendRisk(input, alex.upn)).toBe('write-internal');
    expect(chatSendRisk({ to: 'dana@contoso.com' }, alex.upn)).toBe('write-external');
    expect(chatSendRisk({ to: 'dana_contoso.com#EXT#@example.com' }, alex.upn)).toBe('write-external');
    expect(chatSendRisk(input, undefined)).toBe('write-external');
  });
});
