import { PersonalChat } from './activities';
import { button, cardText, executeActions, startApp, type RunningApp } from './app-harness';
import { checkpointCard, click, planFor } from './flow-helpers';

describe('HTTP: the conversation: task controls, status, welcome', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('a task at a checkpoint can be paused from its card; the paused card offers Resume, which carries on', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    const running = await click(run, chat, plan, 'Approve');
    expect(executeActions(running).map((a) => a.title)).toEqual(['Pause', 'Cancel']);
    await checkpointCard(run, chat);
    const taskId = String(button(running, 'Pause').data.taskId);

    const paused = await click(run, chat, running, 'Pause');
    expect(cardText(paused)).toContain('Paused: nothing runs until someone resumes it.');
    expect(executeActions(paused).map((a) => a.title)).toEqual(['Resume', 'Cancel']);
    expect((await run.app.engine.getTask(taskId)).status).toBe('paused');

    const resumed = await click(run, chat, paused, 'Resume');
    expect(executeActions(resumed).map((a) => a.title)).toEqual(['Pause', 'Cancel']);
    expect((await run.app.engine.getTask(taskId)).status).toBe('awaiting_checkpoint');
    const ledger = await run.app.store.listLedger({ taskId, limit: 200 });
    const verbs = ledger.filter((e) => e.type === 'decision').map((e) => (e.payload as { verb: string }).verb);
    expect(verbs).toEqual(expect.arrayContaining(['pause', 'resume']));
  });

  it('status of a task at a checkpoint shows the checkpoint with its buttons, and Approve on it works', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    await click(run, chat, plan, 'Approve');
    await checkpointCard(run, chat);
    const before = run.connector.calls.length;
    await run.post(chat.message(`status ${taskId}`));
    const [task, checkpoint] = await run.connector.waitFor(() => {
      const posted = run.connector
        .cards()
        .filter(
          (c) =>
            run.connector.calls.indexOf(c.call) >= before &&
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST',
        );
      return posted.length >= 2 ? posted : undefined;
    });
    expect(cardText(task?.card)).toContain('Waiting at a checkpoint');
    expect(cardText(checkpoint?.card)).toContain('Checkpoint · step 3 of 3');
    const approved = await click(run, chat, checkpoint!, 'Approve');
    expect(cardText(approved)).toContain('Approved by Alex Wilber');
  });

  it('tasks is a card: each task with its status, age and buttons (Open, Pause/Resume, Cancel)', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    const taskId = String(button(plan.card, 'Approve').data.taskId);
    const before = run.connector.calls.length;
    await run.post(chat.message('tasks'));
    const list = await run.connector.waitFor(() =>
      run.connector
        .cards()
        .find(
          (c) =>
            run.connector.calls.indexOf(c.call) >= before &&
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST',
        ),
    );
    const text = cardText(list.card);
    expect(text).toContain('Your tasks, newest first');
    expect(text).toContain(`Task ${taskId} · just now`);
    expect(text).toContain('Waiting for approval of the plan');
    expect(text).not.toMatch(/<[a-z ]+>|&lt;/);
    const row = (
      list.card.body as { items?: { actions?: { title: string; verb: string; data: Record<string, unknown> }[] }[] }[]
    )
      .flatMap((c) => c.items ?? [])
      .flatMap((i) => i.actions ?? [])
      .filter((a) => a.data.taskId === taskId);
    expect(row.map((a) => a.title)).toEqual(['Open', 'Cancel']);
    const opened = await run.post(chat.invoke(row[0]!.verb, row[0]!.data));
    expect(cardText(opened.body)).toContain(`Task ${taskId} · plan v1`);
  });

  it('a welcome card when Delegate is added to a conversation: what it does, three examples, help', async () => {
    const chat = new PersonalChat(run.connector.url);
    const base = chat.message('');
    const added = {
      ...base,
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '28:delegate-bot' }, { id: (base.from as { id: string }).id }],
    };
    const before = run.connector.calls.length;
    expect((await run.post(added)).status).toBeLessThan(300);
    const welcome = await run.connector.waitFor(() =>
      run.connector
        .cards()
        .find(
          (c) =>
            run.connector.calls.indexOf(c.call) >= before &&
            c.call.conversationId === chat.conversationId &&
            c.call.method === 'POST',
        ),
    );
    const text = cardText(welcome.card);
    expect(text).toContain('I do delegated work across Microsoft 365');
    expect((welcome.card.actions as { title: string }[]).map((a) => a.title)).toEqual([
      'Email Megan Bowen a summary of my unread mail from Contoso',
      'Set up a 30 minute meeting with Megan and Adele next week about the launch',
      'What meetings do I have tomorrow?',
      'help',
    ]);
    // Someone else joining is not welcomed again.
    const mine = () => run.connector.calls.filter((c) => c.conversationId === chat.conversationId).length;
    const count = mine();
    await run.post({ ...added, membersAdded: [{ id: '29:someone-else' }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mine()).toBe(count);
  });
});
