import type { Catalogue, ActionSpec } from './catalogue';
import type { Task } from './model';
import type { Clock, Ids, Logger, Notifier, PlanRequest, PlanResult, Planner, TaskEvent } from './ports';

/**
 * Test doubles for the engine's ports, shipped next to the code they stand in for.
 * Used by unit tests and benchmarks; never wired in production.
 */

/** A planner that answers from a script, recording what it was asked. */
export class ScriptedPlanner implements Planner {
  readonly requests: PlanRequest[] = [];
  constructor(private readonly script: (request: PlanRequest) => PlanResult) {}
  async plan(request: PlanRequest): Promise<PlanResult> {
    this.requests.push(request);
    return this.script(request);
  }
}

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(now: Date): void {
    this.current = new Date(now);
  }
}

/** Predictable ids: T0001, T0002… and 00000000-…-000000000001, … */
export class SequentialIds implements Ids {
  private next = 0;
  taskId(): string {
    return `T${String(++this.next).padStart(4, '0')}`;
  }
  uuid(): string {
    return `00000000-0000-4000-8000-${String(++this.next).padStart(12, '0')}`;
  }
}

/** A notifier that records every event with a snapshot of the task. */
export class RecordingNotifier implements Notifier {
  readonly events: { event: TaskEvent; task: Task }[] = [];
  async notify(task: Task, event: TaskEvent): Promise<void> {
    this.events.push({ event, task: structuredClone(task) });
  }
  kinds(): TaskEvent[] {
    return this.events.map((e) => e.event);
  }
}

/** A catalogue over a fixed list of specs. */
export class ListCatalogue implements Catalogue {
  private readonly byName: Map<string, ActionSpec>;
  constructor(specs: readonly ActionSpec[]) {
    this.byName = new Map(specs.map((spec) => [spec.name, spec]));
  }
  get(name: string): ActionSpec | undefined {
    return this.byName.get(name);
  }
  list(): readonly ActionSpec[] {
    return [...this.byName.values()];
  }
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
