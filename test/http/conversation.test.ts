import { ALEX, PersonalChat } from './activities';
import { cardText, startApp, type RunningApp } from './app-harness';
import { planFor } from './flow-helpers';
import type { Task } from '../../src/engine/model';

/** Wednesday 25 November 2026, 15:00 UTC: "Friday" is 27 November. */
const NOW = new Date('2026-11-25T15:00:00Z');

describe('HTTP: the conversation continues a task (answers and follow-ups)', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp({}, { clock: { now: () => NOW } });
  });
  afterAll(async () => {
    await run?.stop();
  });

  async function newestTask(chat: PersonalChat): Promise<Task> {
    const [task] = await run.app.store.listTasks({
      requesterId: ALEX.aadObjectId,
      conversationId: chat.conversationId,
      limit: 1,
    });
    if (!task) throw new Error('no task');
    return task;
  }

  it("an answer to the planner's question continues that task", async () => {
    const chat = new PersonalChat(run.connector.url);
    const question = await planFor(run, chat, 'Move my 1:1 with Megan to Friday');
    expect(cardText(question.card)).toContain('What time should it move to?');
    const asked = await newestTask(chat);
    expect(asked.status).toBe('planning');

    const plan = await planFor(run, chat, '3pm');
    expect(cardText(plan.card)).toMatch(/15:00/);
    const task = await newestTask(chat);
    expect(task.id).toBe(asked.id);
    expect(task.status).toBe('awaiting_plan_approval');
    expect(task.plan.steps.map((s) => s.action)).toEqual(['calendar.listEvents', 'calendar.updateEvent']);
    expect(task.plan.steps[1]?.input.start).toBe('2026-11-27T15:00:00Z');
    expect(await run.app.store.listTasks({ conversationId: chat.conversationId })).toHaveLength(1);
  });

  it('a new request typed while a question is open is a new task, not an answer to it', async () => {
    const chat = new PersonalChat(run.connector.url);
    const question = await planFor(run, chat, 'Move my 1:1 with Megan to Friday');
    expect(cardText(question.card)).toContain('What time should it move to?');
    const asked = await newestTask(chat);

    const agenda = await planFor(run, chat, 'whats in my diary tmrw');
    expect(cardText(agenda.card)).not.toContain('What time should it move to?');
    // The clock is pinned, so both tasks were created at the same instant: find the other one by id.
    const tasks = await run.app.store.listTasks({ conversationId: chat.conversationId });
    expect(tasks).toHaveLength(2);
    const added = tasks.find((task) => task.id !== asked.id);
    expect(added?.plan.steps.map((s) => s.action)).toEqual(['calendar.listEvents']);
    const unanswered = await run.app.store.getTask(asked.id);
    expect(unanswered?.status).toBe('planning');
  });

  it('a short follow-up after a plan card revises that plan (a new version), not a new task', async () => {
    const chat = new PersonalChat(run.connector.url);
    await planFor(run, chat, 'Schedule lunch with Adele on Friday at noon');
    const first = await newestTask(chat);
    expect(first.plan.steps[0]?.input).toMatchObject({ durationMinutes: 60, windowStart: '2026-11-27T12:00:00Z' });

    const revised = await planFor(run, chat, 'make it 45 minutes');
    expect(cardText(revised.card)).toContain('45');
    const second = await newestTask(chat);
    expect(second.id).toBe(first.id);
    expect(second.plan.version).toBe(first.plan.version + 1);
    expect(second.status).toBe('awaiting_plan_approval');
    expect(second.plan.steps[0]?.input).toMatchObject({ durationMinutes: 45, windowEnd: '2026-11-27T12:45:00Z' });
    expect(second.plan.steps[1]?.input).toMatchObject({ subject: 'Lunch' });
  });

  it('"cc Megan too" and "send it to Adele instead" change who the mail reaches', async () => {
    const chat = new PersonalChat(run.connector.url);
    const card = await planFor(run, chat, "Write to Lynne with a summary of this week's Fabrikam mail");
    // The plan card speaks in days and names, never raw instants or bare addresses.
    expect(cardText(card.card)).toContain('Mon 23 Nov – today');
    expect(cardText(card.card)).toContain('Send an email to Lynne Robbins');
    expect(cardText(card.card)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    const first = await newestTask(chat);
    const send = (task: Task) => task.plan.steps.find((s) => s.action === 'mail.send')?.input;
    expect(send(first)?.to).toEqual([expect.stringMatching(/^lynne/i)]);

    await planFor(run, chat, 'cc Megan too');
    expect(send(await newestTask(chat))?.cc).toEqual([expect.stringMatching(/^megan/i)]);

    await planFor(run, chat, 'send it to Adele instead');
    const third = await newestTask(chat);
    expect(third.id).toBe(first.id);
    expect(third.plan.version).toBe(first.plan.version + 2);
    expect(send(third)?.to).toEqual([expect.stringMatching(/^adele/i)]);
    expect(send(third)?.cc).toEqual([expect.stringMatching(/^megan/i)]);
  });

  it('a new request after a plan card is a new task', async () => {
    const chat = new PersonalChat(run.connector.url);
    await planFor(run, chat, 'Schedule lunch with Adele on Friday at noon');
    await planFor(run, chat, "Email Megan a summary of this week's mail from Contoso");
    expect(await run.app.store.listTasks({ conversationId: chat.conversationId })).toHaveLength(2);
  });

  it('help lists what each domain can do, from the catalogue', async () => {
    const chat = new PersonalChat(run.connector.url);
    await run.post(chat.message('help'));
    const reply = await run.connector.waitFor(() =>
      run.connector.calls.find((c) => c.conversationId === chat.conversationId),
    );
    for (const domain of ['Mail', 'Calendar', 'Files', 'Teams', 'Tasks', 'People'])
      expect(reply.activity.text).toContain(`**${domain}**`);
    expect(reply.activity.text).toContain('send someone a Teams chat message');
    expect(reply.activity.text).toContain('`status` *id*');
  });
});
