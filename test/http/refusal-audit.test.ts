import { MEGAN, PersonalChat } from './activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from './app-harness';
import { planFor } from './flow-helpers';

/** Issue 10, item 3: a click refused at the edge is a ledger entry with actor, task, verb and reason. */
describe('HTTP: every refused click is on the ledger', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run.stop();
  });

  it("opening someone else's edit form, saving a new outcome on their plan and reassigning without the right are recorded", async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan a summary of my unread mail from Fabrikam');
    const edit = button(plan.card, 'Edit');
    const taskId = String(edit.data.taskId);
    const planVersion = Number(edit.data.planVersion);

    const asMegan = (verb: string, data: Record<string, unknown>) =>
      run.post(chat.invoke(verb, { taskId, planVersion, ...data }, { from: MEGAN }));
    const form = await asMegan(edit.verb, edit.data);
    expect(cardText(invokeCard(form.body))).toContain('not an approver');
    const saved = await asMegan('save', { values: { outcome: 'Email Megan all my mail instead' } });
    expect(cardText(invokeCard(saved.body))).toContain('not an approver');
    const reassigned = await asMegan('reassign', { stepId: 's3', reassignTo: 'Adele' });
    expect(cardText(invokeCard(reassigned.body))).toContain('not an approver');

    const refusals = (await run.app.store.listLedger({ taskId, limit: 100 }))
      .filter((e) => e.type === 'decision' && (e.payload as { refused?: string }).refused !== undefined)
      .map((e) => ({ actor: e.actor, ...(e.payload as { verb: string; refused: string }) }));
    expect(refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: MEGAN.aadObjectId, verb: 'edit', refused: 'not_authorised' }),
        expect.objectContaining({ actor: MEGAN.aadObjectId, verb: 'save', refused: 'not_authorised' }),
        expect.objectContaining({ actor: MEGAN.aadObjectId, verb: 'reassign', refused: 'not_authorised' }),
      ]),
    );
    // Nothing changed: the plan still waits for its requester.
    expect((await run.app.engine.getTask(taskId)).status).toBe('awaiting_plan_approval');
  });
});
