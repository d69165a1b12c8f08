import { z } from 'zod';
import type { ActionSpec } from '../../src/engine/catalogue';
import { Engine } from '../../src/engine/engine';
import { DelegateError } from '../../src/engine/errors';
import {
  FixedClock,
  ListCatalogue,
  RecordingNotifier,
  ScriptedPlanner,
  SequentialIds,
  silentLogger,
} from '../../src/engine/fakes';
import type { Person, Scope, Task } from '../../src/engine/model';
import type { PlanResult, StepDraft, TaskStore } from '../../src/engine/ports';
import type { DecisionRequest } from '../../src/engine/transitions';
import { Worker } from '../../src/engine/worker';
import { MemoryTaskStore } from '../../src/store/memory-store';

export const ALEX: Person = { id: 'aad-alex', name: 'Alex Wilber', upn: 'alexw@example.com' };
export const MEGAN_ID = 'aad-megan';
export const SCOPE: Scope = { kind: 'personal', conversationId: 'conv-1' };

/** A fake mailbox: "sends" are recorded by idempotency key, so duplicates are visible. */
export class FakeOutbox {
  readonly sent: { key: string; to: string[]; subject: string; body: string }[] = [];
  failNext = 0;
  /** When set, sends wait for it (to hold a step mid-run). */
  gate: Promise<void> | undefined;
  /** Keys whose send "happened" but whose caller crashed before recording it. */
  readonly delivered = new Set<string>();
}

export function makeActions(outbox: FakeOutbox): ActionSpec[] {
  const read: ActionSpec<{ from: string }, { items: string[] }> = {
    name: 'test.read',
    description: 'Read some items',
    input: z.object({ from: z.string() }),
    output: z.object({ items: z.array(z.string()) }),
    risk: 'read',
    permissions: { delegated: ['Mail.Read'], application: ['Mail.Read'] },
    editable: [],
    describe: (input) => ({
      title: `Read items from ${String(input.from)}`,
      target: String(input.from),
      reads: 'items',
      fields: [],
    }),
    run: async (input) => ({
      output: { items: [`hello from ${input.from}`, 'second item'] },
      provenance: ['item-1', 'item-2'],
    }),
  };
  const send: ActionSpec<{ to: string[]; subject: string; body: string }, { messageId: string }> = {
    name: 'test.send',
    description: 'Send a message',
    input: z.object({ to: z.array(z.string().email()).min(1), subject: z.string().min(1), body: z.string() }),
    output: z.object({ messageId: z.string() }),
    risk: 'write-internal',
    permissions: { delegated: ['Mail.Send'], application: ['Mail.Send'] },
    editable: [
      { name: 'to', label: 'To', kind: 'list' },
      { name: 'subject', label: 'Subject', kind: 'text' },
      { name: 'body', label: 'Body', kind: 'multiline' },
    ],
    describe: (input) => ({
      title: 'Send a message',
      target: String(input.to),
      reads: '',
      fields: [{ label: 'Subject', value: String(input.subject) }],
    }),
    run: async (input, ctx) => {
      await outbox.gate;
      if (outbox.failNext > 0) {
        outbox.failNext--;
        throw new DelegateError('graph', 'graph_unavailable', 'Microsoft 365 is unavailable.');
      }
      // Reconcile before redoing: an earlier attempt may already have sent it.
      if (ctx.attempt === 1 || !outbox.delivered.has(ctx.idempotencyKey)) {
        outbox.sent.push({ key: ctx.idempotencyKey, to: input.to, subject: input.subject, body: input.body });
        outbox.delivered.add(ctx.idempotencyKey);
      }
      return { output: { messageId: `msg-${ctx.idempotencyKey}` }, provenance: [] };
    },
  };
  return [read, send];
}

export const READ_THEN_SEND: StepDraft[] = [
  { action: 'test.read', input: { from: 'Contoso' }, rationale: 'Find the items' },
  {
    action: 'test.send',
    input: { to: ['meganb@example.com'], subject: 'Summary', body: { $ref: 's1.items.0' } },
    rationale: 'Send them',
  },
];

export interface Harness {
  readonly store: TaskStore;
  readonly engine: Engine;
  readonly worker: Worker;
  readonly clock: FixedClock;
  readonly notifier: RecordingNotifier;
  readonly outbox: FakeOutbox;
  readonly planner: ScriptedPlanner;
  start(outcome?: string): Promise<Task>;
  decide(task: Task, verb: DecisionRequest['verb'], extra?: Partial<DecisionRequest>): ReturnType<Engine['decide']>;
  reload(id: string): Promise<Task>;
  newWorker(workerId: string): Worker;
}

export function makeHarness(options: { plan?: PlanResult; maxSteps?: number; store?: TaskStore } = {}): Harness {
  const store = options.store ?? new MemoryTaskStore();
  const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
  const ids = new SequentialIds();
  const outbox = new FakeOutbox();
  const catalogue = new ListCatalogue(makeActions(outbox));
  const notifier = new RecordingNotifier();
  const planner = new ScriptedPlanner(
    () => options.plan ?? { kind: 'plan', title: 'Read and send', steps: READ_THEN_SEND },
  );
  const engine = new Engine({ store, planner, catalogue, clock, ids });
  const newWorker = (workerId: string) =>
    new Worker({
      store,
      catalogue,
      notifier,
      clock,
      ids,
      logger: silentLogger,
      workerId,
      leaseMs: 60_000,
      pollMs: 1_000,
      concurrency: 2,
      maxSteps: options.maxSteps ?? 20,
      maxDurationMs: 3_600_000,
      stepTimeoutMs: 5_000,
    });
  let decisions = 0;
  return {
    store,
    engine,
    worker: newWorker('worker-1'),
    clock,
    notifier,
    outbox,
    planner,
    newWorker,
    async start(outcome = 'read and send') {
      const result = await engine.startTask({
        outcome,
        requester: ALEX,
        scope: SCOPE,
        conversation: { conversation: { id: 'conv-1' } },
        timeZone: 'UTC',
      });
      if (result.kind !== 'planned') throw new Error(`not planned: ${result.message}`);
      return result.task;
    },
    decide(task, verb, extra = {}) {
      return engine.decide({
        id: `decision-${++decisions}`,
        taskId: task.id,
        planVersion: task.plan.version,
        verb,
        actor: ALEX.id,
        ...extra,
      });
    },
    async reload(id) {
      const task = await store.getTask(id);
      if (!task) throw new Error(`no task ${id}`);
      return task;
    },
  };
}
