import { PersonalChat } from './activities';
import { cardText, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, planFor, resultCard } from './flow-helpers';

type Element = Record<string, unknown>;

/** Every TextBlock (markdown) on a card: what Teams formats, and can turn `<…>` into nothing. */
function textBlocks(card: Element): Element[] {
  const found: Element[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const element = value as Element;
    if (element.type === 'TextBlock') found.push(element);
    Object.values(element).forEach(walk);
  };
  walk(card.body);
  return found;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('HTTP: defect 8, texts people read', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  /** Send a message, return the text the bot answered with. */
  async function say(chat: PersonalChat, text: string): Promise<string> {
    const before = run.connector.calls.length;
    await run.post(chat.message(text));
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => c.conversationId === chat.conversationId && c.method === 'POST'),
    );
    return reply.activity.text ?? cardText(reply.activity);
  }

  it('help, tasks and usage never show angle-bracket placeholders (Teams shows them as &lt;id&gt; or drops them)', async () => {
    const chat = new PersonalChat(run.connector.url);
    for (const message of ['help', 'status', 'owner', 'cancel']) {
      const text = await say(chat, message);
      expect(text).not.toMatch(/<[a-z ]+>|&lt;/);
    }
    await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    expect(await say(new PersonalChat(run.connector.url), 'tasks')).not.toMatch(/<[a-z ]+>|&lt;/);
  });

  it('a reply plan names what it replies to, never "(from step 1)", and "as written below" has the text below', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, "Reply to Patti's latest mail saying thanks, I'll be there");
    const text = cardText(plan.card);
    expect(text).not.toContain('(from step');
    // "Reads: Nothing: the reply is sent as written below": and below it, the reply.
    expect(text.indexOf('{"type":"TextRun","text":"Reply: "')).toBeGreaterThan(text.indexOf('written below'));
    expect(text).toContain('Reply to the latest mail found in step 1');
    // People by name, and what the reply will say, on the plan card itself (exactly: a TextRun).
    expect(text).toContain('1. Search your mail from Patti Fernandez');
    expect(text).toContain('{"type":"TextRun","text":"thanks, I\'ll be there"}');

    // The checkpoint's heading names the person; no TextBlock carries an address in angle brackets.
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const blocks = textBlocks(checkpoint.card);
    expect(blocks.map((b) => String(b.text))).toContain('Reply to Patti Fernandez');
    for (const block of blocks) expect(String(block.text)).not.toMatch(/<[^>]*@[^>]*>/);
    // The recipient's address is still there, exactly (a TextRun shows it literally).
    expect(cardText(checkpoint.card)).toContain('Patti Fernandez <pattif@example.com>');
  });

  it('a move plan says which messages, not "(from step 1)"', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Move the latest mail from Contoso to Archive');
    expect(cardText(plan.card)).not.toContain('(from step');
    expect(cardText(plan.card)).toContain('Move the messages found in step 1 to Archive');
  });

  it('a single send: the heading names the person; no "Also approve", no rule ids, no low-contrast yellow for normal text', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Patti Fernandez a summary of my unread mail from Contoso');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const text = cardText(checkpoint.card);
    expect(textBlocks(checkpoint.card).map((b) => String(b.text))).toContain('Send an email to Patti Fernandez');
    expect(text).not.toContain('Also approve');
    expect(text).not.toMatch(/\(checkpoints\.|write-internal/);
    expect(text).toContain('Policy asks for approval of changes inside your organisation.');
    for (const card of [plan.card, checkpoint.card])
      for (const block of textBlocks(card)) expect(block.color).not.toBe('Warning');
  });

  it('a meeting, end to end: no raw instants on the plan, checkpoint, result or audit cards', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Set up a 30 minute meeting with Megan and Adele next week about the launch');
    const taskId = String((plan.card.actions as { data?: { taskId?: string } }[])[0]?.data?.taskId);
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    await click(run, chat, checkpoint, 'Approve');
    const result = await resultCard(run, chat);
    const audit = await say(chat, `audit ${taskId}`);
    for (const shown of [cardText(plan.card), cardText(checkpoint.card), cardText(result.card), audit])
      expect(shown).not.toMatch(ISO_INSTANT);
    // The audit card lists card hashes under the decision that showed them, not as entries.
    expect(audit).toMatch(/Cards shown: task \(sha256 [0-9a-f]{12}…, #\d+\), step 2 checkpoint \(sha256 /);
    expect(audit).not.toContain('"text":"Card shown (');
    expect(audit).toMatch(/\d{2}:\d{2} \(UTC\)/);
    // The result card links to the event it created, instead of showing its internal id.
    expect(cardText(result.card)).toMatch(/"type":"Action.OpenUrl","title":"Open","url":"https:[^"]+"/);
    expect(cardText(result.card)).not.toMatch(/"id [A-Za-z0-9=_-]{8,}/);
  });

  it('a refusal by policy says what and why in words, without action names or rule ids', async () => {
    const chat = new PersonalChat(run.connector.url);
    const text = await say(chat, 'Cancel the Spring campaign retrospective');
    expect(text).not.toMatch(/calendar\.cancelEvent|actions\.destructive|\(actions\./);
    expect(text).toContain('delete or cancel');
  });
});
