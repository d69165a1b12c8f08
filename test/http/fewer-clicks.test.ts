import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MEGAN, PersonalChat } from './activities';
import { button, cardText, executeActions, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, planFor } from './flow-helpers';

/** The last version of the first card posted in this chat (updated in place), once `done` holds. */
async function settled(run: RunningApp, chat: PersonalChat, done: (text: string) => boolean): Promise<string> {
  return run.connector.waitFor(
    () =>
      run.connector
        .cards()
        .filter((c) => c.call.conversationId === chat.conversationId)
        .map((c) => cardText(c.card))
        .find(done),
    15_000,
    'card',
  );
}

async function chatMessages(run: RunningApp, upn: string, text: string): Promise<number> {
  const chats = await run.graph<{ value: { id: string }[] }>(`/users/${upn}/chats?$top=50`);
  let found = 0;
  for (const chat of chats.value) {
    const messages = await run.graph<{ value: { body: { content: string } }[] }>(
      `/chats/${chat.id}/messages?$top=50`,
      upn,
    );
    found += messages.value.filter((m) => m.body.content.includes(text)).length;
  }
  return found;
}

describe('HTTP: fewer needless clicks (defaults)', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('a question runs at once and answers: no Approve for a plan that only reads', async () => {
    const chat = new PersonalChat(run.connector.url);
    const first = await planFor(run, chat, "who is Megan's manager?");
    expect(executeActions(first.card).map((a) => a.title)).not.toContain('Approve');
    const answer = await settled(run, chat, (t) => t.includes('"Done"'));
    expect(answer).toContain('Megan');
    const taskId = String((first.card.refresh as { action: { data: { taskId: string } } }).action.data.taskId);
    const ledger = await run.app.store.listLedger({ taskId, limit: 100 });
    expect(ledger.some((e) => e.type === 'decision' && e.actor === 'system')).toBe(true);
  });

  it('a plan whose only send is known in full shows it, and one Approve covers it: no checkpoint after', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Message Megan on Teams: the deck is ready');
    const text = cardText(plan.card);
    expect(text).toContain('the deck is ready');
    expect(text).toContain('Approve also approves step 1 exactly as shown');
    const approved = await click(run, chat, plan, 'Approve');
    expect(executeActions(approved).map((a) => a.title)).not.toContain('Approve');
    await settled(run, chat, (t) => t.includes('"Done"'));
    expect(
      run.connector
        .cards()
        .some((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes('Checkpoint')),
    ).toBe(false);
    expect(await chatMessages(run, MEGAN.upn, 'the deck is ready')).toBe(1);
  });

  it('a plan whose send depends on an earlier step still stops at its checkpoint', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    expect(cardText(plan.card)).not.toContain('also approves step');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    expect(button(checkpoint.card, 'Approve')).toBeDefined();
  });
});

describe('HTTP: fewer needless clicks, turned off by policy', () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-clicks-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, 'version: 1\ncheckpoints:\n  readOnlyPlan: approve\n  singleStepPlan: separate\n');
    run = await startApp({ POLICY_FILE: file });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('readOnlyPlan: approve makes a question wait for Approve; singleStepPlan: separate asks at the checkpoint', async () => {
    const question = new PersonalChat(run.connector.url);
    const plan = await planFor(run, question, "who is Megan's manager?");
    expect(button(plan.card, 'Approve')).toBeDefined();

    const chat = new PersonalChat(run.connector.url);
    const send = await planFor(run, chat, 'Message Megan on Teams: the deck is ready');
    expect(cardText(send.card)).not.toContain('also approves step');
    await click(run, chat, send, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    expect(button(checkpoint.card, 'Approve')).toBeDefined();
  });
});
