import { taskView } from '../../src/teams/views/task-view';
import { shortReference } from '../../src/present/human';
import { buttons, textsOf } from './card-checks';
import { channelPost, meeting, summaryMail, type Journey } from './journeys';
import { catalogue, renderer } from './render';
import { FAILURE, LIMIT, STATES, taskIn } from './states';

/** The plan / task card: what it says in each state, and which buttons it offers. */
const JOURNEYS: ReadonlyArray<() => Journey> = [summaryMail, meeting, channelPost];
const cases = JOURNEYS.map((journey) => [journey().name, journey] as const);

/** The card as the task's owner sees it (in a channel, the shared card is read-only; see below). */
function card(journey: Journey, state: (typeof STATES)[number], failAt?: number) {
  const task = taskIn(journey, state, { failAt });
  return { task, card: renderer.render('task', taskView(task, catalogue, task.owner)) };
}

describe('per-user views of a channel task card', () => {
  const task = taskIn(channelPost(), 'awaiting_plan_approval');
  it('shows everyone a read-only card with a Refresh button, and approvers their buttons on refresh', () => {
    expect(task.scope.kind).toBe('channel');
    expect(buttons(renderer.render('task', taskView(task, catalogue)))).toEqual([
      { type: 'Action.Execute', title: 'Refresh', verb: 'refresh' },
    ]);
    expect(buttons(renderer.render('task', taskView(task, catalogue, 'someone-else')))).toEqual([]);
    expect(buttons(renderer.render('task', taskView(task, catalogue, task.owner))).map((b) => b.title)).toEqual([
      'Approve',
      'Edit',
      'Reject',
    ]);
  });

  it('keeps the buttons on the shared card of a personal chat, which only its owner sees', () => {
    const personal = taskIn(summaryMail(), 'awaiting_plan_approval');
    expect(personal.scope.kind).toBe('personal');
    expect(buttons(renderer.render('task', taskView(personal, catalogue))).map((b) => b.title)).toEqual([
      'Approve',
      'Edit',
      'Reject',
    ]);
  });
});

describe.each(cases)('the %s task card', (_, journey) => {
  it('awaiting plan approval offers exactly Approve, Edit and Reject for the plan version shown', () => {
    const { task, card: plan } = card(journey(), 'awaiting_plan_approval');
    expect(buttons(plan)).toEqual([
      { type: 'Action.Execute', title: 'Approve', verb: 'approve' },
      { type: 'Action.Execute', title: 'Edit', verb: 'edit' },
      { type: 'Action.Execute', title: 'Reject', verb: 'reject' },
    ]);
    // A plan decision names no step: the whole plan version is approved, edited or rejected.
    for (const action of plan.actions as Array<{ data: unknown }>)
      expect(action.data).toEqual({ taskId: task.id, planVersion: task.plan.version });
    expect(textsOf(plan)).toContain(`Task ${task.id} · plan v${task.plan.version}`);
  });

  it('after a failed step offers exactly Retry, Skip, Edit and Cancel for that step', () => {
    const { task, card: failed } = card(journey(), 'failed');
    const step = task.plan.steps.at(-1);
    expect(buttons(failed)).toEqual([
      { type: 'Action.Execute', title: 'Retry', verb: 'retry' },
      { type: 'Action.Execute', title: 'Skip', verb: 'skip' },
      { type: 'Action.Execute', title: 'Edit', verb: 'edit' },
      { type: 'Action.Execute', title: 'Cancel', verb: 'cancel' },
    ]);
    for (const action of failed.actions as Array<{ data: unknown }>) {
      expect(action.data).toEqual({ taskId: task.id, planVersion: task.plan.version, stepId: step?.id, card: 'task' });
    }
  });

  it('shows the failure with its reference and says what can be done', () => {
    const { card: failed } = card(journey(), 'failed');
    expect(textsOf(failed)).toEqual(
      expect.arrayContaining([
        `${FAILURE.message} (reference ${shortReference(FAILURE.correlationId ?? '')})`,
        'A step failed',
        'Retry the step, skip it, edit it, or cancel the task.',
      ]),
    );
  });

  const LIVE = ['awaiting_plan_approval', 'failed', 'running', 'awaiting_checkpoint', 'paused'];
  it.each(STATES.filter((s) => !LIVE.includes(s)))('has no buttons when %s', (state) => {
    expect(buttons(card(journey(), state).card)).toEqual([]);
  });

  it.each(['running', 'awaiting_checkpoint'] as const)('offers Pause and Cancel while %s', (state) => {
    expect(buttons(card(journey(), state).card).map((b) => b.title)).toEqual(['Pause', 'Cancel']);
  });

  it('offers Resume and Cancel when paused, and says what Resume does', () => {
    const paused = card(journey(), 'paused').card;
    expect(buttons(paused).map((b) => b.title)).toEqual(['Resume', 'Cancel']);
    expect(textsOf(paused)).toContain(
      'Paused: nothing runs until someone resumes it. Resume carries on from the next step.',
    );
  });
});

describe('the plan card', () => {
  it('numbers the steps and shows each one, what it reads, and its risk and gate', () => {
    const { task, card: plan } = card(summaryMail(), 'awaiting_plan_approval');
    const texts = textsOf(plan);
    expect(texts.slice(0, 2)).toEqual(['Plan', task.title]);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Waiting for approval of the plan',
        `“${task.outcome}”`,
        '1. Search your mail from contoso.com since Mon 3 Mar',
        'Your mailbox · Reads: Mail from contoso.com since Mon 3 Mar in your mailbox (sender, subject, date and a short preview)',
        'Read',
        '2. Summarise the messages found in step 1',
        'Compose',
        '3. Send an email to meganb@example.com',
        'meganb@example.com · Reads: The text produced in step 2',
        'Write · checkpoint',
      ]),
    );
  });

  it('is a task card, not a plan, once approved', () => {
    expect(textsOf(card(meeting(), 'running').card)[0]).toBe('Task');
  });
});

describe('the task card of a task that failed at its first step', () => {
  it('aims Retry, Skip, Edit and Cancel at that step', () => {
    const { card: failed } = card(summaryMail(), 'failed', 0);
    expect((failed.actions as Array<{ data: { stepId: string } }>).map((a) => a.data.stepId)).toEqual([
      's1',
      's1',
      's1',
      's1',
    ]);
  });
});

describe('the task card of a task stopped at a limit', () => {
  it('says which limit', () => {
    const { card: stopped } = card(channelPost(), 'limit_reached');
    expect(textsOf(stopped)).toEqual(expect.arrayContaining(['Stopped at a limit', LIMIT.message]));
  });
});
