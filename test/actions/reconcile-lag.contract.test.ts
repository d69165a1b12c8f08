import { createCatalogue } from '../../src/actions';
import type { ActionSpec } from '../../src/engine/catalogue';
import { createGraphGateway } from '../../src/graph/gateway';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { recordingLogger } from '../graph/log';
import { inboxMessage } from './mail-helpers';
import { alex, megan, NOW, rejectionOf, team, useSandbox } from './sandbox-harness';

/**
 * A step that dies mid-send (its send held in flight past the client's patience, as a crash
 * would leave it) and runs again at once, against a tenant whose lists show new items only
 * 1.5 s after they were made: what attempt 1 sent is not listed when attempt 2 first looks.
 * Every action still has its effect exactly once.
 */
const LAG_MS = 1_500;
const sandbox = useSandbox({ lagMs: LAG_MS });
const general = team.channels[0];
if (!general) throw new Error('sandbox team has no General channel');
const isaiah = SANDBOX_DIRECTORY.users[3];
if (!isaiah) throw new Error('no Isaiah in the sandbox');
const q = encodeURIComponent;

/** The action from a catalogue whose gateway gives up after 150 ms, with exactly its declared permissions. */
function impatient(name: string): ActionSpec {
  const declared = sandbox().action(name).permissions;
  const spec = createCatalogue(
    createGraphGateway({
      baseUrl: sandbox().sandbox.url,
      auth: { kind: 'sandbox', grants: declared, userIdentity: 'user' },
      timeoutMs: 150,
      maxRetries: 0,
      logger: recordingLogger(),
    }),
  ).get(name);
  if (!spec) throw new Error(`no action ${name}`);
  return spec;
}

/** A list read straight from the sandbox as `upn`; `strong` sees what the lag still hides. */
async function list<T>(upn: string, path: string, strong = false): Promise<T[]> {
  const response = await fetch(`${sandbox().sandbox.url}${path}`, {
    headers: {
      authorization: `Bearer sandbox:${upn}`,
      ...(strong ? { 'x-sandbox-consistency': 'strong' } : {}),
    },
  });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
  return ((await response.json()) as { value: T[] }).value;
}

const bySubject = (folder: string, subject: string) =>
  `/users/{id}/mailFolders/${folder}/messages?$top=50&$filter=${q(`subject eq '${subject}'`)}`;
const mailIn = (who: { upn: string; id: string }, folder: string, subject: string, strong = true) =>
  list<{ id: string }>(who.upn, bySubject(folder, subject).replace('{id}', who.id), strong);

/**
 * Attempt 1 through the impatient gateway with the request at `holdPath` held for 400 ms, so it
 * fails as ambiguous while the sandbox still carries it out; then, once it has, `hidden` must
 * still be empty (the lag hides it from lists) before attempt 2 runs with the same key.
 */
async function crashThenRetry(
  name: string,
  input: Record<string, unknown>,
  holdPath: string,
  hidden: () => Promise<unknown[]>,
): Promise<unknown> {
  const key = `crash-${name}`;
  await sandbox().fault({ latencyMs: 400, count: 1, pathContains: holdPath });
  const first = impatient(name);
  const error = await rejectionOf(
    first.run(first.input.parse(input), { idempotencyKey: key, actor: alex, attempt: 1, now: NOW }),
  );
  expect(error).toMatchObject({ ambiguous: true });
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(await hidden()).toEqual([]);
  return (await sandbox().run(name, input, { idempotencyKey: key, attempt: 2 })).output;
}

describe('crash mid-send, then a retry against an eventually consistent tenant', () => {
  it('mail.send: exactly one mail', async () => {
    const subject = 'Crash lag send';
    const output = await crashThenRetry('mail.send', { to: [megan.upn], subject, body: 'Once.' }, '/send', () =>
      mailIn(alex, 'sentitems', subject, false),
    );
    const sent = await mailIn(alex, 'sentitems', subject);
    expect(sent).toHaveLength(1);
    expect(output).toMatchObject({ messageId: sent[0]?.id });
    expect(await mailIn(megan, 'inbox', subject)).toHaveLength(1);
    expect(await mailIn(alex, 'drafts', subject)).toEqual([]);
  }, 30_000);

  it('mail.reply: exactly one reply', async () => {
    const original = await inboxMessage(sandbox(), 'Lead from the Contoso webinar');
    const subject = 'RE: Lead from the Contoso webinar';
    await crashThenRetry(
      'mail.reply',
      { messageId: original.id, to: [megan.upn], comment: 'Replying once.' },
      '/send',
      () => mailIn(alex, 'sentitems', subject, false),
    );
    expect(await mailIn(alex, 'sentitems', subject)).toHaveLength(1);
    expect(await mailIn(megan, 'inbox', subject)).toHaveLength(1);
    expect(await mailIn(alex, 'drafts', subject)).toEqual([]);
  }, 30_000);

  it('mail.forward: exactly one forward', async () => {
    const original = await inboxMessage(sandbox(), 'Store display photos for review');
    const subject = 'FW: Store display photos for review';
    await crashThenRetry(
      'mail.forward',
      { messageId: original.id, to: [megan.upn], comment: 'Forwarding once.' },
      '/send',
      () => mailIn(alex, 'sentitems', subject, false),
    );
    expect(await mailIn(alex, 'sentitems', subject)).toHaveLength(1);
    expect(await mailIn(megan, 'inbox', subject)).toHaveLength(1);
    expect(await mailIn(alex, 'drafts', subject)).toEqual([]);
  }, 30_000);

  it('teams.postChannelMessage: exactly one post (matched by author, text and time; Teams strips markers)', async () => {
    const path = `/teams/${team.id}/channels/${q(general.id)}/messages?$top=50`;
    const text = 'Crash lag post: posted once';
    const posts = async (strong: boolean) =>
      (await list<{ id: string; body: { content: string } }>(megan.upn, path, strong)).filter((m) =>
        m.body.content.includes(text),
      );
    const output = await crashThenRetry(
      'teams.postChannelMessage',
      { teamId: team.id, channelId: general.id, teamName: team.displayName, channelName: general.displayName, text },
      '/messages',
      () => posts(false),
    );
    const found = await posts(true);
    expect(found).toHaveLength(1);
    expect(output).toMatchObject({ messageId: found[0]?.id });
  }, 30_000);

  it('teams.sendChatMessage: exactly one chat message', async () => {
    const text = 'Crash lag chat: sent once';
    const chatId = `19:${[alex.id, isaiah.id].sort().join('_')}@unq.gbl.spaces`;
    const messages = async (strong: boolean) =>
      (
        await list<{ id: string; body: { content: string } }>(isaiah.mail, `/chats/${q(chatId)}/messages`, strong)
      ).filter((m) => m.body.content.includes(text));
    const output = await crashThenRetry('teams.sendChatMessage', { to: isaiah.mail, text }, '/messages', async () => {
      try {
        return await messages(false);
      } catch {
        return []; // the chat itself may be new
      }
    });
    const found = await messages(true);
    expect(found).toHaveLength(1);
    expect(output).toMatchObject({ chatId, messageId: found[0]?.id });
  }, 30_000);
});
