import type { Catalogue } from '../../engine/catalogue';
import { hasSideEffect } from '../../engine/catalogue';
import { nextOccurrences } from '../../engine/recurrence';
import type { Schedule, TemplateStep } from '../../engine/schedule-model';
import type { SchedulePolicy } from '../../engine/schedule-policy';
import { statusWords } from '../../engine/schedules';
import { absoluteInstant, zoneLabel } from '../../present/human';
import type { Colour } from './labels';

/** The schedule card: the plan, the recurrence in words, the next runs, what runs unattended, and its buttons. */
export interface ScheduleView {
  readonly scheduleId: string;
  readonly revision: number;
  readonly heading: string;
  readonly title: string;
  readonly status: string;
  readonly statusColor: Colour;
  readonly request: string;
  readonly words: string;
  readonly nextRuns: readonly { readonly text: string }[];
  readonly steps: readonly { readonly text: string; readonly mode: string }[];
  readonly standing: string;
  readonly lastRun: string;
  readonly note: string;
  /** The viewer may approve, edit or reject this revision. */
  readonly canDecide: boolean;
  readonly canPause: boolean;
  readonly canResume: boolean;
  readonly canRun: boolean;
  readonly canDelete: boolean;
  readonly editing: boolean;
  readonly hasRefresh: boolean;
  readonly userIds: readonly string[];
}

const COLOURS: Record<Schedule['status'], Colour> = {
  pending_approval: 'Accent',
  active: 'Good',
  paused: 'Warning',
  deleted: 'Default',
};

/** What a template step will do at each run: run on its own, on the standing approval, or stop for approval. */
export function stepMode(step: TemplateStep, policy: SchedulePolicy, catalogue: Catalogue): string {
  if (!hasSideEffect(step.risk) && step.gate === 'auto') return 'Runs unattended (it only reads or drafts).';
  if (step.gate === 'auto') return 'Runs unattended (policy does not gate it).';
  const covered =
    hasSideEffect(step.risk) &&
    policy.standingApprovalCovers.includes(step.risk) &&
    step.destinations.length > 0 &&
    catalogue.get(step.action)?.destinations !== undefined;
  return covered
    ? `Runs unattended on this approval while it goes to ${step.destinations.join(', ')} only; anything else stops for approval.`
    : 'Stops for approval at every run.';
}

/** The schedule as a card for `viewer` (undefined: the card everyone in the conversation sees). */
export function scheduleView(
  schedule: Schedule,
  options: {
    readonly now: Date;
    readonly catalogue: Catalogue;
    readonly policy: SchedulePolicy;
    readonly viewer?: string;
    readonly editing?: boolean;
    readonly note?: string;
  },
): ScheduleView {
  const { now, catalogue, policy, viewer } = options;
  const zone = schedule.recurrence.timeZone;
  const involved = viewer === schedule.owner.id || (viewer !== undefined && schedule.approvers.includes(viewer));
  const mayAct = viewer === undefined ? schedule.scope.kind === 'personal' : involved;
  const live = schedule.status === 'active' || schedule.status === 'pending_approval';
  const runs = live ? nextOccurrences(schedule.recurrence, now, 3) : [];
  const approval = schedule.approval;
  return {
    scheduleId: schedule.id,
    revision: schedule.revision,
    heading: `Recurring work · schedule ${schedule.id}${schedule.revision > 1 ? ` (version ${schedule.revision})` : ''}`,
    title: schedule.title,
    status: statusWords(schedule).replace(/^./, (c) => c.toUpperCase()),
    statusColor: COLOURS[schedule.status],
    request: schedule.request,
    words: `Runs ${schedule.words}`,
    nextRuns: runs.map((at) => ({ text: `${absoluteInstant(at.toISOString(), zone)} ${zoneLabel(zone, at)}` })),
    steps: schedule.template.map((step, i) => {
      const preview = catalogue.get(step.action)?.describe(step.input);
      return {
        text: `${i + 1}. ${preview?.title ?? step.action}${preview?.target ? ` — ${preview.target}` : ''}`,
        mode: stepMode(step, policy, catalogue),
      };
    }),
    standing:
      approval && approval.revision === schedule.revision
        ? `Approved ${absoluteInstant(approval.at, zone)}${approval.expiresAt ? `; the approval lasts until ${absoluteInstant(approval.expiresAt, zone)}` : ''}.`
        : 'Approving approves this plan for every run; times like "last week" are worked out at each run.',
    lastRun: schedule.lastRun
      ? `Last run ${absoluteInstant(schedule.lastRun.firedAt, zone)}: task ${schedule.lastRun.taskId}${schedule.lastRun.result ? ` (${schedule.lastRun.result.replace(/_/g, ' ')})` : ''}${schedule.lastRun.caughtUp ? ', run late (missed while Delegate was down)' : ''}.`
      : '',
    note: options.note ?? '',
    canDecide: mayAct && schedule.status === 'pending_approval' && !options.editing,
    canPause: mayAct && schedule.status === 'active',
    canResume: mayAct && schedule.status === 'paused',
    canRun: mayAct && (schedule.status === 'active' || schedule.status === 'paused'),
    canDelete: mayAct && schedule.status !== 'deleted' && schedule.status !== 'pending_approval',
    editing: mayAct && options.editing === true,
    hasRefresh: schedule.scope.kind !== 'personal',
    userIds: [...new Set([schedule.owner.id, ...schedule.approvers])].slice(0, 60),
  };
}
