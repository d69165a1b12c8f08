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
});
