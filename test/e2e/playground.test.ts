import os from 'node:os';
import { DateTime } from 'luxon';
import path from 'node:path';
import { verifyChainAsync } from '../../src/ledger/verify';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { usePlaygroundRig } from './playground-app';
import { MockedMember } from './mocked-member';
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

const MEGAN_OUTCOME = 'Email Lynne a summary of my mail from Contoso';
const MEGAN = SANDBOX_DIRECTORY.users.find((u) => u.userPrincipalName === 'meganb@example.com')!;
const ALEX_ID = SANDBOX_DIRECTORY.users.find((u) => u.userPrincipalName === 'alexw@example.com')!.id;
const MEETING_OUTCOME = 'Set up a 30 minute meeting with Megan and Adele next week about the launch';
const EDITED_DAY = '2026-11-26';
const MEETING_SCREENSHOT = path.join(os.tmpdir(), 'delegate-e2e-meeting.png');

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
 * The bot's clock is pinned (Tuesday 24 November 2026), so the journeys pass on any day; the
 * browser and the Playground keep the real one, as a person's would.
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
      await expect(result.innerText()).resolves.toContain('Send an email to Megan Bowen');
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

  it("edits a meeting's time with the date and time pickers, approves it, and the event is created at the edited time", async () => {
    const { browser, app, playground, logs } = rig();
    const chat = await PlaygroundChat.open(browser, playground.url);
    try {
      await chat.openPersonalChat();
      await chat.send(MEETING_OUTCOME);
      const plan = chat.cardsWithButton('Approve').filter({ hasText: /"Launch"/ });
      await plan.first().waitFor({ timeout: 15_000 });
      await chat.press(plan.first(), 'Approve');

      // The meeting stops at its checkpoint; Edit turns the card into the form.
      const checkpoint = chat.cardsWithButton('Edit').filter({ hasText: /Checkpoint · step/ });
      await checkpoint.waitFor({ timeout: 30_000 });
      await chat.press(checkpoint, 'Edit');
      const form = chat.cardsWithButton('Save');
      await form.waitFor();
      // Start and end are each an Input.Date and an Input.Time, in the zone the label names.
      await expect(form.getByPlaceholder('Select a date...').count()).resolves.toBe(2);
      await expect(form.getByPlaceholder('Select a time...').count()).resolves.toBe(2);
      const zone = /Start \(([^)]+)\)/.exec(await form.innerText())?.[1];
      if (!zone) throw new Error(`no zone on the form:\n${await form.innerText()}`);
      // Thursday of the pinned week (the bot's "now" is Tuesday 24 November 2026), 14:00 to 14:30.
      await chat.pickDate(form, 0, EDITED_DAY);
      await chat.pickTime(form, 0, '2:00 PM');
      await chat.pickDate(form, 1, EDITED_DAY);
      await chat.pickTime(form, 1, '2:30 PM');
      await chat.press(form, 'Save');

      // Saving approves the edited meeting (the edit raises no new warnings): it is created, and the task is done.
      const done = chat
        .cards()
        .filter({ hasText: /"Launch"/ })
        .filter({ has: chat.page.getByText('Done', { exact: true }) });
      await done.waitFor({ timeout: 30_000 });
      await expect(
        chat
          .cards()
          .filter({ hasText: /Checkpoint · step/ })
          .filter({ hasText: /"Launch"/ })
          .innerText(),
      ).resolves.toContain('Thu 26 Nov 2026, 14:00');

      // The event in the tenant has the edited start and end, in the zone the form showed.
      const start = DateTime.fromISO(`${EDITED_DAY}T14:00`, { zone }).toUTC();
      const res = await fetch(`${app.sandbox?.url}/users/alexw@example.com/events?$top=200`, {
        headers: { authorization: 'Bearer sandbox:app' },
      });
      const events = ((await res.json()) as { value: GraphEvent[] }).value.filter((e) => e.subject === 'Launch');
      expect(events).toHaveLength(1);
      expect(events[0]?.start).toEqual({
        dateTime: `${start.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`,
        timeZone: 'UTC',
      });
      const end = start.plus({ minutes: 30 });
      expect(events[0]?.end).toEqual({ dateTime: `${end.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`, timeZone: 'UTC' });
      expect(chat.invokes.map((i) => [i.verb, i.status])).toEqual([
        ['approve', 200],
        ['edit', 200],
        ['save', 200],
      ]);
      await chat.page.screenshot({ path: MEETING_SCREENSHOT });
    } catch (error) {
      await failed(chat, error, logs());
    } finally {
      await chat.page.close().catch(() => undefined);
    }
  }, 120_000);
  it("shows a non-approver no mailbox content: Megan's channel task, seen and refreshed by Alex", async () => {
    const { browser, app, playground, logs } = rig();
    const chat = await PlaygroundChat.open(browser, playground.url);
    try {
      // Megan asks in General. The Playground's user is Alex, so she speaks through the Playground's
      // own "Mock an Activity" (as a developer tries a second user there): genuine activities, sent by it.
      await chat.openChannel('General');
      const megan = new MockedMember(playground.url, MEGAN);
      await chat.mockActivity(megan.message(MEGAN_OUTCOME));
      const plan = chat.cards().filter({ hasText: 'summary of mail from Contoso' }).filter({ hasText: 'Plan' });
      await plan.first().waitFor({ timeout: 15_000 });
      const [task] = (await app.store.listTasks({ conversationId: GENERAL })).filter(
        (t) => t.requester.id === MEGAN.id,
      );
      if (!task) throw new Error('no task of Megan in General');
      expect(task.approvers.includes(ALEX_ID)).toBe(false);
      await chat.mockActivity(megan.click('approve', { taskId: task.id, planVersion: task.plan.version }));

      // The checkpoint in the channel, as everyone sees it, and as Alex sees it after his own Refresh.
      const checkpoint = chat.cards().filter({ hasText: 'Checkpoint · step' }).filter({ hasText: task.id });
      await checkpoint.first().waitFor({ timeout: 30_000 });
      const shared = await checkpoint.first().innerText();
      await chat.press(checkpoint.first(), 'Refresh');
      await until(() => chat.invokes.at(-1)?.status === 200, 15_000, 'the refresh answered');
      const alexs = await checkpoint.first().innerText();

      const waiting = await app.engine.getTask(task.id);
      const send = waiting.plan.steps.find((s) => s.action === 'mail.send');
      const body = String(send?.resolvedInput?.body ?? '');
      const pieces = body
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 30)
        .map((line) => line.slice(0, 30));
      expect(pieces.length).toBeGreaterThan(0);
      for (const view of [shared, alexs]) {
        // What will happen is there (destination, subject, where the content comes from), the content is not.
        expect(view).toContain('lynner@example.com');
        expect(view).toMatch(/Not shown here: \d+ words drawn from Megan Bowen's mailbox/);
        for (const piece of pieces) expect(view).not.toContain(piece);
      }
      // Alex's own view offers him nothing to decide.
      await expect(checkpoint.first().getByRole('button', { name: 'Approve', exact: true }).count()).resolves.toBe(0);
      expect(chat.invokes.map((i) => [i.verb, i.status])).toEqual([['refresh', 200]]);

      // Megan approves from her own view; the mail goes to Lynne in full, once.
      await chat.mockActivity(
        megan.click('approve', {
          taskId: task.id,
          planVersion: waiting.plan.version,
          stepId: send?.id,
          card: 'checkpoint',
        }),
      );
      await until(async () => (await app.engine.getTask(task.id)).status === 'completed', 30_000, 'the task done');
      const res = await fetch(`${app.sandbox?.url}/users/lynner@example.com/messages?$top=100`, {
        headers: { authorization: 'Bearer sandbox:app' },
      });
      const inbox = ((await res.json()) as { value: { subject: string; body: { content: string } }[] }).value;
      const mails = inbox.filter((m) => m.subject === String(send?.resolvedInput?.subject));
      expect(mails).toHaveLength(1);
      for (const piece of pieces) expect(mails[0]?.body.content).toContain(piece);
    } catch (error) {
      await failed(chat, error, logs());
    } finally {
      await chat.page.close().catch(() => undefined);
    }
  }, 120_000);
});

interface GraphEvent {
  readonly subject: string;
  readonly start: { readonly dateTime: string; readonly timeZone: string };
  readonly end: { readonly dateTime: string; readonly timeZone: string };
}

/** Wait for a condition the Playground or the worker brings about in its own time. */
async function until(ready: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await ready());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A failed journey: the screenshot, the invokes seen and the logs, with the error. */
async function failed(chat: PlaygroundChat, error: unknown, logs: string): Promise<never> {
  const shot = path.join(os.tmpdir(), `delegate-e2e-failure-${Date.now()}.png`);
  await chat.page.screenshot({ path: shot }).catch(() => undefined);
  const why = error instanceof Error ? error.message : String(error);
  throw new Error(`${why}\n\nScreenshot: ${shot}\nInvokes seen: ${JSON.stringify(chat.invokes)}${logs}`, {
    cause: error,
  });
}
