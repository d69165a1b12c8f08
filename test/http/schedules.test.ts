import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALEX, MEGAN, PersonalChat } from './activities';
import { button, cardText, invokeCard, startApp, type RunningApp } from './app-harness';
import { ChannelThread } from './channel-activities';
import { mailsWithSubject } from './flow-helpers';
import { pinnedClock, TEST_NOW } from '../support/clock';

const HOUR = 3_600_000;

/** Poll an async look-up until it gives something (store reads the connector cannot see). */
async function eventually<T>(look: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Recurring work through genuine activities: a request with recurrence words becomes a schedule
 * card; Approve makes it active; when its occurrence comes (the pinned clock moved on), the
 * worker fires one ordinary task that, on the standing approval policy allows, sends exactly one
 * real mail in the sandbox tenant; `schedules` lists it; `schedule pause` stops it, `schedule
 * run` runs it once now; the ledger records each step with the rule that decided.
 */
describe('HTTP: recurring work', () => {
  let run: RunningApp;
  let dir: string;
  const clock = pinnedClock(TEST_NOW);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-sched-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, 'version: 1\nschedules:\n  standingApproval:\n    covers: [write-internal]\n');
    run = await startApp({ POLICY_FILE: file }, { clock });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cardIn = (chat: PersonalChat, text: string, after = 0) =>
    run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .slice(after)
          .find((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes(text)),
      15_000,
      text,
    );

  it('creates, approves, fires once, lists, pauses and runs a schedule', async () => {
    const chat = new PersonalChat(run.connector.url);
    await run.post(chat.message("Every Monday at 9am email Megan Bowen a summary of last week's mail from Contoso"));
    const proposed = await cardIn(chat, 'Recurring work');
    const text = cardText(proposed.card);
    expect(text).toContain('Runs every Monday at 9am (UTC)');
    // The next three runs, in the owner's zone.
    expect(text).toContain('Mon 30 Nov, 09:00');
    expect(text).toContain('Mon 7 Dec, 09:00');
    expect(text).toContain('Mon 14 Dec, 09:00');
    expect(text).toContain('Runs unattended on this approval while it goes to meganb@example.com only');
    const approve = button(proposed.card, 'Approve');
    button(proposed.card, 'Edit');
    button(proposed.card, 'Reject');
    const scheduleId = String(approve.data.scheduleId);

    // Someone who is neither owner nor approver cannot approve it, and the refusal is on the ledger.
    const stranger = await run.post(chat.invoke(approve.verb, approve.data, { from: MEGAN }));
    expect(cardText(invokeCard(stranger.body))).toMatch(/can't find a schedule|not the owner/);

    const approved = await run.post(chat.invoke(approve.verb, approve.data));
    expect(cardText(invokeCard(approved.body))).toContain('Active');

    const before = run.connector.cards().length;
    await run.post(chat.message('schedules'));
    const list = await cardIn(chat, 'Your recurring work', before);
    expect(cardText(list.card)).toContain(scheduleId);
    expect(cardText(list.card)).toContain('Next run Mon 30 Nov, 09:00');

    // Monday 30 November, 09:01: the occurrence is due; the worker fires it once.
    const subject = 'mail from Contoso';
    const mailsBefore = (await mailsWithSubject(run, MEGAN.upn, subject)).length;
    clock.advance(6 * 24 * HOUR + HOUR + 60_000);
    run.app.worker.kick();
    const fired = await eventually(
      async () => {
        const s = await run.app.store.getSchedule(scheduleId);
        return s?.lastRun;
      },
      15_000,
      'the run',
    );
    expect(fired.occurrence).toBe('2026-11-30T09:00:00.000Z');
    const runTask = await eventually(
      async () => {
        const t = await run.app.store.getTask(fired.taskId);
        return t && t.status === 'completed' ? t : undefined;
      },
      20_000,
      'the run completed',
    );
    expect(runTask.schedule).toMatchObject({ id: scheduleId, standing: true });
    expect(runTask.requester.id).toBe(ALEX.aadObjectId);
    // Exactly one real mail reached Megan, though the worker passes many times.
    for (let i = 0; i < 3; i++) run.app.worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await mailsWithSubject(run, MEGAN.upn, subject)).length).toBe(mailsBefore + 1);
    // The run's task card was posted in the chat the schedule lives in.
    await cardIn(chat, fired.taskId, before);

    // Pause: no run fires while paused.
    const paused = run.connector.cards().length;
    await run.post(chat.message(`schedule pause ${scheduleId}`));
    await cardIn(chat, 'Paused', paused);
    clock.advance(7 * 24 * HOUR);
    run.app.worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await run.app.store.getSchedule(scheduleId))?.lastRun?.taskId).toBe(fired.taskId);

    // Run once now, even while paused.
    await run.post(chat.message(`schedule run ${scheduleId}`));
    const started = await run.connector.waitFor(
      () =>
        run.connector.calls.find(
          (c) => c.conversationId === chat.conversationId && /Started a run of schedule/.test(c.activity.text ?? ''),
        ),
      10_000,
      'run now',
    );
    expect(started.activity.text).toContain(scheduleId);

    const entries = await run.app.store.listLedger({ taskId: scheduleId, limit: 100 });
    const events = entries.map((e) => String((e.payload as { event?: unknown }).event));
    expect(events).toEqual(expect.arrayContaining(['created', 'refused', 'approved', 'fired', 'paused', 'run_now']));
    const approvedEntry = entries.find((e) => (e.payload as { event?: unknown }).event === 'approved');
    expect(String((approvedEntry?.payload as { rule?: unknown }).rule)).toContain('schedules.standingApproval');
  });
});

