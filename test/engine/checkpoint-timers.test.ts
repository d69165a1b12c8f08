import { Audit } from '../../src/engine/audit';
import { CheckpointTimers } from '../../src/engine/checkpoint-timers';
import { FixedClock, RecordingNotifier, SequentialIds, silentLogger } from '../../src/engine/fakes';
import type { Task } from '../../src/engine/model';
import type { TaskStore } from '../../src/engine/ports';
import { checkpointTimers, dueTimer, nextTimerDue } from '../../src/engine/timers';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeStep, makeTask } from '../store/make-task';
import { useTempDbPaths } from '../store/temp-dir';

const T0 = new Date('2025-03-03T09:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const RULE = {
  remindAfterMinutes: 10,
  escalateAfterMinutes: 30,
  expireAfterMinutes: 60,
  escalateTo: ['backup-approver'],
  onExpiry: 'reject' as const,
};

function waitingTask(
  onExpiry: 'reject' | 'cancel' | 'approve' = 'reject',
  risk: 'write-internal' | 'read' = 'write-internal',
): Task {
  return makeTask({
    status: 'awaiting_checkpoint',
    plan: {
      version: 1,
      createdAt: T0.toISOString(),
      steps: [
        makeStep({ id: 's1', status: 'succeeded' }),
        makeStep({
          id: 's2',
          action: 'mail.send',
          risk,
          gate: 'checkpoint',
          status: 'awaiting_approval',
          checkpoint: checkpointTimers(T0, { ...RULE, onExpiry }, risk),
        }),
      ],
    },
  });
}

describe('checkpoint deadlines', () => {
  it('are fixed when the step starts waiting; escalation defaults to halfway between reminder and expiry', () => {
    const timers = checkpointTimers(T0, { ...RULE, escalateAfterMinutes: undefined }, 'write-internal');
    expect(timers).toMatchObject({
      remindAt: minutes(10).toISOString(),
      escalateAt: minutes(35).toISOString(),
      expireAt: minutes(60).toISOString(),
      onExpiry: 'reject',
    });
    expect(checkpointTimers(T0, { ...RULE, escalateTo: [] }, 'write-internal').escalateAt).toBeUndefined();
  });

  it('never let expiry approve a consequential step, whatever the rule says', () => {
    expect(checkpointTimers(T0, { ...RULE, onExpiry: 'approve' }, 'write-external').onExpiry).toBe('reject');
    expect(checkpointTimers(T0, { ...RULE, onExpiry: 'approve' }, 'read').onExpiry).toBe('approve');
  });

  it('name the latest due timer only: a bot that was down expires without reminding first', () => {
    const task = waitingTask();
    expect(nextTimerDue(task)).toBe(minutes(10).getTime());
    expect(dueTimer(task, minutes(5))).toBeUndefined();
    expect(dueTimer(task, minutes(11))?.kind).toBe('remind');
    expect(dueTimer(task, minutes(31))?.kind).toBe('escalate');
    expect(dueTimer(task, minutes(90))?.kind).toBe('expire');
  });
});

describe('CheckpointTimers over a durable store', () => {
  const dbPath = useTempDbPaths('timers');
  const clock = new FixedClock(T0);
  let stores: TaskStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
  });

  async function open(file: string): Promise<TaskStore> {
    const store = await openSqliteStore(file);
    stores.push(store);
    return store;
  }

  function timersOver(store: TaskStore, notifier: RecordingNotifier): CheckpointTimers {
    return new CheckpointTimers({
      store,
      clock,
      ids: new SequentialIds(),
      audit: new Audit(store, clock),
      notifier,
      logger: silentLogger,
    });
  }

  it('two instances racing over the same timers fire each exactly once', async () => {
    const file = dbPath();
    const [a, b] = [await open(file), await open(file)];
    const tasks = Array.from({ length: 10 }, () => waitingTask());
    for (const t of tasks) await a.createTask(t);
    const notified = [new RecordingNotifier(), new RecordingNotifier()];
    clock.set(minutes(11));
    const fired = await Promise.all([timersOver(a, notified[0]!).fireDue(), timersOver(b, notified[1]!).fireDue()]);
    expect(fired[0]! + fired[1]!).toBe(10);
    const reminders = [...notified[0]!.events, ...notified[1]!.events].filter((e) => e.event === 'reminder');
    expect(reminders.map((e) => e.task.id).sort()).toEqual(tasks.map((t) => t.id).sort());
    await expect(timersOver(a, notified[0]!).fireDue()).resolves.toBe(0);
  });

  it('survive a restart: a timer due while the bot was down fires once on the next start', async () => {
    const file = dbPath();
    const before = await open(file);
    const task = waitingTask('cancel');
    await before.createTask(task);
    await before.close();
    stores = [];
    clock.set(minutes(75));
    const after = await open(file);
    const notifier = new RecordingNotifier();
    await expect(timersOver(after, notifier).fireDue()).resolves.toBe(1);
    await expect(timersOver(after, notifier).fireDue()).resolves.toBe(0);
    const stored = await after.getTask(task.id);
    expect(stored?.status).toBe('cancelled');
    expect(stored?.plan.steps[1]).toMatchObject({ status: 'rejected', error: { code: 'checkpoint_expired' } });
    expect(notifier.events.map((e) => e.event)).toEqual(['cancelled']);
    const decisions = await after.listDecisions(task.id);
    expect(decisions).toEqual([expect.objectContaining({ actor: 'system', verb: 'expire', stepId: 's2' })]);
  });

  it('escalation adds the backup approvers once; expiry of a read step may approve it and hand it to the worker', async () => {
    const file = dbPath();
    const store = await open(file);
    const runnable: string[] = [];
    const read = waitingTask('approve', 'read');
    await store.createTask(read);
    const timers = new CheckpointTimers({
      store,
      clock,
      ids: new SequentialIds(),
      audit: new Audit(store, clock),
      notifier: new RecordingNotifier(),
      logger: silentLogger,
      onRunnable: (id) => runnable.push(id),
    });
    clock.set(minutes(31));
    await timers.fireDue();
    expect((await store.getTask(read.id))?.approvers).toContain('backup-approver');
    await timers.fireDue();
    expect((await store.getTask(read.id))?.approvers.filter((a) => a === 'backup-approver')).toHaveLength(1);
    clock.set(minutes(61));
    await timers.fireDue();
    expect((await store.getTask(read.id))?.status).toBe('running');
    expect(runnable).toEqual([read.id]);
  });
});
