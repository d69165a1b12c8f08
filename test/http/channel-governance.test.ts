import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';
import { SANDBOX_SECURITY_GROUPS } from '../../src/sandbox/routes/groups';
import type { Task } from '../../src/engine/model';
import { button, cardText, executeActions, invokeCard, startApp, type RunningApp } from './app-harness';
import { PersonalChat } from './activities';
import { ChannelThread, teamsUser } from './channel-activities';
import { mailsWithSubject } from './flow-helpers';
import type { PostedCard } from './flow-helpers';
import { pinnedClock } from '../support/clock';

const ALEX = teamsUser('alexw'); // team owner, requester
const MEGAN = teamsUser('meganb'); // approver by policy
const ADELE = teamsUser('adelev'); // approver added with the command
const ISAIAH = teamsUser('isaiahl'); // approver added with the command; not a team owner
const LYNNE = teamsUser('lynner'); // channel member, not an approver (until escalation)
const PATTI = teamsUser('pattif'); // policy admin
const GENERAL = SANDBOX_DIRECTORY.team.channels[0]!.id;
const FINANCE = SANDBOX_SECURITY_GROUPS[0]!.id;

const POLICY = `version: 1
approvers:
  channels:
    - match: { channelId: "${GENERAL}" }
      quorum: 2
      forbidSelfApproval: true
      approvers: ["${MEGAN.aadObjectId}"]
expiry:
  checkpointMinutes: 60
  remindAfterMinutes: 10
  escalateAfterMinutes: 30
  escalateTo: ["group:${FINANCE}"]
  onExpiry: reject
admins: ["${PATTI.aadObjectId}"]
`;

/** A clock the test moves forward (the app's sandbox seeds "this week" from it too). */
const clock = pinnedClock();

