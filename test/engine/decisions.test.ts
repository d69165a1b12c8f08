import { ALEX, makeHarness, type Harness } from './harness';
import type { Task } from '../../src/engine/model';

async function atCheckpoint(h: Harness): Promise<Task> {
  const task = await h.start();
  await h.decide(task, 'approve');
  await h.worker.drain();
  const waiting = await h.reload(task.id);
  expect(waiting.status).toBe('awaiting_checkpoint');
  return waiting;
}

describe('engine: decisions at a checkpoint', () => {
  it('50 concurrent approvals of the same checkpoint apply once and send once', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.engine.decide({
          id: `click-${i}`,
          taskId: task.id,
          planVersion: 1,
          stepId: 's2',
          verb: 'approve',
          actor: ALEX.id,
        }),
      ),
    );
    expect(results.filter((r) => r.kind === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'stale')).toHaveLength(49);
    await Promise.all([h.worker.drain(), h.newWorker('worker-2').drain()]);
    expect(h.outbox.sent).toHaveLength(1);
    expect((await h.store.listDecisions(task.id)).filter((d) => d.stepId === 's2')).toHaveLength(1);
  });

  it('an edit changes exactly the editable fields, records the diff and counts as approval', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    const result = await h.decide(task, 'edit', {
      stepId: 's2',
      values: { subject: 'Contoso recap', to: 'adelev@example.com; meganb@example.com', rogue: 'x' },
    });
    expect(result.kind).toBe('applied');
    await h.worker.drain();
    expect(h.outbox.sent).toEqual([
      expect.objectContaining({
        to: ['adelev@example.com', 'meganb@example.com'],
        subject: 'Contoso recap',
        body: 'hello from Contoso',
      }),
    ]);
    const [, edit] = await h.store.listDecisions(task.id);
    expect(edit?.verb).toBe('edit');
    expect(edit?.edits).toEqual({
      to: { from: ['meganb@example.com'], to: ['adelev@example.com', 'meganb@example.com'] },
      subject: { from: 'Summary', to: 'Contoso recap' },
    });
    expect((await h.reload(task.id)).status).toBe('completed');
  });

  it('an invalid edit is refused and leaves the checkpoint waiting', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    const result = await h.decide(task, 'edit', { stepId: 's2', values: { to: 'not-an-address' } });
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.error.code).toBe('invalid_edit');
    const after = await h.reload(task.id);
    expect(after.status).toBe('awaiting_checkpoint');
    expect(after.plan.steps[1]?.resolvedInput?.to).toEqual(['meganb@example.com']);
  });

  it('skip carries on without the step; the task ends as "Nothing done", with the reason on the step', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    expect((await h.decide(task, 'skip', { stepId: 's2', reason: 'not needed' })).kind).toBe('applied');
    await h.worker.drain();
    const done = await h.reload(task.id);
    expect(done.status).toBe('nothing_done');
    expect(done.plan.steps[1]?.status).toBe('skipped');
    expect(done.plan.steps[1]?.reason).toBe('not needed');
    expect(h.outbox.sent).toHaveLength(0);
    expect((await h.store.listDecisions(task.id))[1]?.reason).toBe('not needed');
  });

  it('cancel at a checkpoint ends the task and rejects the waiting step', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    expect((await h.decide(task, 'cancel', { stepId: 's2' })).kind).toBe('applied');
    await h.worker.drain();
    const after = await h.reload(task.id);
    expect(after.status).toBe('cancelled');
    expect(after.plan.steps[1]?.status).toBe('rejected');
    expect(h.outbox.sent).toHaveLength(0);
    expect((await h.decide(after, 'approve', { stepId: 's2' })).kind).toBe('stale');
  });

  it('a failed step can be retried (same idempotency key) or skipped', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    h.outbox.failNext = 1;
    await h.decide(task, 'approve', { stepId: 's2' });
    await h.worker.drain();
    const failed = await h.reload(task.id);
    expect(failed.status).toBe('failed');
    expect(failed.plan.steps[1]?.status).toBe('failed');
    expect(failed.plan.steps[1]?.error).toEqual(
      expect.objectContaining({ code: 'graph_unavailable', message: 'Microsoft 365 is unavailable.' }),
    );
    expect(h.notifier.kinds()).toContain('failed');
    expect((await h.decide(failed, 'approve', { stepId: 's2' })).kind).toBe('stale');
    expect((await h.decide(failed, 'retry', { stepId: 's2' })).kind).toBe('applied');
    await h.worker.drain();
    const done = await h.reload(task.id);
    expect(done.status).toBe('completed');
    expect(done.plan.steps[1]?.attempts).toBe(2);
    expect(h.outbox.sent).toHaveLength(1);
    expect(h.outbox.sent[0]?.key).toBe(task.plan.steps[1]?.idempotencyKey);
  });

  it('a card from an older plan version is stale after a revision', async () => {
    const h = makeHarness();
    const task = await h.start();
    const revised = await h.engine.revise({
      taskId: task.id,
      actor: ALEX.id,
      planVersion: 1,
      instruction: 'read and send, but nicer',
      decisionId: 'rev-1',
    });
    expect(revised.kind).toBe('applied');
    const current = await h.reload(task.id);
    expect(current.plan.version).toBe(2);
    expect(current.outcome).toBe('read and send, but nicer');
    expect(current.status).toBe('awaiting_plan_approval');
    expect((await h.decide(task, 'approve')).kind).toBe('stale');
    expect((await h.reload(task.id)).status).toBe('awaiting_plan_approval');
    expect((await h.decide(current, 'approve')).kind).toBe('applied');
  });

  it('redelivering the same decision changes nothing', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    const click = {
      id: 'same-click',
      taskId: task.id,
      planVersion: 1,
      stepId: 's2',
      verb: 'approve' as const,
      actor: ALEX.id,
    };
    expect((await h.engine.decide(click)).kind).toBe('applied');
    expect((await h.engine.decide(click)).kind).toBe('stale');
    await h.worker.drain();
    expect(h.outbox.sent).toHaveLength(1);
  });
});

describe('engine: pause and resume', () => {
  it('pause stops the task between steps; resume carries on where it was', async () => {
    const h = makeHarness();
    const task = await h.start();
    await h.decide(task, 'approve');
    expect((await h.decide(task, 'pause')).kind).toBe('applied');
    await h.worker.drain();
    const paused = await h.reload(task.id);
    expect(paused.status).toBe('paused');
    expect(paused.plan.steps[0]?.status).toBe('pending');
    expect((await h.decide(task, 'pause')).kind).toBe('stale');
    expect((await h.decide(task, 'approve', { stepId: 's2' })).kind).toBe('stale');
    expect((await h.decide(task, 'resume')).kind).toBe('applied');
    await h.worker.drain();
    expect((await h.reload(task.id)).status).toBe('awaiting_checkpoint');
  });

  it('a paused checkpoint cannot be approved until it is resumed; only approvers may pause', async () => {
    const h = makeHarness();
    const task = await atCheckpoint(h);
    expect((await h.decide(task, 'pause', { actor: 'aad-megan' })).kind).toBe('refused');
    await h.decide(task, 'pause');
    expect((await h.decide(task, 'approve', { stepId: 's2' })).kind).toBe('stale');
    await h.decide(task, 'resume');
    expect((await h.reload(task.id)).status).toBe('awaiting_checkpoint');
    expect((await h.decide(task, 'approve', { stepId: 's2' })).kind).toBe('applied');
    await h.worker.drain();
    expect(h.outbox.sent).toHaveLength(1);
  });
});
