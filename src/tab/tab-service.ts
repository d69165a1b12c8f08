import { randomUUID } from 'node:crypto';
import type { Catalogue } from '../engine/catalogue';
import type { Engine } from '../engine/engine';
import { TASK_STATUSES, type Task, type TaskStatus } from '../engine/model';
import type { AuditLedger, Clock, DecisionLog, Logger, TaskQuery, TaskRecords } from '../engine/ports';
import { mayDecide } from '../engine/rights';
import type { TabUser } from './identity';
import type { ScheduleProvider, TabSchedule } from './schedules';
import { taskPage, type TaskPage } from './task-page';
import { mayView, taskSummary, type TaskSummary } from './task-summary';
import { waitingFor, type WaitingItem } from './waiting';

/** Updates a task's cards in the chat in place after a decision made elsewhere (the tab). */
export interface ChatCards {
  decided(task: Task, stepId: string | undefined): Promise<void>;
}

export interface TabServiceDeps {
  readonly store: TaskRecords & DecisionLog & AuditLedger;
  readonly engine: Engine;
  readonly catalogue: Catalogue;
  readonly cards: ChatCards;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The bot's app id in Teams mode (for "Open in chat" links); undefined locally. */
  readonly botId?: string;
  readonly schedules?: ScheduleProvider;
}

/** Filters of "My tasks", as validated from the query string. */
export interface TaskFilter {
  readonly statuses?: readonly TaskStatus[];
  readonly conversationId?: string;
  /** ISO-8601 instants: created at or after `from`, before `to`. */
  readonly from?: string;
  readonly to?: string;
  readonly search?: string;
  readonly limit: number;
}

export interface TaskList {
  readonly tasks: readonly TaskSummary[];
  /** How many of the person's tasks match every filter but the status, per status. */
  readonly counts: Readonly<Record<TaskStatus, number>>;
  /** How many match every filter (the list shows at most `limit`, newest first). */
  readonly total: number;
}

/** A decision made in the tab: on one plan or step, naming the preview that was shown. */
export interface TabDecision {
  readonly verb: 'approve' | 'reject';
  readonly planVersion: number;
  readonly stepId?: string;
  readonly reason?: string;
  readonly previewHash: string;
  /** The tab's id for this click, so a resent request is the same decision. */
  readonly requestId?: string;
}

export type DecisionOutcome =
  | { readonly status: 200; readonly body: { readonly result: 'applied'; readonly task: TaskSummary } }
  | {
      readonly status: 404 | 403 | 409;
      readonly body: { readonly error: string; readonly message: string; readonly waiting?: WaitingItem };
    };

const WAITING_STATUSES: readonly TaskStatus[] = ['awaiting_plan_approval', 'awaiting_checkpoint'];
/** Store pages are at most this long. */
const PAGE = 100;

/**
 * What the Tasks tab's API does, for one signed-in person at a time. Every read is limited to
 * the tasks that involve that person; every decision goes through the engine's own transition
 * with that person as the actor, exactly like a card click.
 */
export class TabService {
  /** Previews by task version and viewer: the tab polls, and a task's preview changes only when the task does. */
  private readonly previews = new Map<string, WaitingItem | null>();

  constructor(private readonly deps: TabServiceDeps) {}

  /** Plans and checkpoints the person may decide, across every conversation, oldest first. */
  async waiting(user: TabUser): Promise<WaitingItem[]> {
    const tasks = await this.deps.store.listTasks({ involving: user.id, statuses: WAITING_STATUSES, limit: PAGE });
    return tasks
      .flatMap((task) => this.waitingItem(task, user.id) ?? [])
      .sort((a, b) => a.since.localeCompare(b.since) || a.taskId.localeCompare(b.taskId));
  }

  async tasks(user: TabUser, filter: TaskFilter): Promise<TaskList> {
    const base: TaskQuery = {
      involving: user.id,
      conversationId: filter.conversationId,
      createdAfter: filter.from,
      createdBefore: filter.to,
      titleContains: filter.search,
    };
    const [tasks, perStatus] = await Promise.all([
      this.deps.store.listTasks({ ...base, statuses: filter.statuses, limit: filter.limit }),
      this.deps.store.countTasksByStatus(base),
    ]);
    const counts = Object.fromEntries(TASK_STATUSES.map((status) => [status, perStatus[status] ?? 0])) as Record<
      TaskStatus,
      number
    >;
    const wanted = new Set(filter.statuses ?? TASK_STATUSES);
    return {
      tasks: tasks.map((t) => taskSummary(t, this.deps.botId)),
      counts,
      total: TASK_STATUSES.filter((s) => wanted.has(s)).reduce((sum, s) => sum + counts[s], 0),
    };
  }

  /** A task's page, or undefined when there is no such task or it is not the person's to see (audited). */
  async task(user: TabUser, taskId: string): Promise<TaskPage | undefined> {
    const task = await this.visible(user, taskId, 'view');
    if (!task) return undefined;
    const { store } = this.deps;
    const [decisions, entries] = await Promise.all([
      store.listDecisions(task.id),
      store.listLedger({ taskId: task.id, limit: LEDGER_LIMIT + 1 }),
    ]);
    const ledger = entries.slice(0, LEDGER_LIMIT);
    const previousHashes = new Map<number, string>();
    await Promise.all(
      ledger.map(async (entry) => {
        if (entry.seq === 1) return;
        const [before] = await store.listLedger({ afterSeq: entry.seq - 2, limit: 1 });
        if (before && before.seq === entry.seq - 1) previousHashes.set(entry.seq, before.hash);
      }),
    );
    return taskPage({
      task,
      decisions,
      ledger,
      previousHashes,
      ledgerTruncated: entries.length > LEDGER_LIMIT,
      waiting: waitingFor(task, user.id, this.deps.catalogue, this.deps.botId),
      catalogue: this.deps.catalogue,
      botId: this.deps.botId,
    });
  }

