import { PersonalChat } from './activities';
import { startApp, type RunningApp } from './app-harness';
import { click, checkpointCard, planFor } from './flow-helpers';
import { TEST_NOW } from '../support/clock';

/** Every ledger entry is stamped by the app's clock — the hashes of the cards people were shown too. */
describe('HTTP: card_shown entries take their time from the app clock', () => {
  let run: RunningApp;
  beforeAll(async () => {
    run = await startApp();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('stamps the plan, task and checkpoint cards with the pinned time', async () => {
    const chat = new PersonalChat(run.connector.url);
    const plan = await planFor(run, chat, 'Email Megan Bowen a summary of my unread mail from Contoso');
    await click(run, chat, plan, 'Approve');
    await checkpointCard(run, chat);
    const taskId = String((plan.card.refresh as { action: { data: { taskId: string } } }).action.data.taskId);
    const shown = (await run.app.store.listLedger({ taskId, limit: 100 })).filter((e) => e.type === 'card_shown');
    expect(shown.length).toBeGreaterThanOrEqual(2);
    // The pinned clock moves on a little as the test runs; the real date is far away.
    for (const entry of shown) expect(Math.abs(Date.parse(entry.at) - TEST_NOW.getTime())).toBeLessThan(60_000);
  });
});
