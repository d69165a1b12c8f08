import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PersonalChat } from './activities';
import { button, cardText, executeActions, invokeCard, startApp, type RunningApp } from './app-harness';
import { cardInputs as inputs, checkpointCard, click, planFor } from './flow-helpers';

/** Deny sends to more than two people, with the rule's own words. */
const POLICY = `version: 1
rules:
  - id: no-big-sends
    message: "Mail to more than two people is not sent by Delegate."
    when: { actions: ["mail.send"], recipientsMoreThan: 2 }
    require: { deny: true }
`;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ACTION_NAME = /\b(?:mail|calendar|files|teams|tasks|text|people)\.[a-z][A-Za-z]+\b/;

/**
 * Refused clicks: each is on the ledger, says why in words (no action names, rule ids or uuids),
 * and leaves the person the card they clicked, with what they can still do.
 */
describe('HTTP: refused clicks say why, offer what can be done, and are audited', () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-refusals-'));
    writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
    run = await startApp({ POLICY_FILE: path.join(dir, 'policy.yaml') });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function refusals(taskId: string): Promise<Array<{ verb: string; refused: string }>> {
    return (await run.app.store.listLedger({ taskId, limit: 200 }))
      .filter((e) => e.type === 'decision' && (e.payload as { refused?: string }).refused !== undefined)
      .map((e) => e.payload as { verb: string; refused: string });
  }

  /** What a person reads on the card: texts, facts and button titles (not its data or refresh ids). */
  function shown(card: Record<string, unknown>): string {
    const texts: string[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (key === 'data' || key === 'refresh') return;
      if (Array.isArray(value)) return value.forEach((v) => walk(v));
      if (typeof value !== 'object' || value === null) return;
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && ['text', 'title', 'value'].includes(k)) texts.push(v);
        else walk(v, k);
      }
    };
    walk(card);
    return texts.join('\n');
  }

  function peopleSafe(text: string): void {
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ACTION_NAME);
    expect(text).not.toContain('no-big-sends');
  }

  async function sendCheckpoint(chat: PersonalChat) {
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const approve = button(checkpoint.card, 'Approve');
    return { checkpoint, data: approve.data, taskId: String(approve.data.taskId) };
  }

  it('an edit that policy now forbids: the rule in words on the checkpoint, still there to approve as it was', async () => {
    const chat = new PersonalChat(run.connector.url);
    const { checkpoint, taskId } = await sendCheckpoint(chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const values = Object.fromEntries([...inputs(form)].map(([id, input]) => [id, String(input.value ?? '')]));
    const card = await click(run, chat, form, 'Save', {
      ...values,
      to: 'meganb@example.com,adelev@example.com,pattif@example.com',
    });
    const text = shown(card);
    expect(text).toContain('Mail to more than two people is not sent by Delegate');
    peopleSafe(text);
    expect(executeActions(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Approve', 'Edit', 'Reject']));
    expect(await refusals(taskId)).toContainEqual(expect.objectContaining({ verb: 'edit', refused: 'edit_refused' }));
  });

  it('a reassign to nobody, or to someone unknown, keeps the checkpoint with a notice and is on the ledger', async () => {
    const chat = new PersonalChat(run.connector.url);
    const { data, taskId } = await sendCheckpoint(chat);
    for (const reassignTo of ['', 'Nobody Atall']) {
      const res = await run.post(chat.invoke('reassign', { ...data, reassignTo }));
      const text = shown(invokeCard(res.body));
      expect(text).toContain('Checkpoint');
      expect(text).toMatch(reassignTo === '' ? /Say who should approve instead/ : /Nobody Atall/);
      peopleSafe(text);
    }
    expect(await refusals(taskId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ verb: 'reassign', refused: 'reassign_nobody' }),
        expect.objectContaining({ verb: 'reassign', refused: 'reassign_unknown' }),
      ]),
    );
  });

  it('a button that does not apply to a plan keeps the plan card, with its buttons and why', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Fabrikam');
    const { taskId, planVersion } = button(plan.card, 'Approve').data;
    const res = await run.post(chat.invoke('skip', { taskId, planVersion, card: 'task' }));
    const card = invokeCard(res.body);
    expect(cardText(card)).toContain("That button doesn't apply to a plan.");
    peopleSafe(shown(card));
    expect(executeActions(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Approve', 'Edit', 'Reject']));
    expect(await refusals(String(taskId))).toContainEqual(
      expect.objectContaining({ verb: 'skip', refused: 'unsupported_verb' }),
    );
  });

  it('a click whose card data is broken, or whose verb is unknown, is on the ledger of the task it names', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Adele a summary of my unread mail from Fabrikam');
    const { taskId } = button(plan.card, 'Approve').data;
    const broken = await run.post(chat.invoke('approve', { taskId, planVersion: 'latest' }));
    expect(cardText(invokeCard(broken.body))).toContain("This card's data isn't valid, so nothing was done.");
    const unknown = await run.post(chat.invoke('launch', { taskId, planVersion: 1 }));
    expect(cardText(invokeCard(unknown.body))).toContain("This button isn't one I know.");
    peopleSafe(shown(invokeCard(unknown.body)));
    expect(await refusals(String(taskId))).toEqual(
      expect.arrayContaining([
        { verb: 'approve', refused: 'invalid_card_data' },
        { verb: 'launch', refused: 'unknown_verb' },
      ]),
    );
    // Nothing moved.
    expect((await run.app.engine.getTask(String(taskId))).status).toBe('awaiting_plan_approval');
  });
});
