import { Audit } from './audit';
import { addUsage, checkBudget } from './budgets';
import { approverIds, editChecksFor, reserveTaskBudget, withNames } from './engine-governance';
import type { DecideResult, DraftResult, EngineDeps, ReplanResult, StartRequest, StartResult } from './engine-types';
import { DelegateError, toDelegateError } from './errors';
import { TASK_SCHEMA_VERSION, type Decision, type Plan, type Task, type TokenUsage } from './model';
import { mutateTask } from './mutate';
import { PlanMaker } from './plan-maker';
import type { NewTaskLease, PlanRequest, PlanResult, TaskQuery } from './ports';
import { mayDecide } from './rights';
import { transition, type DecisionRequest } from './transitions';

/**
 * How long a task taken in without a plan stays with the turn that took it in (until its card
 * is shown). If that process dies first, a worker plans the task once this has passed.
 */
const ACCEPT_HOLD_MS = 60_000;

/** The parts of a new task that its plan decides. */
type ShapedFields = Pick<
  Task,
  'title' | 'approvers' | 'status' | 'startedAt' | 'plan' | 'people' | 'usage' | 'clarification'
>;

/**
 * The engine's front door: start tasks, apply decisions, answer questions about tasks.
 * It never runs steps itself — the worker does, outside any Teams turn.
 */
export class Engine {
  private readonly audit: Audit;
  private readonly plans: PlanMaker;

  constructor(private readonly deps: EngineDeps) {
    this.audit = new Audit(deps.store, deps.clock);
    this.plans = new PlanMaker(deps);
  }

  /** Whether the planner revises plans from free-text instructions (else a revision is a new request). */
  get revises(): boolean {
    return this.deps.planner.revises === true;
  }

  /** Whether new requests are planned outside the Teams turn ({@link acceptTask}) rather than within it. */
  get plansInBackground(): boolean {
    return this.deps.planner.background === true;
  }

  async startTask(request: StartRequest): Promise<StartResult> {
    const { clock, store } = this.deps;
    const now = clock.now();
    if (request.taskId !== undefined) {
      const existing = await store.getTask(request.taskId);
      if (existing) return { kind: 'planned', task: existing };
    }
    await checkBudget(
      store,
      this.deps.budgets,
      { requesterId: request.requester.id, tenantId: request.scope.tenantId },
      now,
    );
    const hold = await reserveTaskBudget(this.deps, request.requester.id, now);
    try {
      const started = await this.plannedTask(request, now);
      if (started.kind !== 'planned' && hold) await store.releaseQuota(hold.key, hold.holder);
      return started;
    } catch (error) {
      if (hold) await store.releaseQuota(hold.key, hold.holder).catch(() => undefined);
      throw error;
    }
  }

  /** Plan the outcome and create its task (the budgets are already checked). */
  private async plannedTask(request: StartRequest, now: Date): Promise<StartResult> {
    const result = await this.deps.planner.plan({
      outcome: request.outcome,
      requester: request.requester,
      scope: request.scope,
      now,
      timeZone: request.timeZone,
    });
    const shaped = await this.shape(request, result, now);
    if (shaped.kind === 'unplannable') {
      // No task is created, but the model's tokens still count against the budgets.
      if (result.usage) await this.recordUnplanned(request, result.usage, now);
      return shaped;
    }
    const { task, created } = await this.createWithFreshId(
      { ...this.newTask(request, now), ...shaped.fields },
      undefined,
      request.taskId,
    );
    if (!created) return { kind: 'planned', task };
    await this.recordUsage(task, `plan:1`, result.usage);
    await this.ranAtOnce(task);
    return { kind: 'planned', task };
  }

