import { ALEX, MEGAN, PersonalChat } from '../http/activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from '../http/app-harness';
import { TabClient } from './tab-client';

interface Listed {
  available: boolean;
  schedules: { id: string; title: string; cadence: string; nextRunAt?: string; status: string; canPause: boolean }[];
}

/**
 * The Tasks tab's Scheduled section over real recurring work: a schedule made and approved
 * through genuine Teams activities is listed for its owner with its next run, not for anyone
 * else, and pause / resume from the tab go through the same schedule decisions as the chat's
 * `schedule pause|resume` (refused, and audited, for someone who may not manage it).
 */
describe('Tasks tab: Scheduled', () => {
  let run: RunningApp;
  let alex: TabClient;
  let megan: TabClient;
  let scheduleId = '';
  beforeAll(async () => {
    run = await startApp();
    alex = new TabClient(run.app.server.url);
    megan = new TabClient(run.app.server.url);
    expect(await alex.signIn(ALEX.aadObjectId)).toBe(200);
    expect(await megan.signIn(MEGAN.aadObjectId)).toBe(200);
    const chat = new PersonalChat(run.connector.url, ALEX);
    await run.post(chat.message('every monday at 9 email megan a summary of my unread mail from contoso'));
    const proposed = await run.connector.waitFor(
      () => run.connector.cards().find((c) => cardText(c.card).includes('Recurring work')),
      15_000,
      'schedule card',
    );
    const approve = button(proposed.card, 'Approve');
    scheduleId = String(approve.data.scheduleId);
    expect(cardText(invokeCard((await run.post(chat.invoke(approve.verb, approve.data))).body))).toContain('Active');
  });
  afterAll(async () => {
    await run?.stop();
  });

  it("lists Alex's schedule with its rule and next run, and nothing for Megan", async () => {
    const mine = await alex.get<Listed>('/api/tab/schedules');
    expect(mine.status).toBe(200);
    expect(mine.body.available).toBe(true);
    expect(mine.body.schedules).toHaveLength(1);
    expect(mine.body.schedules[0]).toMatchObject({
      id: scheduleId,
      status: 'active',
      canPause: true,
      // The test clock is Tuesday 24 November 2026: the next Monday at 09:00 UTC.
      nextRunAt: '2026-11-30T09:00:00.000Z',
    });
    expect(mine.body.schedules[0]?.cadence).toMatch(/Monday/);
    await expect(megan.get<Listed>('/api/tab/schedules')).resolves.toEqual({
      status: 200,
      body: { available: true, schedules: [] },
    });
  });

  it('pauses and resumes from the tab for its owner; Megan cannot, and her attempt is on the ledger', async () => {
    expect((await megan.post(`/api/tab/schedules/${scheduleId}/pause`, {})).status).toBe(404);
    const schedule = await run.app.store.getSchedule(scheduleId);
    expect(schedule?.status).toBe('active');
    expect(await ledgerMentions(run, scheduleId, MEGAN.aadObjectId)).toBe(1);

    expect((await alex.post(`/api/tab/schedules/${scheduleId}/pause`, {})).status).toBe(200);
    expect((await run.app.store.getSchedule(scheduleId))?.status).toBe('paused');
    const paused = await alex.get<Listed>('/api/tab/schedules');
    expect(paused.body.schedules[0]).toMatchObject({ id: scheduleId, status: 'paused' });
    expect(paused.body.schedules[0]?.nextRunAt).toBeUndefined();

    expect((await alex.post(`/api/tab/schedules/${scheduleId}/resume`, {})).status).toBe(200);
    expect((await run.app.store.getSchedule(scheduleId))?.status).toBe('active');
  });
});

/** Ledger entries anywhere that record this person's refused attempt on the schedule. */
async function ledgerMentions(run: RunningApp, scheduleId: string, personId: string): Promise<number> {
  let n = 0;
  for await (const entry of run.app.store.readLedger())
    if (entry.actor === personId && JSON.stringify(entry).includes(scheduleId) && entry.payload.refused) n++;
  return n;
}
