import { createCatalogue } from '../../src/actions';
import type { Task } from '../../src/engine/model';
import type { GraphGateway } from '../../src/graph/types';
import { CardRenderer, defaultCardsDirectory, type AdaptiveCard, type CardName } from '../../src/teams/cards';
import { checkpointView } from '../../src/teams/views/checkpoint-view';
import { planEditView, planRejectView, rejectView, stepEditView } from '../../src/teams/views/form-views';
import { auditView } from '../../src/teams/views/audit-view';
import type { LedgerEntry } from '../../src/engine/ports';

/** A few ledger entries for a task, one of each kind the audit card words differently. */
function AUDIT_ENTRIES(task: Task): LedgerEntry[] {
  const base = { taskId: task.id, at: '2025-03-03T09:00:00.000Z', prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
  return [
    { ...base, seq: 1, type: 'task_created', actor: task.requester.id, payload: { title: task.title } },
    { ...base, seq: 2, type: 'plan_version', actor: task.requester.id, payload: { version: 1, steps: [] } },
    {
      ...base,
      seq: 3,
      type: 'decision',
      actor: task.requester.id,
      payload: { verb: 'approve', stepId: 's1', reason: task.outcome },
    },
    {
      ...base,
      seq: 4,
      type: 'step_result',
      actor: 'system',
      payload: { stepId: 's1', action: 'mail.search', status: 'succeeded', attempt: 1 },
    },
    { ...base, seq: 5, type: 'task_status', actor: 'system', payload: { from: 'running', to: 'completed' } },
    { ...base, seq: 6, type: 'card_shown', actor: 'system', payload: { kind: 'task', sha256: 'b'.repeat(64) } },
  ];
}
import { resultView } from '../../src/teams/views/result-view';
import { taskView } from '../../src/teams/views/task-view';
import { channelPost, meeting, summaryMail, type Journey } from './journeys';
import { STATES, taskIn } from './states';

/** Drawing a card never calls Graph: a gateway that throws proves it. */
const noGraph: GraphGateway = {
  forUser: () => {
    throw new Error('cards must not call Graph');
  },
  forApp: () => {
    throw new Error('cards must not call Graph');
  },
};

/** The production catalogue, with the real actions' describe() and editable fields. */
export const catalogue = createCatalogue(noGraph);
/** The production renderer over the templates in cards/. */
export const renderer = new CardRenderer(defaultCardsDirectory());

/** A task fixture with a readable name for test titles. */
export interface Fixture {
  readonly name: string;
  readonly task: Task;
  /** User-provided strings in this task (outcome, title, subject, body…), which may contain `${`. */
  readonly userText: readonly string[];
}

const JOURNEYS: ReadonlyArray<(hostile: boolean) => Journey> = [summaryMail, meeting, channelPost];

/** User text in a task: everything a person or a mail wrote that a card may show. */
export function userTextOf(task: Task): string[] {
  const texts = [task.title, task.outcome, ...(task.error ? [task.error.message] : [])];
  for (const step of task.plan.steps) {
    for (const input of [step.input, step.resolvedInput ?? {}]) {
      for (const value of Object.values(input)) if (typeof value === 'string') texts.push(value);
    }
    if (step.error) texts.push(step.error.message);
  }
  // Longest first, so that removing one never leaves half of a longer one behind.
  return [...new Set(texts)].sort((a, b) => b.length - a.length);
}

/** Every journey in every state, with plain and with hostile text, plus the odd cases. */
export function allFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  const add = (name: string, task: Task): void => void fixtures.push({ name, task, userText: userTextOf(task) });
  for (const journey of JOURNEYS) {
    for (const hostile of [false, true]) {
      const j = journey(hostile);
      for (const state of STATES) add(`${j.name}, ${state}`, taskIn(j, state, { hostileError: hostile }));
    }
  }
  add('summary mail, failed at step 1', taskIn(summaryMail(), 'failed', { failAt: 0 }));
  add(
    'channel post with 100 approvers, awaiting_checkpoint',
    taskIn(channelPost(), 'awaiting_checkpoint', { approvers: hundredApprovers() }),
  );
  return fixtures;
}

/** The requester plus 99 colleagues, more than Teams' 60 `refresh.userIds`. */
export function hundredApprovers(): string[] {
  return ['aad-adele', ...Array.from({ length: 99 }, (_, i) => `aad-approver-${String(i + 1).padStart(3, '0')}`)];
}

/** One expanded card, named for test output. */
export interface Rendered {
  readonly template: CardName;
  readonly label: string;
  readonly card: AdaptiveCard;
}

/**
 * Every card a task can be drawn as, whether or not the edge would draw it in this state:
 * the task card, a checkpoint, reject choice and edit form per step, the plan edit form and
 * the result card. (Error cards do not depend on a task; see errors.ts.)
 */
export function cardsFor(task: Task): Rendered[] {
  const cards: Rendered[] = [
    { template: 'task', label: 'task card', card: renderer.render('task', taskView(task, catalogue)) },
    { template: 'edit-form', label: 'plan edit form', card: renderer.render('edit-form', planEditView(task, false)) },
    {
      template: 'edit-form',
      label: 'plan revision form',
      card: renderer.render('edit-form', planEditView(task, true)),
    },
    { template: 'plan-reject', label: 'plan reject form', card: renderer.render('plan-reject', planRejectView(task)) },
    { template: 'result', label: 'result card', card: renderer.render('result', resultView(task, catalogue)) },
    {
      template: 'audit',
      label: 'audit card',
      card: renderer.render('audit', auditView(task, AUDIT_ENTRIES(task), 'hash-chained')),
    },
  ];
  for (const step of task.plan.steps) {
    cards.push({
      template: 'checkpoint',
      label: `checkpoint ${step.id}`,
      card: renderer.render('checkpoint', checkpointView(task, step, catalogue)),
    });
    cards.push({
      template: 'reject',
      label: `reject ${step.id}`,
      card: renderer.render('reject', rejectView(task, step, catalogue)),
    });
    cards.push({
      template: 'edit-form',
      label: `edit form ${step.id}`,
      card: renderer.render('edit-form', stepEditView(task, step, catalogue)),
    });
  }
  return cards;
}

/** The step with this id; fails the test when there is none. */
export function stepOf(task: Task, id: string): Task['plan']['steps'][number] {
  const step = task.plan.steps.find((s) => s.id === id);
  if (!step) throw new Error(`fixture ${task.id} has no step ${id}`);
  return step;
}
