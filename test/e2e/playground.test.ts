import os from 'node:os';
import path from 'node:path';
import { verifyChainAsync } from '../../src/ledger/verify';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { usePlaygroundRig } from './playground-app';
import { PlaygroundChat } from './playground-chat';

const OUTCOME = 'Email Megan Bowen a summary of my unread mail from Contoso';
const CHANNEL_OUTCOME = 'Email Lynne a summary of my unread mail from Contoso';
const CHANNEL_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-channel.png');
const CHANNEL_FAILURE_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-channel-failure.png');
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

const SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-playground.png');
const FAILURE_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-playground-failure.png');

interface GraphMessage {
  readonly subject: string;
  readonly from: { readonly emailAddress: { readonly address: string } };
}

/**
 * The whole product as a person meets it: Delegate (in-process, with its sandbox tenant) behind
 * the real Microsoft 365 Agents Playground, driven in Chromium by clicking what a person clicks.
 * The Playground gets a port of its own (-p 0), so a running `npm run dev` does not disturb it.
 * One Playground for both journeys (a second one in parallel competes for the same machine).
 * The policy gates sends from General with its own rule; in the personal chat it only adds a reason.
 */
describe('e2e: the real Agents Playground in Chromium', () => {
  const rig = usePlaygroundRig({ policy: POLICY });

  it('plans, pauses at the checkpoint, and sends exactly the previewed mail once', async () => {
    const { browser, app, playground, logs } = rig();
    const chat = await PlaygroundChat.open(browser, playground.url);
    try {
      await chat.openPersonalChat();
      await chat.send(OUTCOME);

      // The plan card, with its three buttons.
      const plan = chat.cardsWithButton('Approve');
      await plan.first().waitFor({ timeout: 15_000 });
      await expect(plan.count()).resolves.toBe(1);
      for (const title of ['Edit', 'Reject'])
        await expect(plan.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(1);
      // Plan cards name people; the checkpoint shows the exact address the mail goes to.
      await expect(plan.innerText()).resolves.toContain('Megan Bowen');
      await chat.press(plan, 'Approve');

      // The task runs in the background and stops at the send: a checkpoint card is posted
      // proactively, and the plan card was updated in place (it offers no buttons any more).
      const checkpoint = chat.cardsWithButton('Approve').filter({ hasText: 'Checkpoint' });
      await checkpoint.waitFor({ timeout: 30_000 });
      await expect(chat.cardsWithButton('Approve').count()).resolves.toBe(1);
      const preview = await checkpoint.innerText();
      expect(preview).toContain('meganb@example.com');
      const subject = /Subject\s*\n\s*(.+)/.exec(preview)?.[1]?.trim();
      if (!subject) throw new Error(`no Subject on the checkpoint card:\n${preview}`);
      await chat.press(checkpoint, 'Approve');

      // Done: a result card, and no card still asking for anything.
      const result = chat.cards().filter({ has: chat.page.getByText('Done', { exact: true }) });
      await result.waitFor({ timeout: 30_000 });
      await expect(result.innerText()).resolves.toContain('meganb@example.com');
      await expect(chat.cardsWithButton('Approve').count()).resolves.toBe(0);

      // Both clicks reached the bot as real Universal Action invokes, each answered with a card.
      expect(chat.invokes.map((i) => [i.name, i.verb, i.status, i.responseType])).toEqual([
        ['adaptiveCard/action', 'approve', 200, 'application/vnd.microsoft.card.adaptive'],
        ['adaptiveCard/action', 'approve', 200, 'application/vnd.microsoft.card.adaptive'],
      ]);

      // The side effect, seen from the tenant: exactly one such mail in Megan's inbox, from Alex.
      const res = await fetch(`${app.sandbox?.url}/users/meganb@example.com/messages?$top=100`, {
        headers: { authorization: 'Bearer sandbox:app' },
      });
      expect(res.status).toBe(200);
      const inbox = ((await res.json()) as { value: GraphMessage[] }).value;
      const delivered = inbox.filter((m) => m.subject === subject);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]?.from.emailAddress.address).toBe('alexw@example.com');

      await chat.page.screenshot({ path: SCREENSHOT });
    } catch (error) {
      await chat.page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => undefined);
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${why}\n\nScreenshot: ${FAILURE_SCREENSHOT}\nInvokes seen: ${JSON.stringify(chat.invokes)}` + `${logs()}`,
        { cause: error },
      );
    } finally {
      await chat.page.close().catch(() => undefined);
    }
  }, 90_000);

  it('runs a channel task in the team channel: plans in the thread, is approved through per-user refreshes, sends exactly one mail', async () => {
    const { browser, app, playground, logs } = rig();
    const chat = await PlaygroundChat.open(browser, playground.url);
    try {
      await chat.openChannel('General');
      await chat.postMentioning('Delegate', CHANNEL_OUTCOME);

      // The shared plan card is read-only: Refresh shows the requester their own buttons.
      const plan = chat.cardsWithButton('Refresh');
      await plan.first().waitFor({ timeout: 15_000 });
      await expect(plan.first().innerText()).resolves.toContain('Lynne Robbins');
      await chat.press(plan.first(), 'Refresh');
      const mine = chat.cardsWithButton('Approve');
      await mine.first().waitFor({ timeout: 15_000 });
      await chat.press(mine.first(), 'Approve');

      // The checkpoint is posted in the thread, with the policy's reason.
      const checkpoint = chat.cards().filter({ hasText: 'Checkpoint · step' });
      await checkpoint.first().waitFor({ timeout: 30_000 });
      await expect(checkpoint.first().innerText()).resolves.toContain(
        'Mail sent from a General channel task needs a look first.',
      );
      // The reason in words; the rule's id is for the audit and `policy`, not the card.
      await expect(checkpoint.first().innerText()).resolves.not.toContain('(general-mail)');
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
      const res = await fetch(`${app.sandbox?.url}/users/lynner@example.com/messages?$top=100`, {
        headers: { authorization: 'Bearer sandbox:app' },
      });
      const inbox = ((await res.json()) as { value: { subject: string }[] }).value;
      expect(inbox.filter((m) => m.subject.includes('unread mail from Contoso'))).toHaveLength(1);

      // The task belongs to the channel, and its ledger verifies.
      const [task] = await app.store.listTasks({ conversationId: GENERAL });
      expect(task).toMatchObject({
        status: 'completed',
        scope: { kind: 'channel', teamId: SANDBOX_DIRECTORY.team.id },
      });
      await expect(verifyChainAsync(app.store.readLedger())).resolves.toMatchObject({ ok: true });
      await chat.page.screenshot({ path: CHANNEL_SCREENSHOT });
    } catch (error) {
      await chat.page.screenshot({ path: CHANNEL_FAILURE_SCREENSHOT }).catch(() => undefined);
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${why}\n\nScreenshot: ${CHANNEL_FAILURE_SCREENSHOT}\nInvokes seen: ${JSON.stringify(chat.invokes)}` +
          `${logs()}`,
        { cause: error },
      );
    } finally {
      await chat.page.close().catch(() => undefined);
    }
  }, 120_000);
});