  /**
   * Take a request in at once, without planning it: budgets are checked and the task is stored
   * with its plan pending, for a worker to plan outside the Teams turn ({@link planPending}),
   * under a lease like a running task, so a restart does not lose it.
   */
  async acceptTask(request: StartRequest, show: (task: Task) => Promise<void>): Promise<Task> {
    const { clock, store } = this.deps;
    const now = clock.now();
    await checkBudget(
      store,
      this.deps.budgets,
      { requesterId: request.requester.id, tenantId: request.scope.tenantId },
      now,
    );
    const hold = await reserveTaskBudget(this.deps, request.requester.id, now);
    let task: Task;
    // Held until the card is shown, so the worker's update finds the card to update in place.
    const lease = { owner: `accept:${this.deps.ids.uuid()}`, now, leaseMs: ACCEPT_HOLD_MS };
    try {
      const approvers = await approverIds(this.deps, [...(request.approvers ?? [])], request.requester.id);
      ({ task } = await this.createWithFreshId({ ...this.newTask(request, now), approvers, planPending: true }, lease));
    } catch (error) {
      if (hold) await store.releaseQuota(hold.key, hold.holder).catch(() => undefined);
      throw error;
    }
    try {
      await show(task);
    } finally {
      await store.releaseLease(task.id, lease.owner);
      this.deps.onRunnable?.(task.id);
    }
    return task;
  }

  /**
   * Make the plan of a task taken in by {@link acceptTask}; the worker calls this under the
   * task's lease. The plan, the question or the refusal is written only if the plan is still
   * pending (a cancel in the meantime wins). Returns the task as written, or undefined when
   * there was nothing to do.
   */
  async planPending(
    task: Task,
    onError: (error: unknown, correlationId: string) => void = () => undefined,
  ): Promise<Task | undefined> {
    if (!task.planPending) return undefined;
    const now = this.deps.clock.now();
    const request: StartRequest = {
      outcome: task.outcome,
      requester: task.requester,
      scope: task.scope,
      conversation: task.conversation,
      timeZone: task.timeZone ?? 'UTC',
      approvers: task.approvers,
    };
    let fields: Partial<Task>;
    let usage: TokenUsage | undefined;
    try {
      const result = await this.deps.planner.plan({ ...request, now });
      usage = result.usage;
      const shaped = await this.shape(request, result, now);
      fields =
        shaped.kind === 'shaped'
          ? shaped.fields
          : { status: 'cancelled', error: { code: 'unplannable', message: shaped.message } };
    } catch (error) {
      const e = toDelegateError(error);
      const correlationId = this.deps.ids.uuid();
      onError(error, correlationId);
      fields = { status: 'cancelled', error: { code: e.code, message: e.userMessage, correlationId } };
    }
    if (usage) fields = { ...fields, usage };
    const { task: written, changed } = await mutateTask(this.deps.store, this.deps.clock, task.id, (t) => {
      if (!t.planPending) return { task: undefined, result: undefined };
      const { planPending: _planned, ...rest } = t;
      return {
        task: { ...rest, ...fields, approvers: [...new Set([...t.approvers, ...(fields.approvers ?? [])])] },
        result: undefined,
      };
    });
    if (!changed) return undefined;
    await this.audit.status(task, written, 'system');
    if (written.plan.steps.length > 0) await this.audit.plan(written, written.requester.id);
    await this.recordUsage(written, 'plan:1', usage);
    await this.ranAtOnce(written);
    return (await this.deps.store.getTask(written.id)) ?? written;
  }

  /** What a planner's answer makes of a new task: its plan (or question) and who approves it, or a refusal. */
  private async shape(
    request: StartRequest,
    result: PlanResult,
    now: Date,
  ): Promise<{ kind: 'unplannable'; message: string } | { kind: 'shaped'; fields: ShapedFields }> {
    if (result.kind === 'unplannable') return { kind: 'unplannable', message: result.message };
    let planned: Plan = { version: 1, steps: [], createdAt: now.toISOString() };
    let people: Record<string, string> | undefined;
    let approvers: string[] = [];
    if (result.kind === 'plan') {
      people = await this.plans.namesFor(result.steps, {});
      const audience = await this.plans.audienceFor(result.steps);
      const built = this.plans.build(
        result.steps,
        1,
        { outcome: request.outcome, requester: request.requester, people },
        now,
        request.scope,
        audience,
      );
      if (built.kind === 'refused') return { kind: 'unplannable', message: built.message };
      planned = built.plan;
      approvers = built.approvers;
    }
    approvers = await approverIds(this.deps, [...approvers, ...(request.approvers ?? [])], request.requester.id);
    return {
      kind: 'shaped',
      fields: {
        title: result.kind === 'plan' ? result.title : request.outcome.slice(0, 120),
        approvers,
        status: result.kind !== 'plan' ? 'planning' : planned.runsAtOnce ? 'running' : 'awaiting_plan_approval',
        ...(planned.runsAtOnce ? { startedAt: now.toISOString() } : {}),
        plan: planned,
        people,
        usage: result.usage,
        clarification:
          result.kind === 'question'
            ? { question: result.question, options: [...(result.options ?? [])], answers: [] }
            : undefined,
      },
    };
  }

