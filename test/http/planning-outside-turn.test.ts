import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../support/fake-openai';
import { PersonalChat } from './activities';
import { cardText, startApp, type RunningApp } from './app-harness';
import { PLANNING_NOTE, planned } from './flow-helpers';

const PLAN = {
  kind: 'plan',
  title: "Find this week's Contoso mail",
  steps: [{ action: 'mail.search', input: { from: 'Contoso' }, rationale: 'Find the Contoso mail' }],
};

/**
 * A model that takes longer than Teams waits for a turn (15 s): the planning call is held open
 * until the test lets it answer, so "longer than 15 s" is whatever the test makes it, without
 * the suite sleeping. Teams redelivers a message it got no answer to; here the test does.
 */
describe('HTTP: planning outside the Teams turn, safe under redelivery', () => {
  let fake: FakeOpenAI;
  let run: RunningApp;
  let release: () => void = () => undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    run = await startApp({ OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_MODEL: 'fake-model' });
  });
  afterAll(async () => {
    release();
    await run?.stop();
    await fake?.close();
  });

  it('answers at once with a Planning… card, ignores two redeliveries, and makes one task with one model call', async () => {
    const held = new Promise<FakeReply>((resolve) => {
      release = () => resolve({ json: PLAN });
    });
    fake.script(() => held);
    const chat = new PersonalChat(run.connector.url);
    const message = chat.message("Find this week's mail from Contoso");

    // The turn ends while the model has not answered.
    const first = await run.post(message);
    expect(first.status).toBe(200);
    const planning = await run.connector.waitFor(
      () =>
        run.connector.cards().find((c) => c.call.conversationId === chat.conversationId && c.call.method === 'POST'),
      5_000,
      'the Planning… card',
    );
    expect(cardText(planning.card)).toContain(PLANNING_NOTE);
    await run.connector.waitFor(() => fake.requests.length === 1, 5_000, 'the planning call');
    expect(fake.requests[0]?.status).toBe(0); // still unanswered

    // Teams redelivers the same activity twice: nothing new happens.
    const posted = run.connector.calls.length;
    expect((await run.post(message)).status).toBe(200);
    expect((await run.post(message)).status).toBe(200);
    expect(run.connector.calls.length).toBe(posted);

    release();
    const plan = await planned(run, planning);
    expect(cardText(plan.card)).toContain("Find this week's Contoso mail");
    expect(cardText(plan.card)).not.toContain(PLANNING_NOTE);
    expect(fake.requests).toHaveLength(1);
    const tasks = await run.app.store.listTasks({ conversationId: chat.conversationId });
    expect(tasks).toHaveLength(1);
    // A plan that only reads runs at once (the default policy).
    expect(tasks[0]?.status).not.toBe('planning');
    expect(tasks[0]?.plan.steps.map((s) => s.action)).toEqual(['mail.search']);
    expect(tasks[0]?.planPending).toBeUndefined();
  });
});
