import type { Catalogue } from './catalogue';
import type { Engine } from './engine';
import { DelegateError } from './errors';
import type { Person, Scope } from './model';
import { mutateSchedule } from './mutate-schedule';
import type { AuditLedger, Clock, Ids, ScheduleQuery, ScheduleStore, TaskRecords } from './ports';
import { describeRecurrence, nextOccurrence, ruleOf, shortestGapMs } from './recurrence';
import { SCHEDULE_SCHEMA_VERSION, type Recurrence, type Schedule } from './schedule-model';
import type { SchedulePolicy } from './schedule-policy';
import { standingApprovalHolds, templateOf } from './standing-approval';

const DAY_MS = 86_400_000;

/** What managing schedules needs. */
export interface SchedulesDeps {
  readonly store: ScheduleStore & AuditLedger & TaskRecords;
  readonly engine: Pick<Engine, 'draftPlan'>;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The `schedules` policy section, read at every use (policy changes apply at once). */
  readonly policy: () => SchedulePolicy;
}

/** A request to make recurring work of an outcome, as the Teams edge hands it over. */
export interface CreateScheduleRequest {
  /** The request without its recurrence words. */
  readonly request: string;
  readonly recurrence: Recurrence;
  readonly owner: Person;
  readonly scope: Scope;
  readonly conversation: Record<string, unknown>;
  /** The conversation's designated approvers (channel approvers). */
  readonly approvers?: readonly string[];
  /** Whether the owner may create a schedule in this channel, as the edge found it (policy `channelCreators`). */
  readonly mayCreateHere: boolean;
}

/** The lifecycle verbs of a schedule; each is recorded on the ledger as a `schedule` entry. */
export type ScheduleVerb = 'approve' | 'reject' | 'pause' | 'resume' | 'delete';

const PAST: Record<ScheduleVerb, string> = {
  approve: 'approved',
  reject: 'rejected',
  pause: 'paused',
  resume: 'resumed',
  delete: 'deleted',
};

/**
 * Creating, approving, changing and stopping schedules (recurring work). Authorisation is on
 * the actor from the activity against the stored schedule: its owner and its approvers.
 * Every change is a compare-and-set on the schedule, then a ledger entry naming the rule.
 */
export class Schedules {
  constructor(private readonly deps: SchedulesDeps) {}