  /** A new task before planning: status `planning`, no steps. */
  private newTask(request: StartRequest, now: Date): Omit<Task, 'id'> {
    return {
      schemaVersion: TASK_SCHEMA_VERSION,
      title: request.outcome.slice(0, 120),
      outcome: request.outcome,
      requester: request.requester,
      owner: request.requester.id,
      approvers: [],
      scope: request.scope,
      conversation: request.conversation,
      status: 'planning',
      plan: { version: 1, steps: [], createdAt: now.toISOString() },
      version: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      stepsRun: 0,
      timeZone: request.timeZone,
      ...(this.deps.governance?.sharedPreview?.(request.scope) === 'full' && request.scope.kind !== 'personal'
        ? { sharedPreview: 'full' as const }
        : {}),
      ...(request.schedule ? { schedule: request.schedule } : {}),
    };
  }

  /**
   * Store a new task under a fresh short id (short ids can collide; a few fresh draws settle it),
   * or under `fixedId` (a schedule's run): when that exists already, it is the earlier task.
   */
  private async createWithFreshId(
    base: Omit<Task, 'id'>,
    lease?: NewTaskLease,
    fixedId?: string,
  ): Promise<{ task: Task; created: boolean }> {
    const { ids, store } = this.deps;
    for (let attempt = 0; ; attempt++) {
      const task: Task = { ...base, id: fixedId ?? ids.taskId() };
      try {
        await store.createTask(task, lease);
        await this.audit.record(task.id, 'task_created', task.requester.id, {
          title: task.title,
          scope: task.scope.kind,
          status: task.status,
        });
        if (task.plan.steps.length > 0) await this.audit.plan(task, task.requester.id);
        return { task, created: true };
      } catch (error) {
        const conflict = error instanceof DelegateError && error.code === 'conflict';
        // A fixed id that exists already: the same run was started before (another instance, a retry).
        const earlier = conflict && fixedId !== undefined ? await store.getTask(fixedId) : undefined;
        if (earlier) return { task: earlier, created: false };
        if (!conflict || fixedId !== undefined || attempt >= 5) throw error;
      }
    }
  }

  /**
   * Plan a request without creating a task: what a schedule will run, validated, guarded and
   * gated as a task's plan would be, for its card and its standing approval.
   */
  async draftPlan(request: StartRequest): Promise<DraftResult> {
    const now = this.deps.clock.now();
    const result = await this.deps.planner.plan({
      outcome: request.outcome,
      requester: request.requester,
      scope: request.scope,
      now,
      timeZone: request.timeZone,
    });
    if (result.kind === 'question') return { kind: 'question', message: result.question };
    // Shaped exactly as a task's first plan is (names, audience, guards, gates, approvers).
    const shaped = await this.shape(request, result, now);
    if (shaped.kind === 'unplannable') return shaped;
    const { title, plan, approvers, people } = shaped.fields;
    return { kind: 'plan', title, plan, approvers, people };
  }

  private async recordUnplanned(request: StartRequest, usage: TokenUsage, now: Date): Promise<void> {
    await this.deps.store.recordUsage({
      entryId: `unplanned:${this.deps.ids.uuid()}`,
      taskId: 'unplanned',
      requesterId: request.requester.id,
      tenantId: request.scope.tenantId,
      at: now.toISOString(),
      usage,
    });
  }

  /** The requester answers the planner's question; the answer feeds the next planning call. */
  async answer(request: {
    taskId: string;
    actor: string;
    planVersion: number;
    answer: string;
    decisionId: string;
  }): Promise<ReplanResult> {
    const current = await this.getTask(request.taskId);
    const refused = await this.refuse(current, request.actor, 'answer', request.planVersion);
    if (refused) return refused;
    const open = current.clarification;
    if (current.status !== 'planning' || !open?.question || current.plan.version !== request.planVersion)
      return { kind: 'stale', task: current };
    const answers = [...open.answers, { question: open.question, answer: request.answer }];
    return this.replan(
      current,
      request,
      { clarifications: answers },
      { verb: 'answer', edits: { answer: { from: open.question, to: request.answer } } },
    );
  }

