import { MEGAN, PersonalChat } from './activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, mailsWithSubject, planFor, resultCard } from './flow-helpers';

describe('HTTP: decisions, commands and bad input', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('50 concurrent identical Approve invokes on a checkpoint send exactly one mail', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Adele a summary of my unread mail from Fabrikam');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const b = button(checkpoint.card, 'Approve');
    const invoke = chat.invoke(b.verb, b.data, { replyToId: checkpoint.call.activityId });
    const responses = await Promise.all(Array.from({ length: 50 }, () => run.post(invoke)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    for (const r of responses) expect(cardText(invokeCard(r.body))).not.toContain('"title":"Approve"');
    await resultCard(run, chat);
    expect(await mailsWithSubject(run, 'adelev@example.com', 'unread mail from Fabrikam')).toHaveLength(1);
  });

  it('Edit turns the checkpoint into a pre-filled form; Save sends the edited mail', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, "Email Megan a summary of this week's mail from Contoso");
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const form = await click(run, chat, checkpoint, 'Edit');
    const inputs = (form.body as { type: string; items?: { type: string; id?: string; value?: string }[] }[])
      .flatMap((e) => e.items ?? [])
      .filter((e) => e.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(expect.arrayContaining(['to', 'subject', 'body']));
    expect(inputs.find((i) => i.id === 'to')?.value).toBe('meganb@example.com');
    const saved = await click(run, chat, form, 'Save', { subject: 'Edited: Contoso this week ${title}' });
    expect(cardText(saved)).toContain('Approved by Alex Wilber');
    await resultCard(run, chat);
    const mails = await mailsWithSubject(run, 'meganb@example.com', 'Edited: Contoso this week');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Edited: Contoso this week ${title}');
  });

  it('Reject at a checkpoint asks skip-or-cancel; skipping the only send ends as "Nothing done", with the reason (defect 6)', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Patti a summary of my unread mail from Contoso');
    await click(run, chat, plan, 'Approve');
    const checkpoint = await checkpointCard(run, chat);
    const choice = await click(run, chat, checkpoint, 'Reject');
    expect(cardText(choice)).toContain('Skip this step');
    const skipped = await click(run, chat, choice, 'Skip this step', { reason: 'Patti is away' });
    expect(cardText(skipped)).toContain('Skipped');
    const result = await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find(
            (c) =>
              c.call.conversationId === chat.conversationId &&
              (c.card.body as { text?: string }[])[0]?.text === 'Nothing done',
          ),
      15_000,
      'result card',
    );
    expect(cardText(result.card)).toContain('Reason: Patti is away');
    expect(cardText(result.card)).not.toContain('"Done"');
    const taskId = String(button(checkpoint.card, 'Approve').data.taskId);
    const task = await run.app.engine.getTask(taskId);
    expect(task.status).toBe('nothing_done');
    // The task card says so too, with the reason, never "All done".
    const card = await run.connector.waitFor(() =>
      run.connector.calls.find(
        (c) =>
          c.method === 'PUT' && c.activityId === plan.call.activityId && cardText(c.activity).includes('Nothing done'),
      ),
    );
    expect(cardText(card.activity)).toContain('Patti is away');
    expect(cardText(card.activity)).not.toContain('All done');
    expect(await mailsWithSubject(run, 'pattif@example.com', 'unread mail from Contoso')).toHaveLength(0);
  });

  it('a stale plan card (older version) gets the current card back and runs nothing', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Lynne a summary of my unread mail from Contoso');
    const form = await click(run, chat, plan, 'Edit');
    const revised = await click(run, chat, form, 'Save', {
      outcome: 'Email Isaiah a summary of my unread mail from Contoso',
    });
    expect(cardText(revised)).toContain('plan v2');
    expect(cardText(revised)).toContain('Send an email to Isaiah Langer');
    const stale = await click(run, chat, plan, 'Approve');
    expect(cardText(stale)).toContain('plan v2');
    expect(cardText(stale)).toContain('Waiting for approval of the plan');
  });

  it('someone who is not an approver is refused at click time, whatever the card data says', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan a summary of my unread mail from Fabrikam');
    const approve = button(plan.card, 'Approve');
    const res = await run.post(
      chat.invoke(
        approve.verb,
        { ...approve.data, actor: MEGAN.aadObjectId, approver: MEGAN.aadObjectId },
        { from: MEGAN },
      ),
    );
    expect(cardText(invokeCard(res.body))).toContain('not an approver');
    const status = await run.app.engine.getTask(String(approve.data.taskId));
    expect(status.status).toBe('awaiting_plan_approval');
  });

  it('an unknown verb gets an explicit error card', async () => {
    const chat = new PersonalChat(run.connector.url);
    const res = await run.post(chat.invoke('launchMissiles', { taskId: 'X', planVersion: 1 }));
    expect(res.status).toBe(200);
    expect(cardText(invokeCard(res.body))).toContain("isn't one I know");
  });

  it('invalid card data gets an error card and changes nothing', async () => {
    const chat = new PersonalChat(run.connector.url);
    const res = await run.post(chat.invoke('approve', { taskId: '', planVersion: 'latest' }));
    expect(cardText(invokeCard(res.body))).toContain("isn't valid");
  });

  it('a malformed activity is rejected with 400, not a crash', async () => {
    const res = await fetch(`${run.app.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"hello":',
    });
    expect(res.status).toBe(400);
    const noType = await run.post({ text: 'hi' });
    expect(noType.status).toBe(400);
    expect((await fetch(`${run.app.server.url}/healthz`)).status).toBe(200);
  });

  it('answers what it cannot plan with what it can do', async () => {
    const chat = new PersonalChat(run.connector.url);
    await run.post(chat.message('make me a sandwich'));
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.find((c) => c.conversationId === chat.conversationId),
    );
    expect(reply.activity.text).toMatch(/Email Megan Bowen a summary/);
  });

  it("tasks, status <id> and cancel <id> work on the sender's own tasks", async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Set up a 30 minute meeting with Megan and Adele next week about the launch');
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    const texts = async (text: string) => {
      const before = run.connector.calls.length;
      await run.post(chat.message(text));
      return run.connector.waitFor(() =>
        run.connector.calls.slice(before).find((c) => c.conversationId === chat.conversationId && c.method === 'POST'),
      );
    };
    expect(cardText((await texts('tasks')).activity)).toContain(`Task ${taskId} · `);
    expect(cardText((await texts(`status ${taskId.toLowerCase()}`)).activity)).toContain('Set up');
    expect((await texts(`pause ${taskId}`)).activity.text).toContain(`Paused task ${taskId}`);
    expect((await run.app.engine.getTask(taskId)).status).toBe('paused');
    expect((await texts(`resume ${taskId}`)).activity.text).toContain(`Resumed task ${taskId}`);
    expect((await run.app.engine.getTask(taskId)).status).toBe('awaiting_plan_approval');
    expect((await texts(`cancel ${taskId}`)).activity.text).toContain(`Cancelled task ${taskId}`);
    expect((await run.app.engine.getTask(taskId)).status).toBe('cancelled');
    expect((await texts(`cancel ${taskId}`)).activity.text).toContain("can't be cancelled: it is cancelled");
    expect((await texts('status')).activity.text).toContain('Say `status` followed by the task id');
    const other = new PersonalChat(run.connector.url, MEGAN);
    const before = run.connector.calls.length;
    await run.post(other.message(`status ${taskId}`));
    const refused = await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => c.conversationId === other.conversationId),
    );
    expect(cardText(refused.activity)).toContain("can't find a task");
  });
});
