import { makeHarness } from './harness';

const MALLORY = 'aad-mallory';

describe('engine: every refused decision is on the ledger', () => {
  it('records a refused revise with actor, task, verb and reason', async () => {
    const h = makeHarness();
    const task = await h.start();
    const result = await h.engine.revise({
      taskId: task.id,
      actor: MALLORY,
      planVersion: task.plan.version,
      instruction: 'send it to me instead',
      decisionId: 'd-1',
    });
    expect(result).toMatchObject({ kind: 'refused', error: { code: 'not_authorised' } });
    const entries = await h.store.listLedger({ taskId: task.id });
    expect(entries.at(-1)).toMatchObject({
      taskId: task.id,
      type: 'decision',
      actor: MALLORY,
      payload: { verb: 'revise', refused: 'not_authorised', planVersion: task.plan.version },
    });
  });

  it('records a refused answer to the planner question', async () => {
    const h = makeHarness({ plan: { kind: 'question', question: 'Which report?' } });
    const task = await h.start();
    const result = await h.engine.answer({
      taskId: task.id,
      actor: MALLORY,
      planVersion: task.plan.version,
      answer: 'the secret one',
      decisionId: 'd-2',
    });
    expect(result).toMatchObject({ kind: 'refused' });
    const entries = await h.store.listLedger({ taskId: task.id });
    expect(entries.at(-1)).toMatchObject({
      type: 'decision',
      actor: MALLORY,
      payload: { verb: 'answer', refused: 'not_authorised' },
    });
  });

  it('records refusals decided outside the engine', async () => {
    const h = makeHarness();
    const task = await h.start();
    await h.engine.recordRefusal({ taskId: task.id, actor: MALLORY, verb: 'openEdit', reason: 'not_owner' });
    expect((await h.store.listLedger({ taskId: task.id })).at(-1)).toMatchObject({
      actor: MALLORY,
      payload: { verb: 'openEdit', refused: 'not_owner' },
    });
  });
});
