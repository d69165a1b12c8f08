import { PersonalChat } from './activities';
import { button, cardText, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, mailsWithSubject, planFor } from './flow-helpers';

describe('HTTP: an approval remembered for the rest of a task', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  async function waitFor(taskId: string, done: (status: string) => boolean): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { status } = await run.app.engine.getTask(taskId);
      if (done(status)) return status;
      if (Date.now() > deadline) throw new Error(`task ${taskId} stuck in ${status}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('approves a later send to the same person without stopping', async () => {
    const chat = new PersonalChat(run.connector.url);
    const outcome =
      'Email Megan a summary of my unread mail from Contoso and email her a summary of my unread mail from Fabrikam';
    const plan = await planFor(run, chat, outcome);
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    const sends = (await run.app.engine.getTask(taskId)).plan.steps.filter((s) => s.action === 'mail.send');
    expect(sends).toHaveLength(2);
    await click(run, chat, plan, 'Approve');
    const first = await checkpointCard(run, chat);
    expect(cardText(first.card)).toContain('again later in this task');
    const approved = await click(run, chat, first, 'Approve', { remember: 'true' });
    expect(cardText(approved)).toContain('Approved by');
    expect(await waitFor(taskId, (s) => s === 'completed' || s === 'awaiting_checkpoint')).toBe('completed');
    // One checkpoint only: the second send to Megan was approved by the remembered decision.
    const task = await run.app.engine.getTask(taskId);
    expect(task.plan.steps.filter((s) => s.action === 'mail.send').map((s) => s.approvedBy)).toEqual([
      [task.requester.id],
      [task.requester.id],
    ]);
    expect(
      run.connector
        .cards()
        .filter(
          (c) =>
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST' &&
            cardText(c.card).includes('Checkpoint'),
        ),
    ).toHaveLength(1);
    expect(await mailsWithSubject(run, 'meganb@example.com', 'Fabrikam')).toHaveLength(1);
    const ledger = await run.app.store.listLedger({ taskId, limit: 1000 });
    expect(
      ledger.filter((e) => e.type === 'decision' && (e.payload as { remembered?: boolean }).remembered === true),
    ).toHaveLength(1);
    expect(
      ledger.filter((e) => e.type === 'decision' && (e.payload as { remember?: boolean }).remember === true),
    ).toHaveLength(1);
  });

  it('never covers a send to someone else, and stops covering once forgotten', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(
      run,
      chat,
      'Email Megan a summary of my unread mail from Contoso and email Adele a summary of my unread mail from Fabrikam',
    );
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    await click(run, chat, plan, 'Approve');
    await click(run, chat, await checkpointCard(run, chat), 'Approve', { remember: 'true' });
    // Adele was not covered: a second checkpoint.
    await checkpointCard(run, chat, 2);
    expect((await run.app.engine.getTask(taskId)).status).toBe('awaiting_checkpoint');
    const before = run.connector.calls.length;
    await run.post(chat.message(`forget ${taskId}`));
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.slice(before).find((c) => typeof c.activity.text === 'string'),
    );
    expect(reply.activity.text).toContain('no longer has remembered approvals');
    expect((await run.app.engine.getTask(taskId)).remembered?.every((r) => r.revokedAt !== undefined)).toBe(true);
    const second = run.connector.calls.length;
    await run.post(chat.message(`forget ${taskId}`));
    const none = await run.connector.waitFor(() =>
      run.connector.calls.slice(second).find((c) => typeof c.activity.text === 'string'),
    );
    expect(none.activity.text).toBe(`Task ${taskId} has no remembered approvals.`);
  });
});
