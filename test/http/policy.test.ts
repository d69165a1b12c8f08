import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALEX, MEGAN, PersonalChat, type TeamsUser } from './activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, mailsWithSubject, planFor, resultCard } from './flow-helpers';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';

const ADELE: TeamsUser = (() => {
  const u = SANDBOX_DIRECTORY.users.find((x) => x.userPrincipalName === 'adelev@example.com')!;
  return { id: '29:adelev-teams-id', name: u.displayName, aadObjectId: u.id, upn: u.userPrincipalName };
})();

const policy = (killSwitch: boolean) => `version: 1
killSwitch: ${killSwitch}
actions:
  deny: ["teams.*"]
approvers:
  default:
    quorum: 2
    forbidSelfApproval: true
    approvers: ["${MEGAN.aadObjectId}", "${ADELE.aadObjectId}"]
`;

describe('HTTP: a policy file governs tasks', () => {
  let run: RunningApp;
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-policy-'));
    file = path.join(dir, 'policy.yaml');
    writeFileSync(file, policy(false));
    run = await startApp({ POLICY_FILE: file });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a plan that uses a denied action, saying why', async () => {
    const chat = new PersonalChat(run.connector.url);
    const before = run.connector.calls.length;
    await run.post(chat.message("Post a summary of this week's mail from Contoso to the General channel"));
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => c.conversationId === chat.conversationId),
    );
    expect(reply.activity.text).toContain("your organisation's policy doesn't allow this kind of step");
  });

  it('needs 2 of the named approvers, never the requester, and says so on the card', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Isaiah a summary of my unread mail from Contoso');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    expect(cardText(checkpoint.card)).toContain('Needs 2 approvals, not from Alex Wilber.');
    expect((checkpoint.card.refresh as { userIds: string[] }).userIds).toEqual(
      expect.arrayContaining([ALEX.aadObjectId, MEGAN.aadObjectId, ADELE.aadObjectId]),
    );
    const go = button(checkpoint.card, 'Approve');
    const own = invokeCard((await run.post(chat.invoke(go.verb, go.data))).body);
    expect(cardText(own)).toContain('needs approval from someone else');
    const first = invokeCard((await run.post(chat.invoke(go.verb, go.data, { from: MEGAN }))).body);
    expect(cardText(first)).toContain('(1 of 2)');
    expect(await mailsWithSubject(run, 'isaiahl@example.com', 'unread mail from Contoso')).toHaveLength(0);
    await run.post(chat.invoke(go.verb, go.data, { from: ADELE }));
    await resultCard(run, chat);
    expect(await mailsWithSubject(run, 'isaiahl@example.com', 'unread mail from Contoso')).toHaveLength(1);
  });

  it('the kill switch pauses running tasks before their next step; resume carries on once it is off', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Lynne a summary of my unread mail from Contoso');
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    writeFileSync(file, policy(true));
    await click(run, chat, plan, 'Approve');
    const deadline = Date.now() + 10_000;
    while ((await run.app.engine.getTask(taskId)).status !== 'paused' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const paused = await run.app.engine.getTask(taskId);
    expect(paused.status).toBe('paused');
    expect(paused.plan.steps.every((s) => s.status === 'pending')).toBe(true);
    writeFileSync(file, policy(false));
    const before = run.connector.calls.length;
    await run.post(chat.message(`resume ${taskId}`));
    await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => c.method === 'POST' && String(c.activity.text).includes('Resumed')),
    );
    await checkpointCard(run, chat);
    const entries = await run.app.store.listLedger({ taskId, limit: 1000 });
    expect(
      entries.some((e) => e.type === 'policy_decision' && (e.payload as { rule?: string }).rule === 'kill-switch'),
    ).toBe(true);
  });

  it('policy shows the effective rules for this conversation', async () => {
    const chat = new PersonalChat(run.connector.url);
    const before = run.connector.calls.length;
    await run.post(chat.message('policy'));
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => c.conversationId === chat.conversationId),
    );
    expect(reply.activity.text).toContain('Policy for this conversation');
    expect(reply.activity.text).toMatch(/teams\.\*/);
  });
});
