import type { Catalogue } from './catalogue';
import { DelegateError } from './errors';
import { TASK_SCHEMA_VERSION, type Person, type Scope, type Task } from './model';
import { mutateTask } from './mutate';
import { buildPlan } from './plan-builder';
import type { Clock, Ids, Planner, TaskQuery, TaskStore } from './ports';
import { mayDecide, transition, type DecisionRequest } from './transitions';

/** What the engine needs; every piece is a small port with an in-memory double for tests. */
export interface EngineDeps {
  readonly store: TaskStore;
  readonly planner: Planner;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Called when a task becomes runnable, so a worker can pick it up without waiting for its poll. */
  readonly onRunnable?: (taskId: string) => void;
}

/** A new outcome from someone in Teams. */
export interface StartRequest {
  readonly outcome: string;
  readonly requester: Person;
  readonly scope: Scope;
  /** Opaque Bot Framework conversation reference, for proactive updates. */
  readonly conversation: Record<string, unknown>;
  readonly timeZone: string;
}

export type StartResult =
  | { readonly kind: 'planned'; readonly task: Task }
  | { readonly kind: 'unplannable'; readonly message: string };

export type DecideResult =
  | { readonly kind: 'applied'; readonly task: Task }
  | { readonly kind: 'stale'; readonly task: Task }
  | { readonly kind: 'refused'; readonly task: Task; readonly error: DelegateError };

/**
 * The engine's front door: start tasks, apply decisions, answer questions about tasks.
 * It never runs steps itself — the worker does, outside any Teams turn.
 */
export class Engine {
  constructor(private readonly deps: EngineDeps) {}

  async startTask(request: StartRequest): Promise<StartResult> {
    const { planner, catalogue, clock, ids, store } = this.deps;
    const now = clock.now();
    const result = await planner.plan({
      outcome: request.outcome,
      requester: request.requester,
      scope: request.scope,
      now,
      timeZone: request.timeZone,
    });
    if (result.kind === 'unplannable') return result;
    const plan = buildPlan(result.steps, 1, catalogue, ids, now);
    const base: Omit<Task, 'id'> = {
      schemaVersion: TASK_SCHEMA_VERSION,
      title: result.title,
      outcome: request.outcome,
      requester: request.requester,
      owner: request.requester.id,
      approvers: [],
      scope: request.scope,
      conversation: request.conversation,
      status: 'awaiting_plan_approval',
      plan,
      version: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      stepsRun: 0,
    };
    for (let attempt = 0; ; attempt++) {
      const task: Task = { ...base, id: ids.taskId() };
      try {
        await store.createTask(task);
        return { kind: 'planned', task };
      } catch (error) {
        // Short ids can collide; a few fresh draws settle it.
        if (!(error instanceof DelegateError && error.code === 'conflict') || attempt >= 5) throw error;
      }
    }
  }

  /**
   * Apply a decision from a card. Authorisation is checked against the stored task with the
   * actor from the activity; a redelivered or stale click changes nothing.
   */
  async decide(request: DecisionRequest): Promise<DecideResult> {
    const { store, clock, catalogue } = this.deps;
    const now = clock.now();
    const outcome = await mutateTask(store, clock, request.taskId, (task) => {
      const t = transition(task, request, catalogue, now);
      return { task: t.kind === 'applied' ? t.task : undefined, result: t };
    });
    const t = outcome.result;
    if (t.kind === 'refused') return { kind: 'refused', task: outcome.task, error: t.error };
    if (t.kind === 'stale') return { kind: 'stale', task: outcome.task };
    await store.appendDecision({
      id: request.id,
      taskId: request.taskId,
      stepId: request.stepId,
      planVersion: request.planVersion,
      actor: request.actor,
      verb: request.verb,
      edits: t.edits,
      reason: request.reason,
      at: now.toISOString(),
    });
    if (outcome.task.status === 'running') this.deps.onRunnable?.(outcome.task.id);
    return { kind: 'applied', task: outcome.task };
  }

  /**
   * Re-plan a task awaiting plan approval from a revised outcome: a new plan version that must
   * be approved again. Cards of the old version become stale.
   */
  async revise(request: { taskId: string; actor: string; planVersion: number; outcome: string; decisionId: string; timeZone: string }): Promise<DecideResult | { kind: 'unplannable'; task: Task; message: string }> {
    const { store, clock, planner, catalogue, ids } = this.deps;
    const current = await this.getTask(request.taskId);
    if (!mayDecide(current, request.actor)) {
      return { kind: 'refused', task: current, error: new DelegateError('user_input', 'not_authorised', "You're not an approver of this task.") };
    }
    if (current.status !== 'awaiting_plan_approval' || current.plan.version !== request.planVersion) return { kind: 'stale', task: current };
    const result = await planner.plan({ outcome: request.outcome, requester: current.requester, scope: current.scope, now: clock.now(), timeZone: request.timeZone });
    if (result.kind === 'unplannable') return { kind: 'unplannable', task: current, message: result.message };
    const plan = buildPlan(result.steps, current.plan.version + 1, catalogue, ids, clock.now());
    const outcome = await mutateTask(store, clock, current.id, (task) => {
      const fresh = task.status === 'awaiting_plan_approval' && task.plan.version === request.planVersion;
      return fresh
        ? { task: { ...task, title: result.title, outcome: request.outcome, plan }, result: true }
        : { task: undefined, result: false };
    });
    if (!outcome.result) return { kind: 'stale', task: outcome.task };
    await store.appendDecision({
      id: request.decisionId,
      taskId: current.id,
      planVersion: request.planVersion,
      actor: request.actor,
      verb: 'edit',
      edits: { outcome: { from: current.outcome, to: request.outcome } },
      at: clock.now().toISOString(),
    });
    return { kind: 'applied', task: outcome.task };
  }

  /** Cancel a task by command (`cancel <id>`), with the same authorisation as a card. */
  async cancel(taskId: string, actor: string, decisionId: string): Promise<DecideResult> {
    const task = await this.getTask(taskId);
    return this.decide({ id: decisionId, taskId, planVersion: task.plan.version, verb: 'cancel', actor });
  }

  async getTask(taskId: string): Promise<Task> {
    const task = await this.deps.store.getTask(taskId);
    if (!task) throw new DelegateError('user_input', 'task_not_found', `There is no task ${taskId}.`);
    return task;
  }

  async findTask(taskId: string): Promise<Task | undefined> {
    return this.deps.store.getTask(taskId);
  }

  listTasks(query: TaskQuery): Promise<Task[]> {
    return this.deps.store.listTasks(query);
  }
}
