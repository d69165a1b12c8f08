import { Audit } from '../../src/engine/audit';
import { CheckpointTimers } from '../../src/engine/checkpoint-timers';
import { FixedClock, RecordingNotifier, SequentialIds, silentLogger } from '../../src/engine/fakes';
import type { Task } from '../../src/engine/model';
import type { TaskStore } from '../../src/engine/ports';
import { checkpointTimers } from '../../src/engine/timers';
import { openPgStore } from '../../src/store/pg-store';
import { TEST_PG_URL, describeWithPostgres, useTestSchemas } from '../support/postgres';
import { makeStep, makeTask } from '../store/make-task';

const newSchema = useTestSchemas('timers');
const T0 = new Date('2025-03-03T09:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const RULE = {
  remindAfterMinutes: 10,
  escalateAfterMinutes: 30,
  expireAfterMinutes: 60,
  escalateTo: ['backup-approver'],
  onExpiry: 'reject' as const,
};

function waitingTask(): Task {
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
          risk: 'write-internal',
          gate: 'checkpoint',
          status: 'awaiting_approval',
          checkpoint: checkpointTimers(T0, RULE, 'write-internal'),
        }),
      ],
    },
  });
}

describeWithPostgres('CheckpointTimers over PostgreSQL', () => {
  const clock = new FixedClock(T0);
  let stores: TaskStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
  });

  it('three instances racing over the same timers fire each exactly once, and the ledger says so once', async () => {
    const schema = newSchema();
    stores = await Promise.all([0, 1, 2].map(() => openPgStore(TEST_PG_URL, { schema })));
    const tasks = Array.from({ length: 30 }, () => waitingTask());
    for (const t of tasks) await stores[0]!.createTask(t);
    const notified = stores.map(() => new RecordingNotifier());
    const timersOver = (i: number) =>
      new CheckpointTimers({
        store: stores[i]!,
        clock,
        ids: new SequentialIds(),
        audit: new Audit(stores[i]!, clock),
        notifier: notified[i]!,
        logger: silentLogger,
      });
    for (const [at, event] of [
      [minutes(11), 'reminder'],
      [minutes(61), 'rejected'],
    ] as const) {
      clock.set(at);
      const fired = await Promise.all([0, 1, 2].map((i) => timersOver(i).fireDue()));
      expect(fired.reduce((a, b) => a + b, 0)).toBe(30);
      const told = notified.flatMap((n) => n.events).filter((e) => e.event === event);
      expect(told.map((e) => e.task.id).sort()).toEqual(tasks.map((t) => t.id).sort());
      await expect(timersOver(0).fireDue()).resolves.toBe(0);
    }
    const ledger = await stores[1]!.listLedger({ limit: 1000 });
    const effects = ledger
      .filter((e) => e.type === 'policy_decision')
      .map((e) => `${e.taskId}:${String(e.payload.effect)}`);
    expect(new Set(effects).size).toBe(effects.length);
    expect(effects).toHaveLength(60);
    for (const t of tasks) expect((await stores[2]!.listDecisions(t.id)).map((d) => d.verb)).toEqual(['expire']);
  });
});
