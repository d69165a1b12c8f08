import { Engine } from '../../src/engine/engine';
import {
  FixedClock,
  ListCatalogue,
  RecordingNotifier,
  ScriptedPlanner,
  SequentialIds,
  silentLogger,
} from '../../src/engine/fakes';
import type { ActionSpec } from '../../src/engine/catalogue';
import type { PlanResult, StepDraft } from '../../src/engine/ports';
import type { Schedule } from '../../src/engine/schedule-model';
import { DEFAULT_SCHEDULE_POLICY, type SchedulePolicy } from '../../src/engine/schedule-policy';
import { Scheduler, type ScheduleNotice } from '../../src/engine/scheduler';
import { Schedules } from '../../src/engine/schedules';
import { Worker } from '../../src/engine/worker';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, FakeOutbox, READ_THEN_SEND, SCOPE, makeActions } from './harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Every Monday at 9:00 in London, from Tuesday 24 November 2026. */
const WEEKLY = {
  rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
  start: '2026-11-24T00:00',
  timeZone: 'Europe/London',
};
const START = new Date('2026-11-24T08:00:00Z');
const FIRST = new Date('2026-11-30T09:00:00Z');

/** The test send action, declaring where it sends (what a standing approval binds to). */
function withDestinations(outbox: FakeOutbox): ActionSpec[] {
  return makeActions(outbox).map((spec) =>
    spec.name === 'test.send'
      ? {
          ...spec,
          destinations: (input: Record<string, unknown>) =>
            (Array.isArray(input.to) ? input.to : []).map((value: unknown) => ({
              kind: 'recipient' as const,
              value: String(value),
              field: 'to',
            })),
        }
      : spec,
  );
}

function setup(
  options: { policy?: Partial<SchedulePolicy>; plan?: () => PlanResult; enabled?: () => boolean | undefined } = {},
) {
  const store = new MemoryTaskStore();
  const clock = new FixedClock(START);
  const ids = new SequentialIds();
  const outbox = new FakeOutbox();
  const catalogue = new ListCatalogue(withDestinations(outbox));
  const notifier = new RecordingNotifier();
  let plan: () => PlanResult =
    options.plan ?? (() => ({ kind: 'plan', title: 'Read and send', steps: READ_THEN_SEND }));
  const planner = new ScriptedPlanner(() => plan());
  const engine = new Engine({ store, planner, catalogue, clock, ids });
  const policy: SchedulePolicy = { ...DEFAULT_SCHEDULE_POLICY, ...options.policy };
  const notices: { notice: ScheduleNotice; text: string }[] = [];
  const scheduler = (workerId: string) =>
    new Scheduler({
      store,
      engine,
      catalogue,
      clock,
      ids,
      logger: silentLogger,
      notifier,
      notices: { notice: async (_s, notice, text) => void notices.push({ notice, text }) },
      policy: () => policy,
      accountEnabled: async () => options.enabled?.() ?? true,
      workerId,
      leaseMs: 5 * MINUTE,
    });
  const service = new Schedules({ store, engine, catalogue, clock, ids, policy: () => policy });
  const worker = new Worker({
    store,
    catalogue,
    notifier,
    clock,
    ids,
    logger: silentLogger,
    workerId: 'worker-1',
    leaseMs: 60_000,
    pollMs: 1_000,
    concurrency: 1,
    maxSteps: 20,
    maxDurationMs: HOUR,
    stepTimeoutMs: 5_000,
  });
  const create = async (recurrence = WEEKLY): Promise<Schedule> => {
    const s = await service.create({
      request: "read Contoso's mail and send it to Megan",
      recurrence,
      owner: ALEX,
      scope: SCOPE,
      conversation: { conversation: { id: 'conv-1' } },
      mayCreateHere: true,
    });
    return service.decide(s.id, 'approve', ALEX.id, s.revision);
  };
  const tasks = async () => store.listTasks({ limit: 100 });
  const events = async (id: string) =>
    (await store.listLedger({ taskId: id, limit: 1000 })).map((e) => e.payload as Record<string, unknown>);
  return {
    store,
    clock,
    outbox,
    notifier,
    notices,
    service,
    scheduler,
    worker,
    create,
    tasks,
    events,
    setPlan: (next: () => PlanResult) => {
      plan = next;
    },
  };
}

