import { ALEX, MEGAN_ID, makeHarness } from './harness';

describe('engine: outcome → plan → approve → background run → checkpoint → result', () => {
  it('plans without running anything, gating side effects behind checkpoints', async () => {
    const h = makeHarness();
    const task = await h.start();
    expect(task.status).toBe('awaiting_plan_approval');
    expect(task.plan.version).toBe(1);
    expect(task.plan.steps.map((s) => [s.id, s.action, s.gate, s.status])).toEqual([
      ['s1', 'test.read', 'auto', 'pending'],
      ['s2', 'test.send', 'checkpoint', 'pending'],
    ]);
    expect(new Set(task.plan.steps.map((s) => s.idempotencyKey)).size).toBe(2);
    await h.worker.drain();
    expect((await h.reload(task.id)).status).toBe('awaiting_plan_approval');
    expect(h.outbox.sent).toHaveLength(0);
  });

  it('runs read steps, persists the checkpoint before showing it, then sends once on approval', async () => {
    const h = makeHarness();
    const task = await h.start();
    const approved = await h.decide(task, 'approve');
    expect(approved.kind).toBe('applied');
    await h.worker.drain();

    const waiting = await h.reload(task.id);
    expect(waiting.status).toBe('awaiting_checkpoint');
    const [read, send] = waiting.plan.steps;
    expect(read?.status).toBe('succeeded');
    expect(read?.provenance).toEqual(['item-1', 'item-2']);
    expect(send?.status).toBe('awaiting_approval');
    expect(send?.resolvedInput).toEqual({ to: ['meganb@example.com'], subject: 'Summary', body: 'hello from Contoso' });
    expect(h.notifier.kinds()).toEqual(['progress', 'checkpoint']);
    // What the notifier saw was already the stored state.
    expect(h.notifier.events[1]?.task.version).toBe(waiting.version);
    expect(h.outbox.sent).toHaveLength(0);

    const result = await h.decide(waiting, 'approve', { stepId: 's2' });
    expect(result.kind).toBe('applied');
    await h.worker.drain();
    const done = await h.reload(task.id);
    expect(done.status).toBe('completed');
    expect(done.plan.steps[1]?.output).toEqual({ messageId: `msg-${done.plan.steps[1]?.idempotencyKey}` });
    expect(done.plan.steps[1]?.approvedBy).toEqual([ALEX.id]);
    expect(h.outbox.sent).toHaveLength(1);
    expect(h.notifier.kinds()).toEqual(['progress', 'checkpoint', 'progress', 'completed']);
    const decisions = await h.store.listDecisions(task.id);
    expect(decisions.map((d) => [d.verb, d.stepId ?? null, d.actor])).toEqual([
      ['approve', null, ALEX.id],
      ['approve', 's2', ALEX.id],
    ]);
  });

  it('passes an unplannable answer straight through and stores nothing', async () => {
    const h = makeHarness({ plan: { kind: 'unplannable', message: 'I can email, meet and post.' } });
    const result = await h.engine.startTask({
      outcome: 'make coffee',
      requester: ALEX,
      scope: { kind: 'personal', conversationId: 'c' },
      conversation: {},
      timeZone: 'UTC',
    });
    expect(result).toEqual({ kind: 'unplannable', message: 'I can email, meet and post.' });
    expect(await h.store.listTasks({})).toHaveLength(0);
  });

  it('refuses decisions from anyone but the owner or an approver', async () => {
    const h = makeHarness();
    const task = await h.start();
    const result = await h.decide(task, 'approve', { actor: MEGAN_ID });
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.error.code).toBe('not_authorised');
    expect((await h.reload(task.id)).status).toBe('awaiting_plan_approval');
    expect(await h.store.listDecisions(task.id)).toHaveLength(0);
  });

  it('rejecting the plan ends the task; later clicks are stale', async () => {
    const h = makeHarness();
    const task = await h.start();
    expect((await h.decide(task, 'reject')).kind).toBe('applied');
    expect((await h.reload(task.id)).status).toBe('rejected');
    expect((await h.decide(task, 'approve')).kind).toBe('stale');
    await h.worker.drain();
    expect(h.outbox.sent).toHaveLength(0);
  });
});
