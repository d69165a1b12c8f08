import { z } from 'zod';
import { FixedGovernance } from '../../src/policy/governance';
import { parsePolicy } from '../../src/policy/parse';
import type { ActionSpec } from '../../src/engine/catalogue';
import { Engine } from '../../src/engine/engine';
import {
  FixedClock,
  ListCatalogue,
  RecordingNotifier,
  ScriptedPlanner,
  SequentialIds,
  silentLogger,
} from '../../src/engine/fakes';
import type { PlanRequest, PlanResult } from '../../src/engine/ports';
import { Worker } from '../../src/engine/worker';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, FakeOutbox, SCOPE, makeActions } from './harness';

const USAGE = { promptTokens: 900, completionTokens: 100, calls: 1 };

const composeSpec: ActionSpec<{ items: string[] }, { summary: string }> = {
  name: 'test.compose',
  description: 'Compose a summary with a model',
  input: z.object({ items: z.array(z.string()) }),
  output: z.object({ summary: z.string() }),
  risk: 'compose',
  permissions: { delegated: [], application: [] },
  editable: [],
  describe: () => ({ title: 'Summarise', target: 'you', reads: 'items', fields: [] }),
  run: async (input) => ({
    output: { summary: input.items.join(' / ') },
    provenance: ['item-1'],
    sources: [{ id: 'item-1', title: 'Hello — Dana' }],
    usage: { promptTokens: 400, completionTokens: 50, calls: 1 },
  }),
};

function setup(script: (request: PlanRequest) => PlanResult, budgets?: { userDailyTokens?: number }) {
  const store = new MemoryTaskStore();
  const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
  const ids = new SequentialIds();
  const catalogue = new ListCatalogue([...makeActions(new FakeOutbox()), composeSpec as unknown as ActionSpec]);
  const planner = new ScriptedPlanner(script);
  // These flows are about approving plans: even a plan that only reads waits for Approve here.
  const parsed = parsePolicy('version: 1\ncheckpoints: { readOnlyPlan: approve }');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const governance = new FixedGovernance(parsed.policy);
  const engine = new Engine({ store, planner, catalogue, clock, ids, budgets, governance });
  const worker = new Worker({
    store,
    catalogue,
    notifier: new RecordingNotifier(),
    clock,
    ids,
    logger: silentLogger,
    workerId: 'w',
    leaseMs: 60_000,
    pollMs: 1_000,
    concurrency: 1,
    maxSteps: 20,
    maxDurationMs: 3_600_000,
    stepTimeoutMs: 5_000,
    budgets,
  });
  const start = () =>
    engine.startTask({
      outcome: 'email Megan the news',
      requester: ALEX,
      scope: { ...SCOPE, tenantId: 'tenant-1' },
      conversation: {},
      timeZone: 'Europe/London',
    });
  return { store, engine, worker, planner, start };
}

const PLAN: PlanResult = {
  kind: 'plan',
  title: 'Summarise and send',
  usage: USAGE,
  steps: [
    { action: 'test.read', input: { from: 'Contoso' }, rationale: 'read' },
    { action: 'test.compose', input: { items: { $ref: 's1.items' } }, rationale: 'summarise' },
  ],
};