describe('scheduled work: firing exactly once', () => {
  it('fires nothing before the occurrence, then one task for it however many instances look', async () => {
    const h = setup();
    const s = await h.create();
    expect(s.nextRunAt).toBe(FIRST.toISOString());
    const a = h.scheduler('instance-a');
    const b = h.scheduler('instance-b');
    h.clock.set(new Date(FIRST.getTime() - MINUTE));
    await expect(a.fireDue()).resolves.toBe(0);
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    const fired = await Promise.all([a.fireDue(), b.fireDue(), a.fireDue(), b.fireDue()]);
    expect(fired.reduce((x, y) => x + y, 0)).toBe(1);
    await a.fireDue();
    const runs = await h.tasks();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.schedule).toMatchObject({ id: s.id, occurrence: FIRST.toISOString() });
    expect(runs[0]?.schedule?.caughtUp).toBeUndefined();
    const after = await h.store.getSchedule(s.id);
    expect(after?.nextRunAt).toBe('2026-12-07T09:00:00.000Z');
    expect((await h.events(s.id)).filter((e) => e.event === 'fired')).toHaveLength(1);
  });

  it('a restart inside the firing window finishes the dead instance firing with the same task, once', async () => {
    const h = setup();
    const s = await h.create();
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    // An instance claimed the occurrence and created the run's task, then died before finishing.
    const claim = await h.store.claimOccurrence({
      scheduleId: s.id,
      occurrence: FIRST.toISOString(),
      taskId: 'TDEAD',
      owner: 'dead-instance',
      now: h.clock.now(),
      leaseMs: 5 * MINUTE,
    });
    expect(claim).toEqual({ claimed: true, taskId: 'TDEAD' });
    const engine = new Engine({
      store: h.store,
      planner: new ScriptedPlanner(() => ({ kind: 'plan', title: 'Read and send', steps: READ_THEN_SEND })),
      catalogue: new ListCatalogue(withDestinations(h.outbox)),
      clock: h.clock,
      ids: new SequentialIds(),
    });
    await engine.startTask({
      taskId: 'TDEAD',
      outcome: s.request,
      requester: ALEX,
      scope: SCOPE,
      conversation: {},
      timeZone: 'UTC',
    });
    const restarted = h.scheduler('restarted');
    // While the dead instance's lease holds, nobody fires it again.
    await expect(restarted.fireDue()).resolves.toBe(0);
    h.clock.advance(5 * MINUTE);
    await restarted.fireDue();
    await restarted.fireDue();
    const runs = await h.tasks();
    expect(runs.map((t) => t.id)).toEqual(['TDEAD']);
    const after = await h.store.getSchedule(s.id);
    expect(after?.lastRun?.taskId).toBe('TDEAD');
    expect(after?.nextRunAt).toBe('2026-12-07T09:00:00.000Z');
  });

  it('an occurrence fired but not yet moved on (a crash after finishing) is not fired again', async () => {
    const h = setup();
    const s = await h.create();
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.store.claimOccurrence({
      scheduleId: s.id,
      occurrence: FIRST.toISOString(),
      taskId: 'TGONE',
      owner: 'dead',
      now: h.clock.now(),
      leaseMs: MINUTE,
    });
    await h.store.finishOccurrence(s.id, FIRST.toISOString(), 'dead');
    await h.scheduler('next').fireDue();
    expect(await h.tasks()).toHaveLength(0);
    expect((await h.store.getSchedule(s.id))?.nextRunAt).toBe('2026-12-07T09:00:00.000Z');
  });
});

