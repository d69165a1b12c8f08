import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Task } from '../../src/engine/model';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { button, cardText, executeActions, invokeCard, startApp, type RunningApp } from './app-harness';
import { ChannelThread, teamsUser } from './channel-activities';
import { mailsWithSubject, type PostedCard } from './flow-helpers';

const ALEX = teamsUser('alexw'); // requester (and, by default, the one approver)
const LYNNE = teamsUser('lynner'); // channel member, not an approver
const GENERAL = SANDBOX_DIRECTORY.team.channels[0]!.id;
const OUTCOME = 'Email Lynne a summary of my unread mail from Contoso';

/** The summary's text, as the send step will send it. */
function bodyOf(task: Task): string {
  const send = task.plan.steps.find((s) => s.action === 'mail.send');
  return String(send?.resolvedInput?.body ?? '');
}

/** Pieces of the body long enough to be content, not wording the card uses anyway. */
function piecesOf(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 30)
    .map((line) => line.slice(0, 30));
}

describe.each([
  ['the default policy', '', 'summary'],
  [
    'a policy that lets this channel see it',
    `sharedCards:\n  channels:\n    - match: { channelId: "${GENERAL}" }\n      preview: full\n`,
    'full',
  ],
] as const)('HTTP: a channel checkpoint under %s', (_, extra, expected) => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-privacy-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, `version: 1\n${extra}`);
    run = await startApp({ POLICY_FILE: file });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function cards(thread: ChannelThread): PostedCard[] {
    return run.connector
      .cards()
      .filter((c) => c.call.conversationId === thread.conversationId && c.call.method === 'POST');
  }

  async function press(thread: ChannelThread, from: typeof ALEX, card: Record<string, unknown>, title: string) {
    const b = button(card, title);
    const res = await run.post(thread.invoke(from, b.verb, b.data));
    expect(res.status).toBe(200);
    return invokeCard(res.body);
  }

  it(`shows the mailbox content to ${expected === 'full' ? 'the channel' : 'approvers only'}; the mail goes where asked`, async () => {
    const thread = new ChannelThread(run.connector.url);
    await run.post(thread.message(ALEX, OUTCOME));
    const plan = await run.connector.waitFor(() => cards(thread)[0], 10_000, 'plan card');
    const mine = await press(thread, ALEX, plan.card, 'Refresh');
    const taskId = String(button(mine, 'Approve').data.taskId);
    await press(thread, ALEX, mine, 'Approve');
    const shared = await run.connector.waitFor(
      () => cards(thread).find((c) => cardText(c.card).includes('Checkpoint')),
      15_000,
      'checkpoint',
    );
    const task = await run.app.engine.getTask(taskId);
    const pieces = piecesOf(bodyOf(task));
    expect(pieces.length).toBeGreaterThan(0);
    const shows = (card: Record<string, unknown>) => pieces.filter((p) => cardText(card).includes(p)).length;

    // What will happen is on the shared card whatever the policy: action, destination, source.
    expect(cardText(shared.card)).toContain('lynner@example.com');
    const lynnes = await press(thread, LYNNE, shared.card, 'Refresh');
    const alexs = await press(thread, ALEX, shared.card, 'Refresh');
    expect(shows(alexs)).toBe(pieces.length);
    if (expected === 'summary') {
      expect(shows(shared.card)).toBe(0);
      expect(shows(lynnes)).toBe(0);
      expect(cardText(shared.card)).toMatch(/Not shown here: \d+ words drawn from Alex Wilber's mailbox/);
      expect(cardText(shared.card)).toMatch(/Sources: (\d+ items? from|made from) Alex Wilber's mailbox/);
      expect(executeActions(lynnes).map((a) => a.title)).not.toContain('Approve');
    } else {
      expect(shows(shared.card)).toBe(pieces.length);
      expect(shows(lynnes)).toBe(pieces.length);
    }

    // The approver approves from their own view; the message itself goes to Lynne in full.
    await press(thread, ALEX, alexs, 'Approve');
    let mails: Awaited<ReturnType<typeof mailsWithSubject>> = [];
    for (const deadline = Date.now() + 15_000; mails.length === 0 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      mails = await mailsWithSubject(run, 'lynner@example.com', 'unread mail from Contoso');
    }
    expect(mails).toHaveLength(1);
    for (const piece of pieces) expect(mails[0]?.body.content).toContain(piece);
  });

  it(`the result card of a question asked in the channel shows its answer to ${expected === 'full' ? 'the channel' : 'the requester and approvers only'}`, async () => {
    const thread = new ChannelThread(run.connector.url);
    await run.post(thread.message(ALEX, "Summarise this week's mail from Contoso"));
    // It only reads: it runs at once, and the result card is posted in the thread.
    const result = await run.connector.waitFor(
      () => cards(thread).find((c) => cardText(c.card).includes('"Done"')),
      20_000,
      'result card',
    );
    const taskId = /Task ([A-Z0-9]+) ·/.exec(cardText(result.card))?.[1] ?? '';
    const task = await run.app.engine.getTask(taskId);
    const summary = task.plan.steps.find((s) => s.risk === 'compose')?.output as { summary?: string } | undefined;
    const pieces = piecesOf(summary?.summary ?? '');
    expect(pieces.length).toBeGreaterThan(0);
    const shows = (card: Record<string, unknown>) => pieces.filter((p) => cardText(card).includes(p)).length;
    // What Teams does for each viewer: the card's refresh action, as that person.
    // (A shared card that keeps answers back carries this refresh; one that shows everything needs none.)
    expect(result.card.refresh === undefined).toBe(expected === 'full');
    const refresh = { verb: 'refresh', data: { taskId, planVersion: task.plan.version, card: 'result' } };
    const as = async (from: typeof ALEX) => {
      const res = await run.post(thread.invoke(from, refresh.verb, refresh.data));
      return invokeCard(res.body);
    };
    const lynnes = await as(LYNNE);
    const alexs = await as(ALEX);
    expect(shows(alexs)).toBe(pieces.length);
    if (expected === 'summary') {
      expect(shows(result.card)).toBe(0);
      expect(shows(lynnes)).toBe(0);
      expect(cardText(result.card)).toContain("Not shown here: what this step found in Alex Wilber's data.");
      // Anyone in the channel can ask for their own view; a colleague's shows no more.
      expect(executeActions(result.card).map((a) => a.title)).toEqual(['Refresh']);
    } else {
      expect(shows(result.card)).toBe(pieces.length);
      expect(shows(lynnes)).toBe(pieces.length);
    }
  });
});