  /** Plan the request as a template and store the schedule, waiting for approval. */
  async create(request: CreateScheduleRequest): Promise<Schedule> {
    const { clock, ids, store } = this.deps;
    const policy = this.deps.policy();
    const now = clock.now();
    if (!request.mayCreateHere) {
      // There is no schedule yet: the refusal is recorded under the conversation's scope.
      await store.appendLedger({
        taskId: `schedules:${request.scope.conversationId}`,
        type: 'schedule',
        actor: request.owner.id,
        at: now.toISOString(),
        payload: {
          event: 'refused',
          verb: 'create',
          refused: 'schedule_not_allowed',
          rule: `schedules.channelCreators: ${policy.channelCreators}`,
        },
      });
      throw new DelegateError(
        'user_input',
        'schedule_not_allowed',
        `Only ${policy.channelCreators === 'admins' ? 'policy admins' : "this channel's approvers"} may set up recurring work in this channel (policy schedules.channelCreators: ${policy.channelCreators}).`,
      );
    }
    this.checkRule(request.recurrence, now, policy);
    const draft = await this.deps.engine.draftPlan({
      outcome: request.request,
      requester: request.owner,
      scope: request.scope,
      conversation: request.conversation,
      timeZone: request.recurrence.timeZone,
      approvers: request.approvers,
    });
    if (draft.kind === 'question')
      throw new DelegateError(
        'user_input',
        'schedule_needs_detail',
        `${draft.message} Recurring work runs without anyone to ask, so please say it all in one message.`,
      );
    if (draft.kind === 'unplannable') throw new DelegateError('user_input', 'schedule_unplannable', draft.message);
    const schedule: Schedule = {
      schemaVersion: SCHEDULE_SCHEMA_VERSION,
      id: `S${ids.taskId()}`,
      title: draft.title,
      request: request.request,
      owner: request.owner,
      approvers: draft.approvers.filter((a) => a !== request.owner.id),
      scope: request.scope,
      conversation: request.conversation,
      recurrence: request.recurrence,
      words: describeRecurrence(request.recurrence),
      template: templateOf(draft.plan, this.deps.catalogue),
      status: 'pending_approval',
      revision: 1,
      version: 0,
      catchUp: policy.catchUp,
      consecutiveFailures: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await store.createSchedule(schedule);
    await this.record(schedule, request.owner.id, {
      event: 'created',
      revision: 1,
      rrule: schedule.recurrence.rrule,
      timeZone: schedule.recurrence.timeZone,
      steps: schedule.template.map((s) => ({ action: s.action, risk: s.risk, destinations: s.destinations })),
      rule: 'schedules.channelCreators: ' + policy.channelCreators,
    });
    return schedule;
  }

  /** The rule must be valid, have a next run, and not run more often than policy allows. */
  private checkRule(recurrence: Recurrence, now: Date, policy: SchedulePolicy): void {
    try {
      ruleOf(recurrence);
    } catch (error) {
      throw new DelegateError(
        'user_input',
        'schedule_rule_invalid',
        `I can't use that recurrence: ${(error as Error).message}.`,
      );
    }
    if (!nextOccurrence(recurrence, now))
      throw new DelegateError('user_input', 'schedule_rule_empty', 'That recurrence never runs again.');
    const gap = shortestGapMs(recurrence, now);
    if (gap < policy.minIntervalMinutes * 60_000)
      throw new DelegateError(
        'user_input',
        'schedule_too_frequent',
        `That would run every ${Math.round(gap / 60_000)} minutes; policy allows recurring work at most every ${policy.minIntervalMinutes} minutes (schedules.minIntervalMinutes).`,
      );
  }

  /** Approve, reject, pause, resume or delete, by someone who may; `revision` binds approve/reject to what was shown. */
  async decide(id: string, verb: ScheduleVerb, actor: string, revision?: number): Promise<Schedule> {
    const { clock, store } = this.deps;
    const now = clock.now();
    const policy = this.deps.policy();
    const current = await this.visible(id, actor);
    if (!this.mayManage(current, actor)) {
      await this.record(current, actor, { event: 'refused', verb, refused: 'not_authorised' });
      throw new DelegateError('user_input', 'not_authorised', `You're not the owner or an approver of schedule ${id}.`);
    }
    const outcome = await mutateSchedule(store, clock, id, (s) => {
      const next = applyVerb(s, verb, actor, now, policy, revision);
      return { schedule: next, result: next !== undefined };
    });
    if (!outcome.changed) {
      throw new DelegateError(
        'user_input',
        'schedule_stale',
        `Schedule ${id} can't be ${PAST[verb]}: it is ${statusWords(outcome.schedule)}.`,
      );
    }
    const s = outcome.schedule;
    await this.record(s, actor, {
      event: PAST[verb],
      revision: s.revision,
      ...(verb === 'approve'
        ? {
            expiresAt: s.approval?.expiresAt,
            rule: `schedules.standingApproval: covers [${policy.standingApprovalCovers.join(', ')}], expires after ${policy.standingApprovalDays} days`,
          }
        : {}),
      ...(s.nextRunAt ? { nextRunAt: s.nextRunAt } : {}),
    });
    return s;
  }

  /** Change the recurrence: a new revision that must be approved again before it runs. */
  async editRecurrence(id: string, actor: string, recurrence: Recurrence): Promise<Schedule> {
    const { clock, store } = this.deps;
    const now = clock.now();
    const current = await this.visible(id, actor);
    if (!this.mayManage(current, actor)) {
      await this.record(current, actor, { event: 'refused', verb: 'edit', refused: 'not_authorised' });
      throw new DelegateError('user_input', 'not_authorised', `You're not the owner or an approver of schedule ${id}.`);
    }
    this.checkRule(recurrence, now, this.deps.policy());
    const outcome = await mutateSchedule(store, clock, id, (s) =>
      s.status === 'deleted'
        ? { schedule: undefined, result: false }
        : {
            schedule: {
              ...s,
              recurrence,
              words: describeRecurrence(recurrence),
              revision: s.revision + 1,
              status: 'pending_approval',
              nextRunAt: undefined,
              pausedReason: undefined,
            },
            result: true,
          },
    );
    if (!outcome.changed) throw new DelegateError('user_input', 'schedule_stale', `Schedule ${id} was deleted.`);
    await this.record(outcome.schedule, actor, {
      event: 'edited',
      revision: outcome.schedule.revision,
      from: { rrule: current.recurrence.rrule, timeZone: current.recurrence.timeZone },
      to: { rrule: recurrence.rrule, timeZone: recurrence.timeZone },
      rule: 'an edited schedule is approved again',
    });
    return outcome.schedule;
  }

  /**
   * Change what the schedule runs: the request is planned again as the new template, a new
   * revision that must be approved again before it runs.
   */
  async editRequest(id: string, actor: string, request: string): Promise<Schedule> {
    const { clock, store } = this.deps;
    const current = await this.visible(id, actor);
    await this.checkManager(current, actor, 'edit');
    const draft = await this.deps.engine.draftPlan({
      outcome: request,
      requester: current.owner,
      scope: current.scope,
      conversation: current.conversation,
      timeZone: current.recurrence.timeZone,
      approvers: current.approvers,
    });
    if (draft.kind !== 'plan') throw new DelegateError('user_input', 'schedule_unplannable', draft.message);
    const outcome = await mutateSchedule(store, clock, id, (s) =>
      s.status === 'deleted' || s.revision !== current.revision
        ? { schedule: undefined, result: false }
        : {
            schedule: {
              ...s,
              title: draft.title,
              request,
              template: templateOf(draft.plan, this.deps.catalogue),
              approvers: draft.approvers.filter((a) => a !== s.owner.id),
              revision: s.revision + 1,
              status: 'pending_approval',
              nextRunAt: undefined,
              pausedReason: undefined,
            },
            result: true,
          },
    );
    if (!outcome.changed)
      throw new DelegateError('user_input', 'schedule_stale', `Schedule ${id} changed meanwhile; please try again.`);
    await this.record(outcome.schedule, actor, {
      event: 'edited',
      revision: outcome.schedule.revision,
      steps: outcome.schedule.template.map((t) => ({ action: t.action, risk: t.risk, destinations: t.destinations })),
      rule: 'an edited schedule is approved again',
    });
    return outcome.schedule;
  }

  /** A schedule the actor may see: owner, approver, or anyone in its conversation (checked by the edge). */
  async get(id: string): Promise<Schedule | undefined> {
    return this.deps.store.getSchedule(id);
  }

  private async visible(id: string, _actor: string): Promise<Schedule> {
    const s = await this.deps.store.getSchedule(id);
    if (!s || s.status === 'deleted')
      throw new DelegateError(
        'user_input',
        'schedule_not_found',
        `I can't find a schedule ${id}. Say \`schedules\` to list them.`,
      );
    return s;
  }

  list(query: ScheduleQuery): Promise<Schedule[]> {
    return this.deps.store.listSchedules(query);
  }

  /** The owner and the schedule's approvers may manage it. */
  mayManage(schedule: Schedule, actor: string): boolean {
    return actor === schedule.owner.id || schedule.approvers.includes(actor);
  }

  /** Refuse someone who may not manage the schedule, with the refusal on its ledger. */
  async checkManager(schedule: Schedule, actor: string, verb: string): Promise<void> {
    if (this.mayManage(schedule, actor)) return;
    await this.record(schedule, actor, { event: 'refused', verb, refused: 'not_authorised' });
    throw new DelegateError(
      'user_input',
      'not_authorised',
      `You're not the owner or an approver of schedule ${schedule.id}.`,
    );
  }

  private record(schedule: Schedule, actor: string, payload: Record<string, unknown>): Promise<unknown> {
    return this.deps.store.appendLedger({
      taskId: schedule.id,
      type: 'schedule',
      actor,
      at: this.deps.clock.now().toISOString(),
      payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown>,
    });
  }
}

/** The schedule after a verb, or undefined when the verb does not apply to its state (stale). */
function applyVerb(
  s: Schedule,
  verb: ScheduleVerb,
  actor: string,
  now: Date,
  policy: SchedulePolicy,
  revision: number | undefined,
): Schedule | undefined {
  const fresh = revision === undefined || revision === s.revision;
  const from = now.toISOString();
  switch (verb) {
    case 'approve':
      if (s.status !== 'pending_approval' || !fresh) return undefined;
      return {
        ...s,
        status: 'active',
        approval: {
          by: actor,
          at: from,
          revision: s.revision,
          expiresAt: new Date(now.getTime() + policy.standingApprovalDays * DAY_MS).toISOString(),
        },
        // Occurrences before the approval are not "missed": the schedule starts from now.
        settledThrough: from,
        nextRunAt: nextOccurrence(s.recurrence, now)?.toISOString(),
        consecutiveFailures: 0,
      };
    case 'reject':
      if (s.status !== 'pending_approval' || !fresh) return undefined;
      return { ...s, status: 'deleted', nextRunAt: undefined };
    case 'pause':
      if (s.status !== 'active') return undefined;
      return { ...s, status: 'paused', nextRunAt: undefined, pausedReason: `paused by ${actor}` };
    case 'resume': {
      if (s.status !== 'paused') return undefined;
      const approved = standingApprovalHolds(s, now) === 'holds';
      return {
        ...s,
        status: approved ? 'active' : 'pending_approval',
        pausedReason: undefined,
        consecutiveFailures: 0,
        // Runs missed while paused were paused on purpose: nothing to catch up.
        settledThrough: from,
        nextRunAt: approved ? nextOccurrence(s.recurrence, now)?.toISOString() : undefined,
      };
    }
    case 'delete':
      if (s.status === 'deleted') return undefined;
      return { ...s, status: 'deleted', nextRunAt: undefined };
  }
}

/** A schedule's state in words, for "can't be paused: it is …". */
export function statusWords(s: Schedule): string {
  switch (s.status) {
    case 'pending_approval':
      return 'waiting for approval';
    case 'active':
      return 'active';
    case 'paused':
      return s.pausedReason ? `paused (${s.pausedReason})` : 'paused';
    case 'deleted':
      return 'deleted';
  }
}