describe('scheduled work: catch-up and time zones', () => {
  it('runs the latest missed occurrence once, late and saying so, and records the skipped ones', async () => {
    const h = setup();
    const s = await h.create();
    // Delegate was down for three Mondays; it comes back on Monday 14 December at 11:00.
    h.clock.set(new Date('2026-12-14T11:00:00Z'));
    await h.scheduler('a').fireDue();
    const runs = await h.tasks();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.schedule).toMatchObject({ occurrence: '2026-12-14T09:00:00.000Z', caughtUp: true, skipped: 2 });
    const events = await h.events(s.id);
    const skipped = events.find((e) => e.event === 'skipped');
    expect(skipped).toMatchObject({ count: 2, occurrences: ['2026-11-30T09:00:00.000Z', '2026-12-07T09:00:00.000Z'] });
    expect(String(skipped?.rule)).toContain('catchUp: latest');
    expect(events.find((e) => e.event === 'fired')).toMatchObject({ caughtUp: true });
  });

  it('with catch-up "skip", skips every missed occurrence and waits for the next', async () => {
    const h = setup({ policy: { catchUp: 'skip' } });
    const s = await h.create();
    h.clock.set(new Date('2026-12-14T11:00:00Z'));
    await h.scheduler('a').fireDue();
    expect(await h.tasks()).toHaveLength(0);
    expect((await h.store.getSchedule(s.id))?.nextRunAt).toBe('2026-12-21T09:00:00.000Z');
    expect((await h.events(s.id)).find((e) => e.event === 'skipped')).toMatchObject({ count: 3 });
  });

  it('keeps 9:00 local across the spring DST change (London), firing at 09:00 GMT then 08:00 UTC', async () => {
    const h = setup();
    h.clock.set(new Date('2027-03-20T12:00:00Z'));
    const s = await h.create({ ...WEEKLY, start: '2027-03-20T00:00' });
    expect(s.nextRunAt).toBe('2027-03-22T09:00:00.000Z');
    h.clock.set(new Date('2027-03-22T09:00:30Z'));
    await h.scheduler('a').fireDue();
    // The clocks go forward on Sunday 28 March: the next Monday 9:00 is 08:00 UTC.
    expect((await h.store.getSchedule(s.id))?.nextRunAt).toBe('2027-03-29T08:00:00.000Z');
    h.clock.set(new Date('2027-03-29T08:00:30Z'));
    await h.scheduler('a').fireDue();
    expect((await h.tasks()).map((t) => t.schedule?.occurrence).sort()).toEqual([
      '2027-03-22T09:00:00.000Z',
      '2027-03-29T08:00:00.000Z',
    ]);
  });

  it('fires once on the autumn night whose 1:30 happens twice (New York)', async () => {
    const h = setup({ policy: { minIntervalMinutes: 60 } });
    h.clock.set(new Date('2026-10-30T12:00:00Z'));
    const s = await h.create({
      rrule: 'FREQ=DAILY;BYHOUR=1;BYMINUTE=30',
      start: '2026-10-30T00:00',
      timeZone: 'America/New_York',
    });
    for (let t = Date.parse('2026-10-31T00:00:00Z'); t <= Date.parse('2026-11-02T12:00:00Z'); t += 15 * MINUTE) {
      h.clock.set(new Date(t));
      await h.scheduler('a').fireDue();
    }
    const occurrences = (await h.tasks()).map((t) => t.schedule?.occurrence).sort();
    expect(occurrences).toEqual(['2026-10-31T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-11-02T06:30:00.000Z']);
    expect(s.recurrence.timeZone).toBe('America/New_York');
  });
});

