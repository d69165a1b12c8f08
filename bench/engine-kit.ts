import type { Catalogue } from '../src/engine/catalogue';
import { Engine } from '../src/engine/engine';
import { FixedClock, ScriptedPlanner, SequentialIds, silentLogger } from '../src/engine/fakes';
import type { Person, Scope, Task } from '../src/engine/model';
import type { Notifier, StepDraft, TaskStore } from '../src/engine/ports';
import { Worker } from '../src/engine/worker';

export const REQUESTER: Person = { id: 'aad-alex', name: 'Alex Wilber', upn: 'alexw@example.com' };
const SCOPE: Scope = { kind: 'personal', conversationId: 'a:bench' };

/** A notifier that keeps nothing (a recording one would itself hold every task in memory). */
export class CountingNotifier implements Notifier {
  count = 0;
  async notify(): Promise<void> {
    this.count++;
  }
}

/** The engine and a worker over a store, with fakes for everything that is not being measured. */
export interface EngineKit {
  readonly engine: Engine;
  readonly worker: Worker;
  readonly notifier: CountingNotifier;
  /** Plan `steps` and approve the plan unless it runs at once: the task is now `running`, waiting for the worker. */
  startApproved(): Promise<Task>;
}

export function engineKit(
  store: TaskStore,
  catalogue: Catalogue,
  steps: readonly StepDraft[],
  options: { maxSteps: number; concurrency: number },
): EngineKit {
  const clock = new FixedClock(new Date('2026-11-25T15:00:00Z'));
  const ids = new SequentialIds();
  const planner = new ScriptedPlanner(() => ({ kind: 'plan', title: 'Benchmark', steps }));
  // ScriptedPlanner records requests; a benchmark that plans thousands of tasks must not keep them.
  const plan = planner.plan.bind(planner);
  const forgetful = {
    plan: async (request: Parameters<typeof plan>[0]) => plan(request).finally(() => planner.requests.splice(0)),
  };
  const engine = new Engine({ store, planner: forgetful, catalogue, clock, ids });
  const notifier = new CountingNotifier();
  const worker = new Worker({
    store,
    catalogue,
    notifier,
    clock,
    ids,
    logger: silentLogger,
    workerId: 'bench-worker',
    leaseMs: 60_000,
    pollMs: 60_000,
    concurrency: options.concurrency,
    maxSteps: options.maxSteps,
    maxDurationMs: 3_600_000,
    stepTimeoutMs: 30_000,
  });
  let decisions = 0;
  return {
    engine,
    worker,
    notifier,
    async startApproved() {
      const started = await engine.startTask({
        outcome: 'benchmark',
        requester: REQUESTER,
        scope: SCOPE,
        conversation: { conversation: { id: SCOPE.conversationId } },
        timeZone: 'UTC',
      });
      if (started.kind !== 'planned') throw new Error(`not planned: ${started.kind}`);
      // A plan that only reads runs at once (the fast path): nothing to approve.
      if (started.task.status === 'running') return started.task;
      const decided = await engine.decide({
        id: `d${++decisions}`,
        taskId: started.task.id,
        planVersion: started.task.plan.version,
        verb: 'approve',
        actor: REQUESTER.id,
      });
      if (decided.kind !== 'applied') throw new Error(`approval not applied: ${decided.kind}`);
      return decided.task;
    },
  };
}