  /**
   * Approve or reject from the tab: the same engine transition as a card click, by the signed-in
   * person. The decision must name the preview the person saw: when the plan or step changed
   * since, nothing is decided and the current preview comes back. The ledger records the hash of
   * what was shown, then the decision; the chat's cards are then updated in place.
   */
  async decide(user: TabUser, taskId: string, decision: TabDecision): Promise<DecisionOutcome> {
    const task = await this.visible(user, taskId, decision.verb);
    if (!task) return { status: 404, body: { error: 'not_found', message: 'There is no such task of yours.' } };
    if (!mayDecide(task, user.id)) {
      await this.refuse(user, task, decision, 'not_authorised');
      return { status: 403, body: { error: 'not_authorised', message: "You're not an approver of this task." } };
    }
    const waiting = waitingFor(task, user.id, this.deps.catalogue, this.deps.botId);
    if (!waiting || waiting.stepId !== decision.stepId || waiting.planVersion !== decision.planVersion) {
      await this.refuse(user, task, decision, 'not_waiting');
      return {
        status: 409,
        body: { error: 'not_waiting', message: 'This no longer waits for your decision.', waiting },
      };
    }
    if (waiting.previewHash !== decision.previewHash) {
      await this.refuse(user, task, decision, 'preview_changed');
      return {
        status: 409,
        body: {
          error: 'preview_changed',
          message: 'What this would do has changed since it was shown to you. Look again, then decide.',
          waiting,
        },
      };
    }
    const decisionId = `tab:${user.id}:${decision.requestId ?? randomUUID()}`;
    await this.deps.store.appendLedger({
      taskId,
      type: 'card_shown',
      actor: user.id,
      at: this.deps.clock.now().toISOString(),
      payload: {
        kind: decision.stepId ? `tab:checkpoint:${decision.stepId}` : 'tab:plan',
        via: 'tab',
        sha256: waiting.previewHash,
        decisionId,
      },
    });
    const result = await this.deps.engine.decide({
      id: decisionId,
      taskId,
      planVersion: decision.planVersion,
      stepId: decision.stepId,
      verb: decision.verb,
      actor: user.id,
      reason: decision.reason,
      names: { [user.id]: user.name },
    });
    if (result.kind === 'refused')
      return { status: 409, body: { error: result.error.code, message: result.error.userMessage } };
    if (result.kind === 'stale')
      return { status: 409, body: { error: 'not_waiting', message: 'This no longer waits for your decision.' } };
    this.deps.cards.decided(result.task, decision.stepId).catch((err: unknown) => {
      this.deps.logger.warn({ err, taskId }, 'chat cards not updated after a decision in the tab');
    });
    return { status: 200, body: { result: 'applied', task: taskSummary(result.task, this.deps.botId) } };
  }

  async schedules(user: TabUser): Promise<{ readonly available: boolean; readonly schedules: readonly TabSchedule[] }> {
    if (!this.deps.schedules) return { available: false, schedules: [] };
    return { available: true, schedules: await this.deps.schedules.listFor(user.id) };
  }

  async pauseSchedule(user: TabUser, scheduleId: string, paused: boolean): Promise<boolean> {
    return (await this.deps.schedules?.setPaused(scheduleId, user.id, paused)) ?? false;
  }

  private waitingItem(task: Task, viewer: string): WaitingItem | undefined {
    const key = `${task.id}\u0000${task.version}\u0000${viewer}`;
    const known = this.previews.get(key);
    if (known !== undefined) return known ?? undefined;
    const item = waitingFor(task, viewer, this.deps.catalogue, this.deps.botId);
    if (this.previews.size >= PREVIEW_CACHE) this.previews.delete(this.previews.keys().next().value as string);
    this.previews.set(key, item ?? null);
    return item;
  }

  /** The task, when it exists and involves the person; a refused look at someone else's task is audited. */
  private async visible(user: TabUser, taskId: string, verb: string): Promise<Task | undefined> {
    const task = await this.deps.store.getTask(taskId);
    if (!task) return undefined;
    if (mayView(task, user.id)) return task;
    await this.deps.engine.recordRefusal({ taskId, actor: user.id, verb: `tab:${verb}`, reason: 'task_not_visible' });
    return undefined;
  }

  private async refuse(user: TabUser, task: Task, decision: TabDecision, reason: string): Promise<void> {
    await this.deps.engine.recordRefusal({
      taskId: task.id,
      actor: user.id,
      verb: `tab:${decision.verb}`,
      reason,
      planVersion: decision.planVersion,
      stepId: decision.stepId,
    });
  }
}

/** Previews kept (a few kilobytes each). */
const PREVIEW_CACHE = 5_000;

/** A task page lists at most this many ledger entries. */
const LEDGER_LIMIT = 200;