describe('HTTP: recurring work in a channel, and changing a schedule from its card', () => {
  let run: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'delegate-sched-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, 'version: 1\nschedules:\n  channelCreators: admins\n');
    run = await startApp({ POLICY_FILE: file }, { clock: pinnedClock(TEST_NOW) });
  });
  afterAll(async () => {
    await run?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a channel schedule from someone the policy does not let create one', async () => {
    const thread = new ChannelThread(run.connector.url);
    await run.post(
      thread.message(ALEX, '<at>Delegate</at> every weekday at 8:30 post my meetings for the day in General'),
    );
    const refused = await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find((c) => c.call.conversationId.startsWith(thread.channelId) && /policy admins/.test(cardText(c.card))),
      10_000,
      'refusal',
    );
    expect(cardText(refused.card)).toContain('schedules.channelCreators: admins');
    expect(await run.app.store.listSchedules({ personId: ALEX.aadObjectId })).toEqual([]);
  });

  it('Edit takes a new recurrence (a new version, approved again) and Reject deletes it', async () => {
    const chat = new PersonalChat(run.connector.url);
    await run.post(chat.message('daily at 5pm email Megan Bowen a summary of my unread mail'));
    const proposed = await run.connector.waitFor(
      () =>
        run.connector
          .cards()
          .find((c) => c.call.conversationId === chat.conversationId && cardText(c.card).includes('Recurring work')),
      10_000,
      'schedule card',
    );
    expect(cardText(proposed.card)).toContain('Runs every day at 5pm (UTC)');
    const edit = button(proposed.card, 'Edit');
    const form = invokeCard((await run.post(chat.invoke(edit.verb, edit.data))).body);
    const save = button(form, 'Save');
    const saved = invokeCard(
      (await run.post(chat.invoke(save.verb, { ...save.data, recurrence: 'every Tuesday at 10am' }))).body,
    );
    expect(cardText(saved)).toContain('Runs every Tuesday at 10am (UTC)');
    expect(cardText(saved)).toContain('(version 2)');
    expect(cardText(saved)).toContain('Tue 1 Dec, 10:00');
    // The first card's Approve is for version 1: it is stale now and approves nothing.
    const staleApprove = button(proposed.card, 'Approve');
    const stale = invokeCard((await run.post(chat.invoke(staleApprove.verb, staleApprove.data))).body);
    expect(cardText(stale)).toContain('changed since this card was shown');
    const id = String(staleApprove.data.scheduleId);
    expect((await run.app.store.getSchedule(id))?.status).toBe('pending_approval');
    const reject = button(saved, 'Reject');
    await run.post(chat.invoke(reject.verb, reject.data));
    expect((await run.app.store.getSchedule(id))?.status).toBe('deleted');
    const events = (await run.app.store.listLedger({ taskId: id, limit: 100 })).map(
      (e) => (e.payload as { event?: unknown }).event,
    );
    expect(events).toEqual(['created', 'edited', 'rejected']);
  });
});