  /**
   * Re-plan a task awaiting plan approval. With a revising planner the instruction is given to it
   * with the previous plan; otherwise the instruction is the new request. Either way the result
   * is a new plan version that must be approved again, and cards of the old version go stale.
   */
  async revise(request: {
    taskId: string;
    actor: string;
    planVersion: number;
    instruction: string;
    decisionId: string;
    /** A short follow-up typed in the chat ("make it 45 minutes"): always a change to the shown plan. */
    followUp?: boolean;
  }): Promise<ReplanResult> {
    const current = await this.getTask(request.taskId);
    const refused = await this.refuse(current, request.actor, 'revise', request.planVersion);
    if (refused) return refused;
    if (current.status !== 'awaiting_plan_approval' || current.plan.version !== request.planVersion)
      return { kind: 'stale', task: current };
    if (!this.revises && request.followUp !== true) {
      return this.replan(
        current,
        request,
        { outcome: request.instruction },
        { verb: 'edit', edits: { outcome: { from: current.outcome, to: request.instruction } } },
      );
    }
    const revision = {
      previousTitle: current.title,
      previousSteps: current.plan.steps.map((s) => ({ action: s.action, input: s.input, rationale: s.rationale })),
      instruction: request.instruction,
    };
    return this.replan(
      current,
      request,
      { revision },
      { verb: 'revise', edits: { instruction: { from: null, to: request.instruction } } },
    );
  }

  private async replan(
    current: Task,
    request: { actor: string; planVersion: number; decisionId: string },
    change: {
      outcome?: string;
      clarifications?: NonNullable<Task['clarification']>['answers'];
      revision?: NonNullable<PlanRequest['revision']>;
    },
    decision: { verb: 'answer' | 'edit' | 'revise'; edits: NonNullable<Decision['edits']> },
  ): Promise<ReplanResult> {
    const { store, clock, planner } = this.deps;
    const now = clock.now();
    await checkBudget(
      store,
      this.deps.budgets,
      { requesterId: current.requester.id, tenantId: current.scope.tenantId },
      now,
    );
    const outcome = change.outcome ?? current.outcome;
    const clarifications = change.clarifications ?? current.clarification?.answers;
    const instructions = change.revision
      ? [...(current.instructions ?? []), change.revision.instruction]
      : current.instructions;
    const result = await planner.plan({
      outcome,
      requester: current.requester,
      scope: current.scope,
      now,
      timeZone: current.timeZone ?? 'UTC',
      clarifications,
      revision: change.revision,
    });
    const version = current.plan.version + 1;
    if (result.kind === 'unplannable') {
      await this.addUsage(current.id, `plan:${version}:unplannable:${request.decisionId}`, result.usage);
      return { kind: 'unplannable', task: current, message: result.message };
    }
    let plan: Plan = { version, steps: [], createdAt: now.toISOString() };
    let people = current.people;
    let approvers = current.approvers;
    if (result.kind === 'plan') {
      people = await this.plans.namesFor(result.steps, current.people ?? {});
      const audience = await this.plans.audienceFor(result.steps);
      const built = this.plans.build(
        result.steps,
        version,
        {
          outcome,
          requester: current.requester,
          clarification: clarifications ? { options: [], answers: [...clarifications] } : undefined,
          instructions,
          people,
        },
        now,
        current.scope,
        audience,
      );
      if (built.kind === 'refused') return { kind: 'unplannable', task: current, message: built.message };
      plan = built.plan;
      approvers = await approverIds(this.deps, [...current.approvers, ...built.approvers], current.requester.id);
    }
    const outcomeOfWrite = await mutateTask(store, clock, current.id, (task) => {
      const fresh = task.status === current.status && task.plan.version === request.planVersion;
      if (!fresh) return { task: undefined, result: false };
      const next: Task = {
        ...task,
        title: result.kind === 'plan' ? result.title : task.title,
        outcome,
        instructions,
        people,
        approvers,
        plan,
        status: result.kind !== 'plan' ? 'planning' : plan.runsAtOnce ? 'running' : 'awaiting_plan_approval',
        ...(plan.runsAtOnce ? { startedAt: task.startedAt ?? now.toISOString() } : {}),
        usage: addUsage(task.usage, result.usage),
        clarification:
          result.kind === 'question'
            ? {
                question: result.question,
                options: [...(result.options ?? [])],
                answers: clarifications ? [...clarifications] : [],
              }
            : clarifications && clarifications.length > 0
              ? { options: [], answers: [...clarifications] }
              : undefined,
      };
      return { task: next, result: true };
    });
    if (!outcomeOfWrite.result) return { kind: 'stale', task: outcomeOfWrite.task };
    await this.recordUsage(outcomeOfWrite.task, `plan:${version}`, result.usage);
    await store.appendDecision({
      id: request.decisionId,
      taskId: current.id,
      planVersion: request.planVersion,
      actor: request.actor,
      verb: decision.verb,
      edits: decision.edits,
      at: now.toISOString(),
    });
    await this.audit.record(current.id, 'decision', request.actor, {
      verb: decision.verb,
      planVersion: request.planVersion,
      edits: decision.edits,
    });
    if (outcomeOfWrite.task.plan.steps.length > 0) await this.audit.plan(outcomeOfWrite.task, request.actor);
    await this.audit.status(current, outcomeOfWrite.task, request.actor);
    await this.ranAtOnce(outcomeOfWrite.task);
    return { kind: 'applied', task: outcomeOfWrite.task };
  }

