import { z } from 'zod';
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
import { Worker } from '../../src/engine/worker';
import { parsePolicy } from '../../src/policy';
import { FixedGovernance } from '../../src/policy/governance';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, SCOPE } from './harness';

const POLICY = `version: 1
checkpoints: { write-internal: false }
rules:
  - id: many-recipients
    when: { recipientsMoreThan: 2 }
    require: { checkpoint: true, quorum: 2 }
approvers:
  default:
    approvers: [aad-megan, aad-adele]
`;

function governance(): FixedGovernance {
  const parsed = parsePolicy(POLICY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new FixedGovernance(parsed.policy);
}

/** A read whose output names people, and a notification whose recipients may come from it. */
function actions(sent: string[][]): ActionSpec[] {
  const list: ActionSpec<{ team: string }, { people: string[] }> = {
    name: 'test.listPeople',
    description: 'List people',
    input: z.object({ team: z.string() }),
    output: z.object({ people: z.array(z.string()) }),
    risk: 'read',
    permissions: { delegated: ['User.Read.All'], application: ['User.Read.All'] },
    editable: [],
    describe: () => ({ title: 'List people', target: '', reads: '', fields: [] }),
    run: async () => ({
      output: { people: ['meganb@example.com', 'adelev@example.com', 'isaiahl@example.com'] },
      provenance: [],
    }),
  };
  const notify: ActionSpec<{ to: string[] }, { notified: number }> = {
    name: 'test.notify',
    description: 'Notify people',
    input: z.object({ to: z.array(z.string()) }),
    output: z.object({ notified: z.number() }),
    risk: 'write-internal',
    permissions: { delegated: ['Mail.Send'], application: ['Mail.Send'] },
    editable: [],
    destinations: (input) =>
      Array.isArray(input.to)
        ? input.to
            .filter((t): t is string => typeof t === 'string')
            .map((value) => ({ kind: 'recipient' as const, value, field: 'to' }))
        : [],
    describe: () => ({ title: 'Notify people', target: '', reads: '', fields: [] }),
    run: async (input) => {
      sent.push(input.to);
      return { output: { notified: input.to.length }, provenance: [] };
    },
  };
  return [list, notify];
}

describe('policy on what a step will really do', () => {
  it('a step whose recipients come from an earlier step is gated by the rule their number triggers, with its quorum', async () => {
    const sent: string[][] = [];
    const store = new MemoryTaskStore();
    const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
    const ids = new SequentialIds();
    const catalogue = new ListCatalogue(actions(sent));
    const planner = new ScriptedPlanner(() => ({
      kind: 'plan',
      title: 'Tell the team',
      steps: [
        { action: 'test.listPeople', input: { team: 'marketing' }, rationale: 'Who' },
        { action: 'test.notify', input: { to: { $ref: 's1.people' } }, rationale: 'Tell them' },
      ],
    }));
    const engine = new Engine({ store, planner, catalogue, clock, ids, governance: governance() });
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
      governance: governance(),
    });

    const started = await engine.startTask({
      outcome: 'tell the team',
      requester: ALEX,
      scope: SCOPE,
      conversation: {},
      timeZone: 'UTC',
    });
    if (started.kind !== 'planned') throw new Error(started.message);
    // At planning the recipients are unknown, so nothing gates the notification.
    expect(started.task.plan.steps[1]).toMatchObject({ gate: 'auto' });
    expect(started.task.plan.steps[1]?.quorum).toBeUndefined();
    await engine.decide({ id: 'd1', taskId: started.task.id, planVersion: 1, verb: 'approve', actor: ALEX.id });
    await worker.drain();

    const waiting = await engine.getTask(started.task.id);
    expect(waiting.status).toBe('awaiting_checkpoint');
    expect(waiting.plan.steps[1]).toMatchObject({ status: 'awaiting_approval', gate: 'checkpoint', quorum: 2 });
    expect(waiting.plan.steps[1]?.gateReasons?.map((r) => r.rule)).toContain('many-recipients');
    expect(sent).toEqual([]);
    await engine.decide({
      id: 'd2',
      taskId: waiting.id,
      planVersion: 1,
      stepId: 's2',
      verb: 'approve',
      actor: 'aad-megan',
    });
    await worker.drain();
    expect(sent).toEqual([]);
    await engine.decide({
      id: 'd3',
      taskId: waiting.id,
      planVersion: 1,
      stepId: 's2',
      verb: 'approve',
      actor: 'aad-adele',
    });
    await worker.drain();
    expect(sent).toEqual([['meganb@example.com', 'adelev@example.com', 'isaiahl@example.com']]);
  });
});