describe('scheduled work: standing approval, bounded by policy', () => {
  it('without policy cover, the run starts on the standing approval but its send stops at a checkpoint', async () => {
    const h = setup();
    await h.create();
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    await h.worker.drain();
    const [run] = await h.tasks();
    expect(run?.status).toBe('awaiting_checkpoint');
    expect(run?.schedule?.standing).toBe(true);
    expect(h.outbox.sent).toHaveLength(0);
  });

  it('with policy cover for write-internal, the same send to the same people runs unattended', async () => {
    const h = setup({ policy: { standingApprovalCovers: ['write-internal'] } });
    await h.create();
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    await h.worker.drain();
    const [run] = await h.tasks();
    expect(run?.status).toBe('completed');
    expect(h.outbox.sent.map((m) => m.to)).toEqual([['meganb@example.com']]);
    const decisions = (await h.store.listLedger({ taskId: run!.id, limit: 100 })).filter((e) => e.type === 'decision');
    expect(decisions[0]?.payload).toMatchObject({ verb: 'approve', standing: expect.any(String) });
  });

  it('a run whose plan sends somewhere new waits for a person, whatever the policy covers', async () => {
    const h = setup({ policy: { standingApprovalCovers: ['write-internal'] } });
    await h.create();
    const elsewhere: StepDraft[] = [
      READ_THEN_SEND[0]!,
      { ...READ_THEN_SEND[1]!, input: { ...READ_THEN_SEND[1]!.input, to: ['attacker@example.net'] } },
    ];
    h.setPlan(() => ({ kind: 'plan', title: 'Read and send', steps: elsewhere }));
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    await h.worker.drain();
    const [run] = await h.tasks();
    expect(run?.status).toBe('awaiting_plan_approval');
    expect(h.outbox.sent).toHaveLength(0);
    const verdict = (await h.store.listLedger({ taskId: run!.id, limit: 100 })).find(
      (e) => e.type === 'decision' && (e.payload as { verb?: unknown }).verb === 'standing_approval',
    );
    expect(verdict?.payload).toMatchObject({ applies: false, reason: 'plan_differs' });
  });

  it('an expired standing approval starts no run unattended', async () => {
    const h = setup({ policy: { standingApprovalCovers: ['write-internal'], standingApprovalDays: 3 } });
    await h.create();
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    const [run] = await h.tasks();
    expect(run?.status).toBe('awaiting_plan_approval');
  });
});

describe('scheduled work: failures and owners', () => {
  it('pauses itself after three runs in a row fail, and tells its owner', async () => {
    const h = setup();
    h.setPlan(() => ({ kind: 'plan', title: 'Read and send', steps: READ_THEN_SEND }));
    const s = await h.create();
    h.setPlan(() => ({ kind: 'unplannable', message: 'no' }));
    for (let week = 0; week < 4; week++) {
      h.clock.set(new Date(FIRST.getTime() + week * 7 * DAY + MINUTE));
      await h.scheduler('a').fireDue();
    }
    const after = await h.store.getSchedule(s.id);
    expect(after?.status).toBe('paused');
    expect(after?.consecutiveFailures).toBe(3);
    expect(h.notices.find((n) => n.notice === 'auto_paused')?.text).toContain(`schedule resume ${s.id}`);
    const paused = (await h.events(s.id)).find((e) => e.event === 'auto_paused');
    expect(paused).toMatchObject({ rule: 'schedules.failuresBeforePause: 3' });
    // Three runs failed to start; the fourth occurrence fired nothing.
    expect((await h.events(s.id)).filter((e) => e.event === 'run_failed')).toHaveLength(3);
  });

  it('counts a run task that ended failed', async () => {
    const h = setup();
    const s = await h.create();
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    const [run] = await h.tasks();
    await h.store.updateTask({ ...run!, status: 'failed', version: run!.version + 1 }, run!.version);
    h.clock.set(new Date(FIRST.getTime() + 7 * DAY + MINUTE));
    await h.scheduler('a').fireDue();
    expect((await h.store.getSchedule(s.id))?.consecutiveFailures).toBe(1);
  });

  it('pauses when the directory says the owner is gone', async () => {
    let enabled = true;
    const h = setup({ enabled: () => enabled });
    const s = await h.create();
    enabled = false;
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    expect(await h.tasks()).toHaveLength(0);
    expect((await h.store.getSchedule(s.id))?.status).toBe('paused');
    expect((await h.events(s.id)).find((e) => e.event === 'auto_paused')).toMatchObject({
      reason: 'owner_gone',
      rule: 'directory: owner account disabled or deleted',
    });
  });
});