  /** A plan with nothing to approve started as it was made: on the ledger as policy's approval, and handed to the worker. */
  private async ranAtOnce(task: Task): Promise<void> {
    if (!task.plan.runsAtOnce || task.status !== 'running') return;
    await this.audit.record(task.id, 'decision', 'system', {
      verb: 'approve',
      planVersion: task.plan.version,
      auto: 'nothing to approve: the plan only reads (policy checkpoints.readOnlyPlan: run)',
    });
    this.deps.onRunnable?.(task.id);
  }

  /** Refuse someone who may not decide on this task, and put the refusal on the ledger. */
  private async refuse(
    task: Task,
    actor: string,
    verb: string,
    planVersion: number,
  ): Promise<DecideResult | undefined> {
    if (mayDecide(task, actor)) return undefined;
    const error = new DelegateError('user_input', 'not_authorised', "You're not an approver of this task.");
    await this.recordRefusal({ taskId: task.id, actor, verb, reason: error.code, planVersion });
    return { kind: 'refused', task, error };
  }

  /**
   * Record a refused decision on the ledger: who tried what on which task, and why it was
   * refused. For refusals decided outside the engine too (a card the actor may not open).
   */
  async recordRefusal(refusal: {
    readonly taskId: string;
    readonly actor: string;
    readonly verb: string;
    readonly reason: string;
    readonly planVersion?: number;
    readonly stepId?: string;
  }): Promise<void> {
    const { taskId, actor, verb, reason, planVersion, stepId } = refusal;
    await this.audit.record(taskId, 'decision', actor, { verb, stepId, planVersion, refused: reason });
  }

  private async addUsage(taskId: string, entry: string, usage: TokenUsage | undefined): Promise<void> {
    if (!usage) return;
    const { task } = await mutateTask(this.deps.store, this.deps.clock, taskId, (t) => ({
      task: { ...t, usage: addUsage(t.usage, usage) },
      result: undefined,
    }));
    await this.recordUsage(task, entry, usage);
  }

  private async recordUsage(task: Task, entry: string, usage: TokenUsage | undefined): Promise<void> {
    if (!usage) return;
    await this.deps.store.recordUsage({
      entryId: `${task.id}:${entry}`,
      taskId: task.id,
      requesterId: task.requester.id,
      tenantId: task.scope.tenantId,
      at: this.deps.clock.now().toISOString(),
      usage,
    });
  }

