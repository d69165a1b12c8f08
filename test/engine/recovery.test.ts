import { mutateTask, withStep } from '../../src/engine/mutate';
import { buildPlan } from '../../src/engine/plan-builder';
import { ListCatalogue, SequentialIds } from '../../src/engine/fakes';
import { FakeOutbox, makeActions, makeHarness } from './harness';
import { TEST_NOW } from '../support/clock';

describe('engine: crashes, bounds and invalid plans', () => {
  it('recovers a step interrupted mid-run after its lease expires, without a second side effect', async () => {
    const h = makeHarness();
    const task = await h.start();
    await h.decide(task, 'approve');
    await h.worker.drain();
    await h.decide(await h.reload(task.id), 'approve', { stepId: 's2' });
    // A worker claims the task, marks the step running, performs the send, and dies before recording it.
    const claimed = await h.store.claimRunnable('dead-worker', h.clock.now(), 60_000);
    expect(claimed?.id).toBe(task.id);
    await mutateTask(h.store, h.clock, task.id, (t) => ({
      task: withStep(t, 's2', (s) => ({ ...s, status: 'running', attempts: 1 })),
      result: undefined,
    }));
    const key = task.plan.steps[1]?.idempotencyKey ?? '';
    h.outbox.sent.push({ key, to: ['meganb@example.com'], subject: 'Summary', body: 'hello from Contoso' });
    h.outbox.delivered.add(key);

    const survivor = h.newWorker('worker-2');
    await survivor.drain();
    expect((await h.reload(task.id)).status).toBe('running');
    h.clock.advance(61_000);
    await survivor.drain();
    const done = await h.reload(task.id);
    expect(done.status).toBe('completed');
    expect(done.plan.steps[1]?.attempts).toBe(2);
    expect(h.outbox.sent).toHaveLength(1);
  });

  it('ends in limit_reached when a task runs more steps than allowed', async () => {
    const h = makeHarness({
      maxSteps: 2,
      plan: {
        kind: 'plan',
        title: 'Read thrice',
        steps: [1, 2, 3].map((n) => ({ action: 'test.read', input: { from: `source ${n}` }, rationale: 'read' })),
      },
    });
    const task = await h.start();
    await h.decide(task, 'approve');
    await h.worker.drain();
    const stopped = await h.reload(task.id);
    expect(stopped.status).toBe('limit_reached');
    expect(stopped.error?.code).toBe('max_steps');
    expect(stopped.plan.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'pending']);
    expect(h.notifier.kinds()).toContain('limit_reached');
  });

  it('ends in limit_reached when a task outlives its maximum duration', async () => {
    const h = makeHarness();
    const task = await h.start();
    await h.decide(task, 'approve');
    h.clock.advance(3_600_001);
    await h.worker.drain();
    const stopped = await h.reload(task.id);
    expect(stopped.status).toBe('limit_reached');
    expect(stopped.error?.code).toBe('max_duration');
  });

  it('fails a step whose reference cannot be resolved, instead of guessing', async () => {
    const h = makeHarness({
      plan: {
        kind: 'plan',
        title: 'Bad ref',
        steps: [
          { action: 'test.read', input: { from: 'x' }, rationale: 'read' },
          {
            action: 'test.send',
            input: { to: ['meganb@example.com'], subject: 'S', body: { $ref: 's1.nothing.here' } },
            rationale: 'send',
          },
        ],
      },
    });
    const task = await h.start();
    await h.decide(task, 'approve');
    await h.worker.drain();
    const failed = await h.reload(task.id);
    expect(failed.status).toBe('failed');
    expect(failed.plan.steps[1]?.error?.code).toBe('unresolvable_input');
    expect(h.outbox.sent).toHaveLength(0);
  });

  it('refuses plans with unknown actions, invalid literal input or forward references', () => {
    const catalogue = new ListCatalogue(makeActions(new FakeOutbox()));
    const build = (steps: Parameters<typeof buildPlan>[0]) => () =>
      buildPlan(steps, 1, catalogue, new SequentialIds(), TEST_NOW);
    expect(build([{ action: 'mail.delete', input: {}, rationale: '' }])).toThrow(/invalid_plan/);
    expect(build([{ action: 'test.send', input: { to: ['nope'], subject: 'S', body: 'b' }, rationale: '' }])).toThrow(
      /invalid_plan/,
    );
    expect(
      build([
        { action: 'test.send', input: { to: ['a@b.co'], subject: 'S', body: { $ref: 's2.items' } }, rationale: '' },
        { action: 'test.read', input: { from: 'x' }, rationale: '' },
      ]),
    ).toThrow(/invalid_plan/);
    expect(build([])).toThrow(/invalid_plan/);
    expect(
      build([
        { action: 'test.read', input: { from: 'x' }, rationale: '' },
        { action: 'test.send', input: { to: ['a@b.co'], subject: 'S', body: { $ref: 's1.items.0' } }, rationale: '' },
      ]),
    ).not.toThrow();
  });

  it('stop() lets the in-flight step finish and record its result, then releases the lease', async () => {
    const h = makeHarness();
    const task = await h.start();
    await h.decide(task, 'approve');
    await h.worker.drain();
    let release: () => void = () => undefined;
    h.outbox.gate = new Promise<void>((resolve) => (release = resolve));
    await h.decide(await h.reload(task.id), 'approve', { stepId: 's2' });
    h.worker.start();
    for (let i = 0; i < 200 && (await h.reload(task.id)).plan.steps[1]?.status !== 'running'; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect((await h.reload(task.id)).plan.steps[1]?.status).toBe('running');
    const stopped = h.worker.stop();
    release();
    await stopped;
    const after = await h.reload(task.id);
    expect(after.plan.steps[1]?.status).toBe('succeeded');
    expect(h.outbox.sent).toHaveLength(1);
    // The lease was given back: another worker can take over at once.
    expect((await h.store.claimRunnable('worker-3', h.clock.now(), 60_000))?.id).toBe(task.id);
  });
});

describe('plan validation: instruction fields', () => {
  it('refuses a plan that fills an instructions field from another step (e.g. from a mail)', () => {
    const outbox = new FakeOutbox();
    const compose = { ...makeActions(outbox)[0], name: 'test.compose', literalFields: ['from'] } as ReturnType<
      typeof makeActions
    >[number];
    const catalogue = new ListCatalogue([...makeActions(outbox), compose]);
    const drafts = [
      { action: 'test.read', input: { from: 'x' }, rationale: '' },
      { action: 'test.compose', input: { from: { $ref: 's1.items.0' } }, rationale: '' },
    ];
    expect(() => buildPlan(drafts, 1, catalogue, new SequentialIds(), TEST_NOW)).toThrow(/invalid_plan/);
    expect(() =>
      buildPlan(
        [drafts[0]!, { action: 'test.compose', input: { from: 'the user said this' }, rationale: '' }],
        1,
        catalogue,
        new SequentialIds(),
        TEST_NOW,
      ),
    ).not.toThrow();
  });
});