describe('policy on the items a step passes on', () => {
  it('a send that passes on a message with attachments meets the attachments rule once the message is known', async () => {
    const forwarded: string[] = [];
    const find: ActionSpec<{ from: string }, { messages: Array<{ id: string; hasAttachments: boolean }> }> = {
      name: 'test.findMail',
      description: 'Find mail',
      input: z.object({ from: z.string() }),
      output: z.object({ messages: z.array(z.object({ id: z.string(), hasAttachments: z.boolean() })) }),
      risk: 'read',
      permissions: { delegated: ['Mail.Read'], application: ['Mail.Read'] },
      editable: [],
      describe: () => ({ title: 'Find mail', target: '', reads: '', fields: [] }),
      run: async () => ({
        output: { messages: [{ id: 'm-with-files', hasAttachments: true }] },
        provenance: ['m-with-files'],
      }),
    };
    const forward: ActionSpec<{ messageId: string; to: string[] }, { forwarded: string }> = {
      name: 'test.forward',
      description: 'Forward a message',
      input: z.object({ messageId: z.string(), to: z.array(z.string()) }),
      output: z.object({ forwarded: z.string() }),
      risk: 'write-internal',
      permissions: { delegated: ['Mail.Send'], application: ['Mail.Send'] },
      editable: [],
      destinations: (input) =>
        Array.isArray(input.to)
          ? input.to
              .filter((t): t is string => typeof t === 'string')
              .map((value) => ({ kind: 'recipient' as const, value, field: 'to' }))
          : [],
      describe: () => ({ title: 'Forward', target: '', reads: '', fields: [] }),
      run: async (input) => (
        forwarded.push(input.messageId),
        { output: { forwarded: input.messageId }, provenance: [] }
      ),
    };
    const parsed = parsePolicy(
      'version: 1\ncheckpoints: { write-internal: false }\nrules:\n  - id: attachments\n    when: { hasAttachments: true }\n    require: { checkpoint: true }\n',
    );
    if (!parsed.ok) throw new Error('bad policy');
    const gov = new FixedGovernance(parsed.policy);
    const store = new MemoryTaskStore();
    const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
    const ids = new SequentialIds();
    const catalogue = new ListCatalogue([find, forward]);
    const planner = new ScriptedPlanner(() => ({
      kind: 'plan',
      title: 'Forward',
      steps: [
        { action: 'test.findMail', input: { from: 'contoso' }, rationale: 'Find' },
        {
          action: 'test.forward',
          input: { messageId: { $ref: 's1.messages.0.id' }, to: ['meganb@example.com'] },
          rationale: 'Forward',
        },
      ],
    }));
    const engine = new Engine({ store, planner, catalogue, clock, ids, governance: gov });
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
      governance: gov,
    });
    const started = await engine.startTask({
      outcome: 'forward',
      requester: ALEX,
      scope: SCOPE,
      conversation: {},
      timeZone: 'UTC',
    });
    if (started.kind !== 'planned') throw new Error(started.message);
    expect(started.task.plan.steps[1]?.gate).toBe('auto');
    await engine.decide({ id: 'd1', taskId: started.task.id, planVersion: 1, verb: 'approve', actor: ALEX.id });
    await worker.drain();
    const waiting = await engine.getTask(started.task.id);
    expect(waiting.status).toBe('awaiting_checkpoint');
    expect(waiting.plan.steps[1]?.gateReasons?.map((r) => r.rule)).toContain('attachments');
    expect(forwarded).toEqual([]);
  });
});