  /**
   * Apply a decision from a card. Authorisation is checked against the stored task with the
   * actor from the activity; a redelivered or stale click changes nothing.
   */
  async decide(request: DecisionRequest): Promise<DecideResult> {
    const { store, clock, catalogue } = this.deps;
    const now = clock.now();
    let before: Task | undefined;
    const outcome = await mutateTask(store, clock, request.taskId, (task) => {
      before = task;
      const t = transition(task, request, catalogue, now, editChecksFor(this.deps, now));
      return { task: t.kind === 'applied' ? withNames(t.task, request.names) : undefined, result: t };
    });
    const t = outcome.result;
    if (t.kind === 'refused') {
      await this.audit.record(request.taskId, 'decision', request.actor, {
        verb: request.verb,
        stepId: request.stepId,
        planVersion: request.planVersion,
        refused: t.error.code,
        ...(t.problems ? { fields: Object.keys(t.problems) } : {}),
      });
      return { kind: 'refused', task: outcome.task, error: t.error, problems: t.problems };
    }
    if (t.kind === 'stale') {
      // A click that changed nothing (out of date, or redelivered) is still a click someone made.
      await this.audit.record(request.taskId, 'decision', request.actor, {
        verb: request.verb,
        stepId: request.stepId,
        planVersion: request.planVersion,
        stale: true,
      });
      return { kind: 'stale', task: outcome.task };
    }
    await store.appendDecision({
      id: request.id,
      taskId: request.taskId,
      stepId: request.stepId,
      planVersion: request.planVersion,
      actor: request.actor,
      verb: request.verb,
      edits: t.edits,
      reason: request.reason,
      target: request.target,
      at: now.toISOString(),
    });
    await this.audit.record(request.taskId, 'decision', request.actor, {
      verb: request.verb,
      stepId: request.stepId,
      planVersion: request.planVersion,
      edits: t.edits,
      reason: request.reason,
      target: request.target,
      remember: request.remember,
      // Approving a plan that showed its one consequential step exactly approved that step too.
      ...(request.stepId === undefined &&
      outcome.task.plan.steps.find((st) => st.id === outcome.task.plan.approvesStep)?.status === 'approved'
        ? { covers: outcome.task.plan.approvesStep }
        : {}),
    });
    if (before) await this.audit.status(before, outcome.task, request.actor);
    if (outcome.task.status === 'running') this.deps.onRunnable?.(outcome.task.id);
    return { kind: 'applied', task: outcome.task };
  }

  /** Cancel, pause or resume a task by command, with the same authorisation as a card. */
  async command(
    verb: 'cancel' | 'pause' | 'resume' | 'forget',
    taskId: string,
    actor: string,
    decisionId: string,
  ): Promise<DecideResult> {
    const task = await this.getTask(taskId);
    return this.decide({ id: decisionId, taskId, planVersion: task.plan.version, verb, actor });
  }

  /**
   * Follow a task (or stop following it) without deciding on it. Anyone who can see the task may;
   * the edge checks that. Returns the task, changed or not.
   */
  async watch(taskId: string, actor: string, on: boolean, decisionId: string): Promise<Task> {
    const { store, clock } = this.deps;
    const outcome = await mutateTask(store, clock, taskId, (task) => {
      const watchers = task.watchers ?? [];
      const has = watchers.includes(actor);
      if (has === on) return { task: undefined, result: undefined };
      return {
        task: { ...task, watchers: on ? [...watchers, actor] : watchers.filter((w) => w !== actor) },
        result: undefined,
      };
    });
    if (outcome.changed) {
      const verb = on ? 'watch' : 'unwatch';
      await store.appendDecision({
        id: decisionId,
        taskId,
        planVersion: outcome.task.plan.version,
        actor,
        verb,
        at: clock.now().toISOString(),
      });
      await this.audit.record(taskId, 'decision', actor, { verb });
    }
    return outcome.task;
  }

  /** Hand a task to a new owner (`owner <id> <person>`), with the same authorisation as a card. */
  async transfer(
    taskId: string,
    actor: string,
    target: string,
    decisionId: string,
    names?: Record<string, string>,
  ): Promise<DecideResult> {
    const task = await this.getTask(taskId);
    return this.decide({
      id: decisionId,
      taskId,
      planVersion: task.plan.version,
      verb: 'transfer',
      actor,
      target,
      names,
    });
  }

  /** Cancel a task by command (`cancel <id>`). */
  cancel(taskId: string, actor: string, decisionId: string): Promise<DecideResult> {
    return this.command('cancel', taskId, actor, decisionId);
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
