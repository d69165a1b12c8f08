import { z } from 'zod';
import type { ActionSpec } from '../../src/engine/catalogue';
import { CheckpointTimers } from '../../src/engine/checkpoint-timers';
import { Audit } from '../../src/engine/audit';
import { Engine } from '../../src/engine/engine';
import {
  FixedClock,
  ListCatalogue,
  RecordingNotifier,
  ScriptedPlanner,
  SequentialIds,
  silentLogger,
} from '../../src/engine/fakes';
import type { StepDraft } from '../../src/engine/ports';
import { Worker } from '../../src/engine/worker';
import { parsePolicy } from '../../src/policy';
import { FixedGovernance } from '../../src/policy/governance';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, SCOPE } from './harness';

const NOTIFY: ActionSpec<{ to: string[] }, { notified: number }> = {
  name: 'test.notify',
  description: 'Notify people',
  input: z.object({ to: z.array(z.string()).min(1) }),
  output: z.object({ notified: z.number() }),
  risk: 'write-internal',
  permissions: { delegated: ['Mail.Send'], application: ['Mail.Send'] },
  editable: [{ name: 'to', label: 'To', kind: 'list' }],
  destinations: (input) =>
    Array.isArray(input.to)
      ? input.to
          .filter((t): t is string => typeof t === 'string')
          .map((value) => ({ kind: 'recipient' as const, value, field: 'to' }))
      : [],
  describe: () => ({ title: 'Notify people', target: '', reads: '', fields: [] }),
  run: async (input) => ({ output: { notified: input.to.length }, provenance: [] }),
};