describe('scheduled work: lifecycle', () => {
  it('refuses a rule more frequent than policy allows, and someone who is no owner or approver', async () => {
    const h = setup();
    await expect(
      h.service.create({
        request: 'read and send',
        recurrence: { rrule: 'FREQ=HOURLY;INTERVAL=1;BYMINUTE=0,30', start: '2026-11-24T00:00', timeZone: 'UTC' },
        owner: ALEX,
        scope: SCOPE,
        conversation: {},
        mayCreateHere: true,
      }),
    ).rejects.toThrow(/at most every 60 minutes/);
    const s = await h.create();
    await expect(h.service.decide(s.id, 'pause', 'aad-stranger')).rejects.toThrow(/not the owner/);
    expect((await h.events(s.id)).find((e) => e.event === 'refused')).toMatchObject({ verb: 'pause' });
  });

  it('an edited recurrence is a new revision that waits for approval again, and runs only once approved', async () => {
    const h = setup();
    const s = await h.create();
    const edited = await h.service.editRecurrence(s.id, ALEX.id, {
      ...WEEKLY,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0',
    });
    expect(edited).toMatchObject({
      status: 'pending_approval',
      revision: 2,
      words: 'every Tuesday at 10am (Europe/London)',
    });
    h.clock.set(new Date(FIRST.getTime() + MINUTE));
    await h.scheduler('a').fireDue();
    expect(await h.tasks()).toHaveLength(0);
    // An approval of the old revision's card is stale.
    await expect(h.service.decide(s.id, 'approve', ALEX.id, 1)).rejects.toThrow(/can't be approved/);
    const approved = await h.service.decide(s.id, 'approve', ALEX.id, 2);
    expect(approved.nextRunAt).toBe('2026-12-01T10:00:00.000Z');
    const events = (await h.events(s.id)).map((e) => e.event);
    expect(events).toEqual(['created', 'approved', 'edited', 'approved']);
  });

  it('an edited request is planned again as a new template, a new revision that waits for approval', async () => {
    const h = setup();
    const s = await h.create();
    const toAdele: StepDraft[] = [
      READ_THEN_SEND[0]!,
      { ...READ_THEN_SEND[1]!, input: { ...READ_THEN_SEND[1]!.input, to: ['adelev@example.com'] } },
    ];
    h.setPlan(() => ({ kind: 'plan', title: 'Read and send to Adele', steps: toAdele }));
    const edited = await h.service.editRequest(s.id, ALEX.id, "read Contoso's mail and send it to Adele");
    expect(edited).toMatchObject({ status: 'pending_approval', revision: 2, title: 'Read and send to Adele' });
    expect(edited.template[1]?.destinations).toEqual(['adelev@example.com']);
    expect(edited.approval?.revision).toBe(1);
    await expect(h.service.editRequest(s.id, 'aad-stranger', 'anything')).rejects.toThrow(/not the owner/);
  });

  it('pause stops runs; resume starts again from now without catching up', async () => {
    const h = setup();
    const s = await h.create();
    await h.service.decide(s.id, 'pause', ALEX.id);
    h.clock.set(new Date(FIRST.getTime() + 14 * DAY));
    await h.scheduler('a').fireDue();
    expect(await h.tasks()).toHaveLength(0);
    const resumed = await h.service.decide(s.id, 'resume', ALEX.id);
    expect(resumed.nextRunAt).toBe('2026-12-21T09:00:00.000Z');
    await h.scheduler('a').fireDue();
    expect(await h.tasks()).toHaveLength(0);
  });

  it('run now starts one run outside the rule', async () => {
    const h = setup();
    const s = await h.create();
    const task = await h.scheduler('a').runNow(s, ALEX.id);
    expect(task?.schedule).toMatchObject({ id: s.id, manual: true });
    expect((await h.store.getSchedule(s.id))?.nextRunAt).toBe(FIRST.toISOString());
  });
});