describe('HTTP: channel tasks governed by policy, with several people in the channel', () => {
  let run: RunningApp;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-channel-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, POLICY);
    run = await startApp({ POLICY_FILE: file }, { clock });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Post a message in the thread and wait for the bot's text reply. */
  async function say(thread: ChannelThread, from: typeof ALEX, text: string): Promise<string> {
    const before = run.connector.calls.length;
    expect((await run.post(thread.message(from, text))).status).toBe(200);
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => c.conversationId === thread.conversationId && c.method === 'POST'),
    );
    return typeof reply.activity.text === 'string' ? reply.activity.text : cardText(reply.activity.attachments);
  }

  async function click(
    thread: ThreadLike,
    from: typeof ALEX,
    card: PostedCard | Record<string, unknown>,
    title: string,
    extra: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const c = 'card' in card && 'call' in card ? (card as PostedCard).card : card;
    const b = button(c as Record<string, unknown>, title);
    const res = await run.post(thread.invoke(from, b.verb, { ...b.data, ...extra }));
    expect(res.status).toBe(200);
    return invokeCard(res.body);
  }
  type ThreadLike = ChannelThread;

  function cards(thread: ChannelThread): PostedCard[] {
    return run.connector
      .cards()
      .filter((c) => c.call.conversationId === thread.conversationId && c.call.method === 'POST');
  }

  async function waitForStatus(taskId: string, status: Task['status']): Promise<Task> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const task = await run.app.engine.getTask(taskId);
      if (task.status === status) return task;
      if (Date.now() > deadline) throw new Error(`task ${taskId} is ${task.status}, not ${status}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Start a task in a new thread, approve its plan as the requester (after a Refresh), and wait for the checkpoint. */
  async function toCheckpoint(
    outcome: string,
  ): Promise<{ thread: ChannelThread; taskId: string; checkpoint: PostedCard }> {
    const thread = new ChannelThread(run.connector.url);
    await run.post(thread.message(ALEX, outcome));
    const plan = await run.connector.waitFor(() => cards(thread)[0], 10_000, 'plan card');
    // The shared card is read-only: Refresh shows the requester their buttons.
    expect(executeActions(plan.card).map((a) => a.title)).toEqual(['Refresh']);
    const mine = await click(thread, ALEX, plan, 'Refresh');
    const taskId = String(button(mine, 'Approve').data.taskId);
    await click(thread, ALEX, mine, 'Approve');
    await waitForStatus(taskId, 'awaiting_checkpoint');
    const checkpoint = await run.connector.waitFor(
      () => cards(thread).find((c) => cardText(c.card).includes('Checkpoint')),
      10_000,
      'checkpoint',
    );
    return { thread, taskId, checkpoint };
  }

  it("manages the channel's approvers: anyone may list, only team owners and policy admins may change them", async () => {
    const thread = new ChannelThread(run.connector.url);
    expect(await say(thread, ISAIAH, 'approvers add Lynne Robbins')).toContain("Only this team's owners");
    expect(await say(thread, ALEX, 'approvers add <at>Adele Vance</at>')).toBe('Adele Vance now approves tasks here.');
    expect(await say(thread, PATTI, 'approvers add isaiahl@example.com')).toBe(
      'Isaiah Langer now approves tasks here.',
    );
    expect(await say(thread, ALEX, 'approvers add Adele Vance')).toBe('Adele Vance is already an approver here.');
    const list = await say(thread, LYNNE, 'approvers');
    expect(list).toContain('Adele Vance');
    expect(list).toContain('Isaiah Langer');
    expect(list).toContain('**From the policy:** Megan Bowen');
    const ledger = await run.app.store.listLedger({ limit: 1000 });
    expect(
      ledger
        .filter((e) => e.type === 'policy_decision' && (e.payload as { change?: string }).change === 'approvers add')
        .map((e) => e.actor),
    ).toEqual([ALEX.aadObjectId, PATTI.aadObjectId]);
  });

  it('2 of 3 approvers: a non-approver and the requester are refused (and recorded), two others run it once', async () => {
    const { thread, taskId, checkpoint } = await toCheckpoint('Email Lynne a summary of my unread mail from Contoso');
    expect(executeActions(checkpoint.card).map((a) => a.title)).toEqual(['Refresh']);
    const task = await run.app.engine.getTask(taskId);
    expect([...task.approvers].sort()).toEqual([ADELE.aadObjectId, ISAIAH.aadObjectId, MEGAN.aadObjectId].sort());
    expect((checkpoint.card.refresh as { userIds: string[] }).userIds).toEqual(
      expect.arrayContaining([ALEX.aadObjectId, MEGAN.aadObjectId, ADELE.aadObjectId, ISAIAH.aadObjectId]),
    );

    // Lynne refreshes and sees no buttons; pressing an old Approve anyway is refused and recorded.
    const lynnes = await click(thread, LYNNE, checkpoint, 'Refresh');
    expect(executeActions(lynnes).filter((a) => a.title !== 'Refresh')).toEqual([]);
    const megans = await click(thread, MEGAN, checkpoint, 'Refresh');
    const approve = button(megans, 'Approve');
    const refused = invokeCard((await run.post(thread.invoke(LYNNE, approve.verb, approve.data))).body);
    expect(cardText(refused)).toContain("You're not an approver of this task");
    const own = invokeCard((await run.post(thread.invoke(ALEX, approve.verb, approve.data))).body);
    expect(cardText(own)).toContain('needs approval from someone else');

    expect(cardText(await click(thread, MEGAN, megans, 'Approve'))).toContain('Approved so far: Megan Bowen (1 of 2).');
    await click(thread, ADELE, megans, 'Approve');
    await waitForStatus(taskId, 'completed');
    expect(await mailsWithSubject(run, 'lynner@example.com', 'unread mail from Contoso')).toHaveLength(1);

    const decisions = (await run.app.store.listLedger({ taskId, limit: 1000 }))
      .filter((e) => e.type === 'decision')
      .map((e) => [e.actor, (e.payload as { refused?: string }).refused ?? (e.payload as { verb: string }).verb]);
    expect(decisions).toEqual(
      expect.arrayContaining([
        [LYNNE.aadObjectId, 'not_authorised'],
        [ALEX.aadObjectId, 'self_approval'],
        [MEGAN.aadObjectId, 'approve'],
        [ADELE.aadObjectId, 'approve'],
      ]),
    );
    // Every Graph request the steps made is in the ledger with its status and request id.
    const requests = (await run.app.store.listLedger({ taskId, limit: 1000 })).filter(
      (e) => e.type === 'graph_request',
    );
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests)
      expect(r.payload).toMatchObject({
        method: expect.any(String),
        path: expect.stringMatching(/^\/v1\.0\//),
        status: expect.any(Number),
        requestId: expect.any(String),
      });
    // The channel's tasks are listed in the channel.
    expect(await say(thread, LYNNE, 'tasks')).toContain(taskId);
  });

  it('an approver reassigns their approval: the new person can approve, they no longer can', async () => {
    const { thread, taskId, checkpoint } = await toCheckpoint('Email Lynne a summary of my unread mail from Fabrikam');
    const megans = await click(thread, MEGAN, checkpoint, 'Refresh');
    // The requester has no approval to hand on: Reassign isn't offered, and a forged one is refused
    // on the checkpoint card, which keeps its buttons.
    const alexs = await click(thread, ALEX, checkpoint, 'Refresh');
    expect((alexs.actions as Array<{ type: string }>).some((a) => a.type === 'Action.ShowCard')).toBe(false);
    const own = button(alexs, 'Approve');
    const selfDealing = invokeCard(
      (await run.post(thread.invoke(ALEX, 'reassign', { ...own.data, reassignTo: 'lynner@example.com' }))).body,
    );
    expect(cardText(selfDealing)).toContain('Only an approver of this task can hand their approval');
    expect(executeActions(selfDealing).map((a) => a.title)).toContain('Approve');
    const reassign = (
      megans.actions as Array<{
        type: string;
        card?: { actions: Array<{ verb: string; data: Record<string, unknown> }> };
      }>
    ).find((a) => a.type === 'Action.ShowCard')?.card?.actions[0];
    expect(reassign?.verb).toBe('reassign');
    const res = await run.post(
      thread.invoke(MEGAN, 'reassign', { ...reassign!.data, reassignTo: 'pattif@example.com' }),
    );
    expect(cardText(invokeCard(res.body))).not.toContain('Reassign'); // Megan is no longer an approver: read-only now
    const task = await run.app.engine.getTask(taskId);
    expect(task.approvers).toContain(PATTI.aadObjectId);
    expect(task.approvers).not.toContain(MEGAN.aadObjectId);
    const approve = button(await click(thread, PATTI, checkpoint, 'Refresh'), 'Approve');
    expect(cardText(invokeCard((await run.post(thread.invoke(MEGAN, approve.verb, approve.data))).body))).toContain(
      "You're not an approver",
    );
    await run.post(thread.invoke(PATTI, approve.verb, approve.data));
    await run.post(thread.invoke(ISAIAH, approve.verb, approve.data));
    await waitForStatus(taskId, 'completed');
    const reassigned = (await run.app.store.listDecisions(taskId)).find((d) => d.verb === 'reassign');
    expect(reassigned).toMatchObject({ actor: MEGAN.aadObjectId, target: PATTI.aadObjectId });
  });

  it('a checkpoint nobody answers is reminded, escalated to the backup group, then rejected: each exactly once', async () => {
    const { thread, taskId } = await toCheckpoint('Email Isaiah a summary of my unread mail from Contoso');
    const texts = () =>
      run.connector.calls
        .filter((c) => c.conversationId === thread.conversationId && typeof c.activity.text === 'string')
        .map((c) => String(c.activity.text));
    clock.advance(11 * 60_000);
    await run.connector.waitFor(() => texts().find((t) => t.startsWith('Reminder:')), 10_000, 'reminder');
    clock.advance(20 * 60_000);
    await run.connector.waitFor(() => texts().find((t) => t.includes('now also goes to')), 10_000, 'escalation');
    const escalated = await run.app.engine.getTask(taskId);
    // Finance approvers (Patti, Lynne) and its nested backup group (Isaiah) became approvers.
    expect(escalated.approvers).toEqual(
      expect.arrayContaining([PATTI.aadObjectId, LYNNE.aadObjectId, ISAIAH.aadObjectId]),
    );
    clock.advance(30 * 60_000);
    const rejected = await waitForStatus(taskId, 'rejected');
    expect(rejected.error?.code).toBe('checkpoint_expired');
    await new Promise((r) => setTimeout(r, 300)); // several more worker passes
    expect(texts().filter((t) => t.startsWith('Reminder:'))).toHaveLength(1);
    expect(texts().filter((t) => t.includes('now also goes to'))).toHaveLength(1);
    const effects = (await run.app.store.listLedger({ taskId, limit: 1000 }))
      .filter((e) => e.type === 'policy_decision')
      .map((e) => (e.payload as { effect: string }).effect);
    expect(effects).toEqual(['reminded', 'escalated', 'reject']);
    expect(await mailsWithSubject(run, 'isaiahl@example.com', 'unread mail from Contoso')).toHaveLength(0);
  });

  it('20 concurrent approvals from the three approvers of a 2-of-3 step run it exactly once', async () => {
    const { thread, taskId, checkpoint } = await toCheckpoint('Email Lynne a summary of my unread mail from Northwind');
    const approve = button(await click(thread, MEGAN, checkpoint, 'Refresh'), 'Approve');
    const people = [MEGAN, ADELE, ISAIAH];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => run.post(thread.invoke(people[i % 3]!, approve.verb, approve.data))),
    );
    const done = await waitForStatus(taskId, 'completed');
    expect(done.plan.steps.at(-1)?.approvedBy).toHaveLength(2);
    expect(await mailsWithSubject(run, 'lynner@example.com', 'mail from Northwind')).toHaveLength(1);
  });

  it('an edit of a failed step that needs a second approval posts a checkpoint card the others can act on', async () => {
    const { thread, taskId, checkpoint } = await toCheckpoint('Email Lynne a summary of my unread mail from Contoso');
    const origin = new URL(run.app.sandbox!.url).origin;
    const fault = await fetch(`${origin}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503, retryAfterSeconds: 0, count: 50, pathContains: '/send' }),
    });
    expect(fault.ok).toBe(true);
    try {
      const approve = button(await click(thread, MEGAN, checkpoint, 'Refresh'), 'Approve');
      await run.post(thread.invoke(MEGAN, approve.verb, approve.data));
      await run.post(thread.invoke(ADELE, approve.verb, approve.data));
      await waitForStatus(taskId, 'failed');
    } finally {
      await fetch(`${origin}/_sandbox/faults`, { method: 'DELETE' });
    }
    const failed = await run.app.engine.getTask(taskId);
    const step = failed.plan.steps.find((s) => s.status === 'failed')!;
    const before = cards(thread).filter((c) => cardText(c.card).includes('Checkpoint · step')).length;
    const saved = invokeCard(
      (
        await run.post(
          thread.invoke(MEGAN, 'save', {
            taskId,
            planVersion: failed.plan.version,
            stepId: step.id,
            card: 'task',
            to: 'lynner@example.com',
            cc: '',
            subject: 'Contoso, edited',
            body: 'The edited summary.',
          }),
        )
      ).body,
    );
    expect(cardText(saved)).not.toContain("isn't valid");
    expect((await run.app.engine.getTask(taskId)).status).toBe('awaiting_checkpoint');
    const again = await run.connector.waitFor(
      () => cards(thread).filter((c) => cardText(c.card).includes('Checkpoint · step'))[before],
      10_000,
      'a new checkpoint card',
    );
    expect(cardText(again.card)).toContain('Contoso, edited');
    const adeles = await click(thread, ADELE, again, 'Refresh');
    await click(thread, ADELE, adeles, 'Approve');
    await waitForStatus(taskId, 'completed');
    expect(await mailsWithSubject(run, 'lynner@example.com', 'Contoso, edited')).toHaveLength(1);
  });

  it('the owner hands a task on; anyone in the channel may follow it', async () => {
    const thread = new ChannelThread(run.connector.url);
    await run.post(thread.message(ALEX, 'Email Megan a summary of my unread mail from Fabrikam'));
    const plan = await run.connector.waitFor(() => cards(thread)[0], 10_000, 'plan card');
    const taskId = String(button(plan.card, 'Refresh').data.taskId);
    expect(await say(thread, MEGAN, `owner ${taskId} Lynne Robbins`)).toContain("Only the task's owner");
    expect(await say(thread, ALEX, `owner ${taskId} Lynne Robbins`)).toBe(`Lynne Robbins now owns task ${taskId}.`);
    const handed = await run.app.engine.getTask(taskId);
    expect(handed).toMatchObject({ owner: LYNNE.aadObjectId, requester: { id: ALEX.aadObjectId } });
    // Ownership is not approval: Lynne runs the task but approves nothing the requester couldn't before.
    expect(handed.approvers).not.toContain(LYNNE.aadObjectId);
    expect(await say(thread, PATTI, `watch ${taskId}`)).toBe(`You're following task ${taskId}.`);
    expect((await run.app.engine.getTask(taskId)).watchers).toEqual([PATTI.aadObjectId]);
    expect(await say(thread, PATTI, `unwatch ${taskId}`)).toBe(`You no longer follow task ${taskId}.`);
    expect((await run.app.store.listDecisions(taskId)).map((d) => [d.verb, d.actor])).toEqual([
      ['transfer', ALEX.aadObjectId],
      ['watch', PATTI.aadObjectId],
      ['unwatch', PATTI.aadObjectId],
    ]);
  });

  it('a refresh shows a task only where it lives or to the people involved, whatever the card data says', async () => {
    const thread = new ChannelThread(run.connector.url);
    await run.post(thread.message(ALEX, 'Email Megan a summary of my unread mail from Northwind'));
    const plan = await run.connector.waitFor(() => cards(thread)[0], 10_000, 'plan card');
    const refresh = button(plan.card, 'Refresh');
    const elsewhere = new PersonalChat(run.connector.url, LYNNE);
    const leaked = invokeCard((await run.post(elsewhere.invoke(refresh.verb, refresh.data))).body);
    expect(cardText(leaked)).toContain("I can't find that task");
    expect(cardText(leaked)).not.toContain('Northwind');
    const viaSave = invokeCard(
      (await run.post(elsewhere.invoke('save', { taskId: refresh.data.taskId, planVersion: refresh.data.planVersion })))
        .body,
    );
    expect(cardText(viaSave)).not.toContain('Northwind');
    const requester = new PersonalChat(run.connector.url, ALEX);
    expect(cardText(invokeCard((await run.post(requester.invoke(refresh.verb, refresh.data))).body))).toContain(
      'Northwind',
    );
    // A personal task asked about in a channel is not posted there for everyone.
    await run.post(requester.message('Email Megan a summary of my unread mail from Fabrikam'));
    const personal = await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find((c) => c.call.conversationId === requester.conversationId && cardText(c.card).includes('Fabrikam')),
      10_000,
      'personal plan',
    );
    const personalId = String(button(personal.card, 'Approve').data.taskId);
    expect(await say(thread, ALEX, `status ${personalId}`)).toContain("I can't find a task");
  });

  it('pause, resume and cancel need owner or approver rights', async () => {
    const thread = new ChannelThread(run.connector.url);
    await run.post(thread.message(ALEX, 'Email Megan a summary of my unread mail from Contoso'));
    const plan = await run.connector.waitFor(() => cards(thread)[0], 10_000, 'plan card');
    const taskId = String(button(plan.card, 'Refresh').data.taskId);
    expect(await say(thread, LYNNE, `cancel ${taskId}`)).toContain("You're not an approver of this task");
    expect(await say(thread, ISAIAH, `pause ${taskId}`)).toBe(`Paused task ${taskId}.`);
    expect(await say(thread, ALEX, `resume ${taskId}`)).toBe(`Resumed task ${taskId}.`);
    expect(await say(thread, MEGAN, `cancel ${taskId}`)).toBe(`Cancelled task ${taskId}.`);
  });
});