function rig(policyText: string, steps: StepDraft[]) {
  // These tests are about the checkpoint of a single known step: it keeps its own approval.
  const parsed = parsePolicy(`version: 1\ncheckpoints: { singleStepPlan: separate }\n${policyText}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const governance = new FixedGovernance(parsed.policy);
  const store = new MemoryTaskStore();
  const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
  const ids = new SequentialIds();
  const sent: string[][] = [];
  const catalogue = new ListCatalogue([
    {
      ...NOTIFY,
      run: async (input, ctx) => (
        sent.push((input as { to: string[] }).to),
        NOTIFY.run(input as { to: string[] }, ctx)
      ),
    },
  ]);
  const notifier = new RecordingNotifier();
  const engine = new Engine({
    store,
    planner: new ScriptedPlanner(() => ({ kind: 'plan', title: 'Notify', steps })),
    catalogue,
    clock,
    ids,
    governance,
  });
  const timers = new CheckpointTimers({
    store,
    clock,
    ids,
    audit: new Audit(store, clock),
    notifier,
    logger: silentLogger,
  });
  const worker = new Worker({
    store,
    catalogue,
    notifier,
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
    governance,
    timers,
  });
  let n = 0;
  const decide = (
    taskId: string,
    verb: 'approve' | 'edit' | 'retry',
    actor: string,
    extra: Record<string, unknown> = {},
  ) =>
    engine.decide({
      id: `d${++n}`,
      taskId,
      planVersion: 1,
      stepId: verb === 'approve' && !extra.step ? undefined : 's1',
      verb,
      actor,
      ...extra,
    });
  return { engine, worker, store, clock, timers, sent, decide };
}

async function started(r: ReturnType<typeof rig>): Promise<string> {
  const result = await r.engine.startTask({
    outcome: 'notify',
    requester: ALEX,
    scope: SCOPE,
    conversation: {},
    timeZone: 'UTC',
  });
  if (result.kind !== 'planned') throw new Error(result.message);
  return result.task.id;
}

describe('the fixes from review', () => {
  it('an edit is checked like a plan: one that reaches more people than the rule allows waits for the quorum', async () => {
    const r = rig(
      'rules:\n  - id: many\n    when: { recipientsMoreThan: 2 }\n    require: { quorum: 2 }\napprovers: { default: { approvers: [aad-megan, aad-adele] } }',
      [{ action: 'test.notify', input: { to: ['meganb@example.com'] }, rationale: 'tell' }],
    );
    const id = await started(r);
    await r.decide(id, 'approve', ALEX.id);
    await r.worker.drain();
    expect((await r.engine.getTask(id)).status).toBe('awaiting_checkpoint');
    const edited = await r.decide(id, 'edit', ALEX.id, {
      values: { to: 'a@example.com, b@example.com, c@example.com' },
    });
    expect(edited.kind).toBe('applied');
    const task = await r.engine.getTask(id);
    expect(task.status).toBe('awaiting_checkpoint');
    expect(task.plan.steps[0]).toMatchObject({ status: 'awaiting_approval', quorum: 2, approvedBy: [ALEX.id] });
    expect(task.plan.steps[0]?.gateReasons?.map((g) => g.rule)).toContain('many');
    await r.worker.drain();
    expect(r.sent).toEqual([]);
    await r.decide(id, 'approve', 'aad-megan', { step: true });
    await r.worker.drain();
    expect(r.sent).toEqual([['a@example.com', 'b@example.com', 'c@example.com']]);
  });

  it('an edit that policy refuses is refused, and nothing is sent', async () => {
    const r = rig('rules:\n  - id: too-many\n    when: { recipientsMoreThan: 2 }\n    require: { deny: true }', [
      { action: 'test.notify', input: { to: ['meganb@example.com'] }, rationale: 'tell' },
    ]);
    const id = await started(r);
    await r.decide(id, 'approve', ALEX.id);
    await r.worker.drain();
    const edited = await r.decide(id, 'edit', ALEX.id, {
      values: { to: 'a@example.com, b@example.com, c@example.com' },
    });
    expect(edited).toMatchObject({ kind: 'refused', error: { code: 'edit_refused' } });
    await r.worker.drain();
    expect(r.sent).toEqual([]);
  });

  it('retrying a step that failed before it ran sends it through its checks again, not straight to running', async () => {
    const r = rig(
      'rules:\n  - id: never-megan\n    when: { actions: ["test.notify"], recipientsMoreThan: 0 }\n    require: { checkpoint: true }',
      [{ action: 'test.notify', input: { to: ['meganb@example.com'] }, rationale: 'tell' }],
    );
    const id = await started(r);
    // The step failed before running (as when policy denied it at run time).
    const task = await r.engine.getTask(id);
    await r.store.updateTask(
      {
        ...task,
        version: task.version + 1,
        status: 'failed',
        plan: {
          ...task.plan,
          steps: [{ ...task.plan.steps[0]!, status: 'failed', error: { code: 'policy_denied', message: 'no' } }],
        },
      },
      task.version,
    );
    await r.decide(id, 'retry', ALEX.id);
    await r.worker.drain();
    const after = await r.engine.getTask(id);
    expect(after.status).toBe('awaiting_checkpoint');
    expect(after.plan.steps[0]).toMatchObject({ status: 'awaiting_approval', approvedBy: [] });
    expect(r.sent).toEqual([]);
  });

  it('editing a failed step that needs two approvals starts a new wait, not an expired one', async () => {
    const r = rig(
      'expiry: { checkpointMinutes: 60, remindAfterMinutes: 10 }\napprovers: { default: { quorum: 2, approvers: [aad-megan, aad-adele] } }',
      [{ action: 'test.notify', input: { to: ['meganb@example.com'] }, rationale: 'tell' }],
    );
    const id = await started(r);
    await r.decide(id, 'approve', ALEX.id);
    await r.worker.drain();
    const waiting = await r.engine.getTask(id);
    // Long after the first wait's deadline, the step fails after running; Megan edits it.
    r.clock.advance(3 * 3_600_000);
    await r.store.updateTask(
      {
        ...waiting,
        version: waiting.version + 1,
        status: 'failed',
        plan: {
          ...waiting.plan,
          steps: [
            {
              ...waiting.plan.steps[0]!,
              status: 'failed',
              attempts: 1,
              error: { code: 'graph_unavailable', message: 'down' },
            },
          ],
        },
      },
      waiting.version,
    );
    await r.decide(id, 'edit', 'aad-megan', { values: { to: 'adelev@example.com' } });
    await expect(r.timers.fireDue()).resolves.toBe(0);
    const edited = await r.engine.getTask(id);
    expect(edited.status).toBe('awaiting_checkpoint');
    expect(Date.parse(edited.plan.steps[0]!.checkpoint!.expireAt)).toBeGreaterThan(r.clock.now().getTime());
  });

  it('a paused checkpoint does not expire while paused: its deadlines move on by the pause', async () => {
    const r = rig('expiry: { checkpointMinutes: 60, remindAfterMinutes: 10 }', [
      { action: 'test.notify', input: { to: ['meganb@example.com'] }, rationale: 'tell' },
    ]);
    const id = await started(r);
    await r.decide(id, 'approve', ALEX.id);
    await r.worker.drain();
    const before = (await r.engine.getTask(id)).plan.steps[0]!.checkpoint!;
    await r.engine.command('pause', id, ALEX.id, 'p1');
    r.clock.advance(3 * 3_600_000);
    await expect(r.timers.fireDue()).resolves.toBe(0);
    await r.engine.command('resume', id, ALEX.id, 'r1');
    const after = await r.engine.getTask(id);
    expect(after.status).toBe('awaiting_checkpoint');
    expect(Date.parse(after.plan.steps[0]!.checkpoint!.expireAt) - Date.parse(before.expireAt)).toBe(3 * 3_600_000);
    await expect(r.timers.fireDue()).resolves.toBe(0);
  });
});
