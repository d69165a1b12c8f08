import { ALEX, makeHarness, type Harness } from './harness';
import { mutateTask, withStep } from '../../src/engine/mutate';
import type { Task } from '../../src/engine/model';

const APPROVERS = ['aad-megan', 'aad-adele', 'aad-isaiah'];

/** A task at its send checkpoint whose step needs 2 of 3 approvers, never the requester. */
async function twoOfThree(h: Harness): Promise<Task> {
  const task = await h.start();
  await mutateTask(h.store, h.clock, task.id, (t) => ({ task: { ...t, approvers: APPROVERS }, result: undefined }));
  await h.decide(task, 'approve');
  await h.worker.drain();
  const { task: gated } = await mutateTask(h.store, h.clock, task.id, (t) => ({
    task: withStep(t, 's2', (s) => ({ ...s, quorum: 2, forbidSelfApproval: true })),
    result: undefined,
  }));
  expect(gated.status).toBe('awaiting_checkpoint');
  return gated;
}

describe('engine: quorum and self-approval', () => {
  it('waits for the second approval, then runs once', async () => {
    const h = makeHarness();
    const task = await twoOfThree(h);
    expect((await h.decide(task, 'approve', { stepId: 's2', actor: 'aad-megan' })).kind).toBe('applied');
    await h.worker.drain();
    const half = await h.reload(task.id);
    expect(half.status).toBe('awaiting_checkpoint');
    expect(half.plan.steps[1]?.approvedBy).toEqual(['aad-megan']);
    expect(h.outbox.sent).toHaveLength(0);
    // The same approver again counts once, and is told why nothing happened.
    const again = await h.decide(task, 'approve', { stepId: 's2', actor: 'aad-megan' });
    expect(again.kind === 'refused' && again.error.code).toBe('already_approved');
    expect((await h.decide(task, 'approve', { stepId: 's2', actor: 'aad-adele' })).kind).toBe('applied');
    await h.worker.drain();
    expect((await h.reload(task.id)).status).toBe('completed');
    expect(h.outbox.sent).toHaveLength(1);
  });

  it('refuses self-approval of the step, but the requester may still cancel', async () => {
    const h = makeHarness();
    const task = await twoOfThree(h);
    const own = await h.decide(task, 'approve', { stepId: 's2', actor: ALEX.id });
    expect(own.kind === 'refused' && own.error.code).toBe('self_approval');
    const ownEdit = await h.decide(task, 'edit', { stepId: 's2', actor: ALEX.id, values: { subject: 'mine' } });
    expect(ownEdit.kind === 'refused' && ownEdit.error.code).toBe('self_approval');
    expect((await h.decide(task, 'cancel', { stepId: 's2', actor: ALEX.id })).kind).toBe('applied');
  });

  it('an edit invalidates earlier approvals', async () => {
    const h = makeHarness();
    const task = await twoOfThree(h);
    await h.decide(task, 'approve', { stepId: 's2', actor: 'aad-megan' });
    expect(
      (await h.decide(task, 'edit', { stepId: 's2', actor: 'aad-adele', values: { subject: 'Edited' } })).kind,
    ).toBe('applied');
    const edited = await h.reload(task.id);
    expect(edited.status).toBe('awaiting_checkpoint');
    expect(edited.plan.steps[1]?.approvedBy).toEqual(['aad-adele']);
    await h.decide(task, 'approve', { stepId: 's2', actor: 'aad-isaiah' });
    await h.worker.drain();
    expect(h.outbox.sent).toEqual([expect.objectContaining({ subject: 'Edited' })]);
  });

  it('20 concurrent approvals from different approvers of a 2-of-3 step execute it exactly once', async () => {
    const h = makeHarness();
    const task = await twoOfThree(h);
    const clicks = Array.from({ length: 20 }, (_, i) =>
      h.engine.decide({
        id: `click-${i}`,
        taskId: task.id,
        planVersion: 1,
        stepId: 's2',
        verb: 'approve',
        actor: APPROVERS[i % 3]!,
      }),
    );
    const results = await Promise.all(clicks);
    expect(results.filter((r) => r.kind === 'applied')).toHaveLength(2);
    await Promise.all([h.worker.drain(), h.newWorker('worker-2').drain()]);
    expect(h.outbox.sent).toHaveLength(1);
    expect((await h.reload(task.id)).plan.steps[1]?.approvedBy).toHaveLength(2);
  });
});
