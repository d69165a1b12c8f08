import { PersonalChat, ALEX } from './activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, planFor, resultCard } from './flow-helpers';
import { verifyChainAsync } from '../../src/ledger/verify';
import { SANDBOX_DIRECTORY } from '../../src/sandbox';

describe('HTTP: personal chat journey against the running server', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('answers health checks', async () => {
    const res = await fetch(`${run.app.server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('replies to help with what it can do', async () => {
    const chat = new PersonalChat(run.connector.url);
    const res = await run.post(chat.message('help'));
    expect(res.status).toBe(200);
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.find((c) => c.conversationId === chat.conversationId),
    );
    expect(reply.activity.text).toContain('`status` *id*');
  });

  it('plans, runs in the background, stops at the checkpoint and sends exactly one real mail', async () => {
    const chat = new PersonalChat(run.connector.url);
    await run.post(chat.message('Email Megan Bowen a summary of my unread mail from Contoso'));
    const plan = await run.connector.waitFor(
      () => run.connector.cards().find((c) => c.call.conversationId === chat.conversationId),
      10_000,
      'plan card',
    );
    expect(plan.call.method).toBe('POST');
    expect(cardText(plan.card)).toContain('Send an email to Megan Bowen');
    const approve = button(plan.card, 'Approve');
    button(plan.card, 'Edit');
    button(plan.card, 'Reject');

    const approved = await run.post(chat.invoke(approve.verb, approve.data, { replyToId: plan.call.activityId }));
    expect(approved.status).toBe(200);
    expect(cardText(invokeCard(approved.body))).toContain('Running');

    const checkpoint = await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes('Checkpoint')),
      15_000,
      'checkpoint card',
    );
    expect(cardText(checkpoint.card)).toContain('meganb@example.com');
    // Megan Bowen was named in the request, so her address needs no warning.
    expect(cardText(checkpoint.card)).not.toContain('was not named');
    // The task card was updated in place, not re-posted.
    expect(run.connector.calls.some((c) => c.method === 'PUT' && c.activityId === plan.call.activityId)).toBe(true);

    const go = button(checkpoint.card, 'Approve');
    const res = await run.post(chat.invoke(go.verb, go.data, { replyToId: checkpoint.call.activityId }));
    expect(cardText(invokeCard(res.body))).toContain('Approved by Alex Wilber');

    const result = await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes('"Done"')),
      15_000,
      'result card',
    );
    // The sent mail is linked (its copy in Sent Items), not named by an internal id.
    expect(cardText(result.card)).toContain('"Action.OpenUrl","title":"Open","url":"https://outlook.office365.com/');
    expect(cardText(result.card)).not.toContain('"id ');
    // The checkpoint card was brought up to date once its step had run.
    await run.connector.waitFor(
      () =>
        run.connector.calls.find(
          (c) =>
            c.method === 'PUT' &&
            c.activityId === checkpoint.call.activityId &&
            cardText(c.activity).includes('Approved by Alex Wilber. Done.'),
        ),
      5_000,
      'checkpoint card update',
    );
    const inbox = await run.graph<{ value: { subject: string; from: { emailAddress: { address: string } } }[] }>(
      `/users/meganb@example.com/messages?$top=50`,
    );
    const delivered = inbox.value.filter(
      (m) => m.subject.includes('unread mail from Contoso') && m.from.emailAddress.address === ALEX.upn,
    );
    expect(delivered).toHaveLength(1);

    // Everything that happened is in the hash-chained ledger, and the chain verifies.
    const taskId = String(approve.data.taskId);
    const entries = await run.app.store.listLedger({ taskId, limit: 1000 });
    const types = entries.map((e) => e.type);
    for (const type of ['task_created', 'plan_version', 'card_shown', 'decision', 'step_result', 'task_status'])
      expect(types).toContain(type);
    const approvals = entries.filter((e) => e.type === 'decision' && e.actor === ALEX.aadObjectId);
    expect(approvals.map((e) => (e.payload as { stepId?: string }).stepId ?? 'plan')).toEqual(['plan', 's3']);
    expect(await verifyChainAsync(run.app.store.readLedger())).toEqual({
      ok: true,
      count: expect.any(Number),
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const before = run.connector.calls.length;
    await run.post(chat.message(`audit ${taskId}`));
    const audit = await run.connector.waitFor(() => run.connector.calls.slice(before).find((c) => c.method === 'POST'));
    expect(cardText(audit.activity)).toContain('Audit trail');
    expect(cardText(audit.activity)).toContain('Alex Wilber: approve step s3');
  });

  it('sets up a meeting: finds a free slot, checkpoints the invitation, creates one event with attendees', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Set up a 30 minute meeting with Megan and Adele next week about the launch');
    expect(cardText(plan.card)).toContain('Megan Bowen, Adele Vance');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    expect(cardText(checkpoint.card)).toContain('adelev@example.com');
    await click(run, chat, checkpoint, 'Approve');
    await resultCard(run, chat);
    const events = await run.graph<{
      value: {
        subject: string;
        attendees: { emailAddress: { address: string } }[];
        start: { dateTime: string };
        end: { dateTime: string };
      }[];
    }>('/users/meganb@example.com/events?$top=200');
    const launch = events.value.filter((e) => e.subject === 'Launch');
    expect(launch).toHaveLength(1);
    expect(launch[0]?.attendees.map((a) => a.emailAddress.address).sort()).toEqual([
      'adelev@example.com',
      'meganb@example.com',
    ]);
    const minutes = (Date.parse(`${launch[0]?.end.dateTime}Z`) - Date.parse(`${launch[0]?.start.dateTime}Z`)) / 60_000;
    expect(minutes).toBe(30);
  });

  it("posts a summary of this week's Contoso mail to the General channel", async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, "Post a summary of this week's mail from Contoso to the General channel");
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    expect(cardText(checkpoint.card)).toContain('General');
    await click(run, chat, checkpoint, 'Approve');
    await resultCard(run, chat);
    const team = SANDBOX_DIRECTORY.team;
    const general = team.channels.find((c) => c.displayName === 'General');
    const messages = await run.graph<{
      value: { body: { content: string }; from: { user?: { displayName: string } } }[];
    }>(`/teams/${team.id}/channels/${encodeURIComponent(general?.id ?? '')}/messages?$top=50`, 'alexw@example.com');
    const posted = messages.value.filter(
      (m) => m.body.content.includes('Contoso') && m.from.user?.displayName === 'Alex Wilber',
    );
    expect(posted).toHaveLength(1);
  });
});
