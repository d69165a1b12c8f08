import { Engine } from '../../src/engine/engine';
import {
  FixedClock,
  ListCatalogue,
  RecordingNotifier,
  ScriptedPlanner,
  SequentialIds,
  silentLogger,
} from '../../src/engine/fakes';
import type { PlanResult } from '../../src/engine/ports';
import { Worker } from '../../src/engine/worker';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, FakeOutbox, SCOPE, makeActions } from './harness';

const LEASE_MS = 60_000;
const PLAN: PlanResult = {
  kind: 'plan',
  title: 'Email Megan',
  steps: [{ action: 'test.send', input: { to: ['meganb@example.com'], subject: 'Hi', body: 'hi' }, rationale: 'send' }],
};

function setup(script: () => PlanResult | Promise<PlanResult>) {
  const store = new MemoryTaskStore();
  const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
  const ids = new SequentialIds();
  const catalogue = new ListCatalogue(makeActions(new FakeOutbox()));
  const planner = new ScriptedPlanner(() => {
    throw new Error('replaced below');
  });
  const plan = jest.spyOn(planner, 'plan').mockImplementation(async () => script());
  const engine = new Engine({ store, planner, catalogue, clock, ids });
  const notifier = new RecordingNotifier();
  const worker = (workerId: string) =>
    new Worker({
      store,
      catalogue,
      notifier,
      clock,
      ids,
      logger: silentLogger,
      workerId,
      leaseMs: LEASE_MS,
      pollMs: 1_000,
      concurrency: 1,
      maxSteps: 20,
      maxDurationMs: 3_600_000,
      stepTimeoutMs: 5_000,
      planPending: (task) => engine.planPending(task),
    });
  const accept = (show: () => Promise<void> = async () => undefined) =>
    engine.acceptTask(
      { outcome: 'email Megan hi', requester: ALEX, scope: SCOPE, conversation: {}, timeZone: 'Europe/London' },
      show,
    );
  return { store, clock, engine, worker, notifier, plan, accept };
}

describe('engine: planning outside the Teams turn', () => {
  it('takes a request in without planning; the worker plans it and shows the plan once', async () => {
    const { store, worker, notifier, plan, accept } = setup(() => PLAN);
    const shown: string[] = [];
    const task = await accept(async () => void shown.push('card'));
    expect(shown).toEqual(['card']);
    expect(task).toMatchObject({ status: 'planning', planPending: true, plan: { steps: [] } });
    expect(plan).not.toHaveBeenCalled();

    await worker('w1').drain();

    const planned = await store.getTask(task.id);
    expect(planned).toMatchObject({ status: 'awaiting_plan_approval', title: 'Email Megan' });
    expect(planned?.planPending).toBeUndefined();
    expect(plan).toHaveBeenCalledTimes(1);
    expect(notifier.kinds()).toEqual(['planned']);
  });

  it('no worker plans it while the card is being shown', async () => {
    const { worker, plan, accept } = setup(() => PLAN);
    await accept(async () => {
      await worker('w1').drain();
      expect(plan).not.toHaveBeenCalled();
    });
    expect(plan).not.toHaveBeenCalled();
  });

  it('a restart does not lose it: a worker that died while planning is replaced once its lease expires', async () => {
    const { store, clock, worker, plan, accept } = setup(() => PLAN);
    const task = await accept();
    // A worker claims it and dies mid-planning (its lease is never released or renewed).
    await expect(store.claimRunnable('dead', clock.now(), LEASE_MS)).resolves.toMatchObject({ id: task.id });
    await worker('w2').drain();
    expect(plan).not.toHaveBeenCalled();

    clock.advance(LEASE_MS);
    await worker('w2').drain();
    expect(plan).toHaveBeenCalledTimes(1);
    await expect(store.getTask(task.id)).resolves.toMatchObject({ status: 'awaiting_plan_approval' });
  });

  it('a request that cannot be planned, or a planner that fails, ends the task saying why', async () => {
    const refused = setup(() => ({ kind: 'unplannable', message: 'I cannot book flights.' }));
    const a = await refused.accept();
    await refused.worker('w').drain();
    await expect(refused.store.getTask(a.id)).resolves.toMatchObject({
      status: 'cancelled',
      error: { code: 'unplannable', message: 'I cannot book flights.' },
    });
    expect(refused.notifier.kinds()).toEqual(['cancelled']);

    const failing = setup(() => {
      throw new Error('model down');
    });
    const b = await failing.accept();
    await failing.worker('w').drain();
    const failed = await failing.store.getTask(b.id);
    expect(failed).toMatchObject({ status: 'cancelled', error: { code: 'internal_error' } });
    expect(failed?.error?.correlationId).toBeTruthy();
  });

  it('a task cancelled while its plan was being made stays cancelled', async () => {
    let cancel: () => Promise<void> = async () => undefined;
    const { store, clock, worker, accept } = setup(async () => {
      await cancel();
      return PLAN;
    });
    const task = await accept();
    cancel = async () => {
      const current = await store.getTask(task.id);
      if (!current) return;
      const { planPending: _p, ...rest } = current;
      await store.updateTask(
        { ...rest, status: 'cancelled', version: current.version + 1, updatedAt: clock.now().toISOString() },
        current.version,
      );
    };
    await worker('w').drain();
    await expect(store.getTask(task.id)).resolves.toMatchObject({ status: 'cancelled', plan: { steps: [] } });
  });
});
