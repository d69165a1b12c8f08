import os from 'node:os';
import path from 'node:path';
import { verifyChainAsync } from '../../src/ledger/verify';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { usePlaygroundRig } from './playground-app';
import { PlaygroundChat } from './playground-chat';

const OUTCOME = 'Email Lynne a summary of my unread mail from Contoso';
const FAILURE_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-channel-failure.png');
const SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-channel.png');
const GENERAL = SANDBOX_DIRECTORY.team.channels[0]!.id;

/** The policy governing the channel: sends from General stop with the rule's own reason. */
const POLICY = `version: 1
rules:
  - id: general-mail
    message: "Mail sent from a General channel task needs a look first."
    when: { actions: ["mail.send"] }
    require: { checkpoint: true }
approvers:
  channels:
    - match: { channelId: "${GENERAL}" }
      approvers: []
`;

/**
 * A channel task as a team meets it: @Delegate in the Playground's team channel, a read-only
 * shared card whose Refresh gives the requester their buttons, the policy's reason on the
 * checkpoint, and the result in the thread — then the ledger is verified and exported.
 */
describe('e2e: a channel task in the Agents Playground team channel, governed by a policy file', () => {
  const rig = usePlaygroundRig({ policy: POLICY });

  it('plans in the thread, is approved through per-user refreshes, and sends exactly one mail', async () => {
    const { browser, app, playground, logs } = rig();
    const chat = await PlaygroundChat.open(browser, playground.url);
    try {
      await chat.openChannel('General');
      await chat.postMentioning('Delegate', OUTCOME);

      // The shared plan card is read-only: Refresh shows the requester their own buttons.
      const plan = chat.cardsWithButton('Refresh');
      await plan.first().waitFor({ timeout: 15_000 });
      await expect(plan.first().innerText()).resolves.toContain('lynner@example.com');
      await chat.press(plan.first(), 'Refresh');
      const mine = chat.cardsWithButton('Approve');
      await mine.first().waitFor({ timeout: 15_000 });
      await chat.press(mine.first(), 'Approve');

      // The checkpoint is posted in the thread, with the policy's reason.
      const checkpoint = chat.cards().filter({ hasText: 'Checkpoint · step' });
      await checkpoint.first().waitFor({ timeout: 30_000 });
      await expect(checkpoint.first().innerText()).resolves.toContain('Mail sent from a General channel task needs a look first. (general-mail)');
      await chat.press(checkpoint.first(), 'Refresh');
      const approve = chat.cardsWithButton('Approve').filter({ hasText: 'Checkpoint · step' });
      await approve.first().waitFor({ timeout: 15_000 });
      await chat.press(approve.first(), 'Approve');

      const result = chat.cards().filter({ has: chat.page.getByText('Done', { exact: true }) });
      await result.waitFor({ timeout: 30_000 });

      expect(chat.invokes.map((i) => [i.verb, i.status])).toEqual([
        ['refresh', 200],
        ['approve', 200],
        ['refresh', 200],
        ['approve', 200],
      ]);
      const res = await fetch(`${app.sandbox?.url}/users/lynner@example.com/messages?$top=100`, { headers: { authorization: 'Bearer sandbox:app' } });
      const inbox = ((await res.json()) as { value: { subject: string }[] }).value;
      expect(inbox.filter((m) => m.subject.includes('unread mail from Contoso'))).toHaveLength(1);

      // The task belongs to the channel, and its ledger verifies.
      const [task] = await app.store.listTasks({ conversationId: GENERAL });
      expect(task).toMatchObject({ status: 'completed', scope: { kind: 'channel', teamId: SANDBOX_DIRECTORY.team.id } });
      await expect(verifyChainAsync(app.store.readLedger())).resolves.toMatchObject({ ok: true });
      await chat.page.screenshot({ path: SCREENSHOT });
    } catch (error) {
      await chat.page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => undefined);
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${why}\n\nScreenshot: ${FAILURE_SCREENSHOT}\nInvokes seen: ${JSON.stringify(chat.invokes)}` +
          `${logs()}`,
        { cause: error },
      );
    } finally {
      await chat.page.close().catch(() => undefined);
    }
  }, 120_000);
});