describe('engine: clarification, revision, usage and budgets', () => {
  it("asks the planner's question, then plans with the answer", async () => {
    const { engine, planner, start } = setup((request) =>
      request.clarifications?.length
        ? PLAN
        : { kind: 'question', question: 'Which Megan?', options: ['Megan Bowen', 'Megan Smith'], usage: USAGE },
    );
    const started = await start();
    if (started.kind !== 'planned') throw new Error('expected a task');
    expect(started.task.status).toBe('planning');
    expect(started.task.clarification).toEqual({
      question: 'Which Megan?',
      options: ['Megan Bowen', 'Megan Smith'],
      answers: [],
    });
    expect(started.task.timeZone).toBe('Europe/London');

    const answered = await engine.answer({
      taskId: started.task.id,
      actor: ALEX.id,
      planVersion: 1,
      answer: 'Megan Bowen',
      decisionId: 'd1',
    });
    expect(answered.kind).toBe('applied');
    const task = await engine.getTask(started.task.id);
    expect(task.status).toBe('awaiting_plan_approval');
    expect(task.plan.version).toBe(2);
    expect(task.clarification).toEqual({ options: [], answers: [{ question: 'Which Megan?', answer: 'Megan Bowen' }] });
    expect(planner.requests[1]?.clarifications).toEqual([{ question: 'Which Megan?', answer: 'Megan Bowen' }]);
    expect(planner.requests[1]?.timeZone).toBe('Europe/London');
    expect(task.usage).toEqual({ promptTokens: 1800, completionTokens: 200, calls: 2 });
    // Answering again (a stale question card) changes nothing.
    expect(
      (await engine.answer({ taskId: task.id, actor: ALEX.id, planVersion: 1, answer: 'x', decisionId: 'd2' })).kind,
    ).toBe('stale');
  });

  it('a revising planner gets the previous plan and the instruction; the outcome stays', async () => {
    const { engine, planner, start } = setup(() => PLAN);
    (planner as { revises?: boolean }).revises = true;
    const started = await start();
    if (started.kind !== 'planned') throw new Error('expected a task');
    const revised = await engine.revise({
      taskId: started.task.id,
      actor: ALEX.id,
      planVersion: 1,
      instruction: 'only unread mail',
      decisionId: 'r1',
    });
    expect(revised.kind).toBe('applied');
    const request = planner.requests[1];
    expect(request?.outcome).toBe('email Megan the news');
    expect(request?.revision).toEqual({
      previousTitle: 'Summarise and send',
      previousSteps: PLAN.kind === 'plan' ? PLAN.steps : [],
      instruction: 'only unread mail',
    });
    const task = await engine.getTask(started.task.id);
    expect(task.plan.version).toBe(2);
    expect(task.instructions).toEqual(['only unread mail']);
  });

  it('records usage of planning and compose steps, with sources, in the task and the usage ledger', async () => {
    const { engine, worker, store, start } = setup(() => PLAN);
    const started = await start();
    if (started.kind !== 'planned') throw new Error('expected a task');
    await engine.decide({ id: 'a', taskId: started.task.id, planVersion: 1, verb: 'approve', actor: ALEX.id });
    await worker.drain();
    const task = await engine.getTask(started.task.id);
    expect(task.status).toBe('completed');
    expect(task.usage).toEqual({ promptTokens: 1300, completionTokens: 150, calls: 2 });
    expect(task.plan.steps[1]?.sources).toEqual([{ id: 'item-1', title: 'Hello — Dana' }]);
    expect(await store.usageSince({ since: '2026-11-25T00:00:00Z', requesterId: ALEX.id })).toEqual({
      promptTokens: 1300,
      completionTokens: 150,
      calls: 2,
    });
    expect(await store.usageSince({ since: '2026-11-25T00:00:00Z', tenantId: 'tenant-1' })).toEqual({
      promptTokens: 1300,
      completionTokens: 150,
      calls: 2,
    });
  });

  it('refuses new planning once the daily budget is spent, and fails compose steps over budget', async () => {
    const { engine, worker, start } = setup(() => PLAN, { userDailyTokens: 1_200 });
    const first = await start();
    if (first.kind !== 'planned') throw new Error('expected a task');
    await engine.decide({ id: 'a', taskId: first.task.id, planVersion: 1, verb: 'approve', actor: ALEX.id });
    // Planning spent 1,000 tokens; the compose step may still run (1,000 < 1,200) and spends 450 more.
    await worker.drain();
    expect((await engine.getTask(first.task.id)).status).toBe('completed');
    await expect(start()).rejects.toMatchObject({ code: 'budget_exceeded' });
  });

  it('refuses planning once the tenant has spent its daily budget, whoever asks', async () => {
    const store = new MemoryTaskStore();
    await store.recordUsage({
      entryId: 'earlier',
      taskId: 'T0',
      requesterId: 'someone-else',
      tenantId: 'tenant-1',
      at: '2026-11-25T10:00:00Z',
      usage: { promptTokens: 4_000, completionTokens: 1_000, calls: 3 },
    });
    const engine = new Engine({
      store,
      planner: new ScriptedPlanner(() => PLAN),
      catalogue: new ListCatalogue([...makeActions(new FakeOutbox()), composeSpec as unknown as ActionSpec]),
      clock: new FixedClock(new Date('2026-11-25T15:00:00Z')),
      ids: new SequentialIds(),
      budgets: { tenantDailyTokens: 5_000 },
    });
    const start = (tenantId: string) =>
      engine.startTask({
        outcome: 'x',
        requester: ALEX,
        scope: { ...SCOPE, tenantId },
        conversation: {},
        timeZone: 'UTC',
      });
    await expect(start('tenant-1')).rejects.toMatchObject({ code: 'budget_exceeded' });
    await expect(start('tenant-2')).resolves.toMatchObject({ kind: 'planned' });
  });
});
