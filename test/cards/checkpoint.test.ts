import type { Task } from '../../src/engine/model';
import { checkpointView } from '../../src/teams/views/checkpoint-view';
import { blocksOf, buttons, factsOf, textsOf } from './card-checks';
import { channelPost, meeting, summaryMail, SUMMARY_TEXT, type Journey } from './journeys';
import { catalogue, renderer, stepOf } from './render';
import { FAILURE, taskIn, type State } from './states';

/** Checkpoint cards: exactly what will happen, and Approve / Edit / Reject only while it waits. */
/** As `viewer` sees it (default the owner); `null` is the shared card everyone sees. */
function checkpoint(task: Task, stepId: string, viewer: string | null = task.owner) {
  return renderer.render('checkpoint', checkpointView(task, stepOf(task, stepId), catalogue, viewer ?? undefined));
}

/** The journey's task in `state`, with the checkpointed step's resolved input changed. */
function withInput(journey: Journey, state: State, stepId: string, patch: Record<string, unknown>): Task {
  const task = taskIn(journey, state);
  const step = stepOf(task, stepId);
  step.resolvedInput = { ...step.resolvedInput, ...patch };
  return task;
}

const APPROVE_EDIT_REJECT = [
  { type: 'Action.Execute', title: 'Approve', verb: 'approve' },
  { type: 'Action.Execute', title: 'Edit', verb: 'edit' },
  { type: 'Action.Execute', title: 'Reject', verb: 'reject' },
  { type: 'Action.ShowCard', title: 'Reassign', verb: undefined },
];

type ShowCard = {
  type: string;
  card?: { body: Array<{ id?: string }>; actions: Array<{ verb: string; data: unknown }> };
};

describe.each([
  ['summary mail', summaryMail, 's3'],
  ['meeting', meeting, 's2'],
  ['channel post', channelPost, 's3'],
] as const)('the %s checkpoint', (_, journey, stepId) => {
  it('waiting for approval offers exactly Approve, Edit and Reject, bound to this step and plan version', () => {
    const task = taskIn(journey(), 'awaiting_checkpoint');
    const card = checkpoint(task, stepId);
    expect(buttons(card)).toEqual(APPROVE_EDIT_REJECT);
    for (const action of card.actions as Array<{ type: string; data: unknown }>) {
      if (action.type === 'Action.Execute')
        expect(action.data).toEqual({ taskId: task.id, planVersion: task.plan.version, stepId });
    }
    // Reassign opens a form whose button carries the same ids; the person comes from its input.
    const reassign = (card.actions as ShowCard[]).find((a) => a.type === 'Action.ShowCard')?.card;
    expect(reassign?.body.map((input) => input.id)).toEqual(['reassignTo']);
    expect(reassign?.actions.map((a) => [a.verb, a.data])).toEqual([
      ['reassign', { taskId: task.id, planVersion: task.plan.version, stepId }],
    ]);
    const n = task.plan.steps.length;
    expect(textsOf(card).slice(0, 3)).toEqual([
      `Checkpoint · step ${n} of ${n}`,
      expect.any(String),
      `Task ${task.id}: ${task.title}`,
    ]);
  });

  it.each([
    ['running', 'Approved by Adele Vance. Running…'],
    ['paused', 'Approved by Adele Vance. Running…'],
    ['failed', `Failed: ${FAILURE.message}`],
    ['completed', 'Approved by Adele Vance. Done.'],
    ['cancelled', 'Rejected: the task was cancelled.'],
  ] as const)('once decided (%s) has no buttons and says what happened', (state, note) => {
    const card = checkpoint(taskIn(journey(), state), stepId);
    expect(buttons(card)).toEqual([]);
    expect(textsOf(card).at(-1)).toBe(note);
  });

  it.each(['awaiting_plan_approval', 'rejected', 'limit_reached'] as const)(
    'not reached yet (%s) has no buttons',
    (state) => {
      const card = checkpoint(taskIn(journey(), state), stepId);
      expect(buttons(card)).toEqual([]);
      expect(textsOf(card).at(-1)).toBe('This step is not waiting for approval.');
    },
  );
});

describe('per-user views of a waiting checkpoint', () => {
  it('in a channel: the shared card is read-only with Refresh; approvers get their buttons; others none', () => {
    const task = taskIn(channelPost(), 'awaiting_checkpoint');
    expect(buttons(checkpoint(task, 's3', null))).toEqual([
      { type: 'Action.Execute', title: 'Refresh', verb: 'refresh' },
    ]);
    expect(buttons(checkpoint(task, 's3', 'not-an-approver'))).toEqual([]);
    expect(buttons(checkpoint(task, 's3', task.owner))).toEqual(APPROVE_EDIT_REJECT);
  });

  it('offers to remember the approval for a later step of the same kind, unless the step needs more than one approval', () => {
    const task = taskIn(summaryMail(), 'awaiting_checkpoint');
    const toggle = (card: ReturnType<typeof checkpoint>) =>
      (card.body as Array<{ type: string; id?: string; title?: string }>).find((b) => b.type === 'Input.Toggle');
    // The only send of the plan: nothing later to approve again.
    expect(toggle(checkpoint(task, 's3'))).toBeUndefined();
    task.plan.steps.push({ ...stepOf(task, 's3'), id: 's4', status: 'pending', approvedBy: [] });
    expect(toggle(checkpoint(task, 's3'))).toMatchObject({
      id: 'remember',
      title: expect.stringContaining('again later in this task'),
    });
    stepOf(task, 's3').quorum = 2;
    expect(toggle(checkpoint(task, 's3'))).toBeUndefined();
  });
});

describe('the mail.send preview', () => {
  it('shows the exact recipients and subject as facts and the multi-line body as a block', () => {
    const card = checkpoint(taskIn(summaryMail(), 'awaiting_checkpoint'), 's3');
    expect(textsOf(card)[1]).toBe('Send an email to meganb@example.com');
    expect(factsOf(card)).toEqual([
      { title: 'To', value: 'meganb@example.com' },
      { title: 'Subject', value: 'Summary of mail from contoso.com this week' },
    ]);
    expect(blocksOf(card)).toEqual([['Message', SUMMARY_TEXT]]);
    expect(textsOf(card)).toContain(
      'Risk: Write. It changes something in your organisation, so it waits for approval.',
    );
  });

  it('shows every recipient and cc, and a short one-line body as a fact', () => {
    const to = ['meganb@example.com', 'alexw@example.com', 'dana@contoso.com', 'raj.patel@contoso.com'];
    const task = withInput(summaryMail(), 'awaiting_checkpoint', 's3', {
      to,
      cc: ['pattif@example.com'],
      body: 'See you on Friday.',
    });
    const card = checkpoint(task, 's3');
    expect(factsOf(card)).toEqual([
      { title: 'To', value: 'meganb@example.com, alexw@example.com, dana@contoso.com, raj.patel@contoso.com' },
      { title: 'Cc', value: 'pattif@example.com' },
      { title: 'Subject', value: 'Summary of mail from contoso.com this week' },
      { title: 'Message', value: 'See you on Friday.' },
    ]);
    expect(blocksOf(card)).toEqual([]);
  });

  it('puts a long one-line body in a block, not a fact', () => {
    const body = 'Thanks for the call. '.repeat(10).trim();
    const card = checkpoint(withInput(summaryMail(), 'awaiting_checkpoint', 's3', { body }), 's3');
    expect(factsOf(card).map((f) => f.title)).toEqual(['To', 'Subject']);
    expect(blocksOf(card)).toEqual([['Message', body]]);
  });

  it('labels a send outside the organisation as external', () => {
    const task = withInput(summaryMail(), 'awaiting_checkpoint', 's3', { to: ['dana@contoso.com'] });
    stepOf(task, 's3').risk = 'write-external';
    const card = checkpoint(task, 's3');
    expect(textsOf(card)).toContain(
      'Risk: External. It reaches people outside your organisation, so it waits for approval.',
    );
    expect(factsOf(card)[0]).toEqual({ title: 'To', value: 'dana@contoso.com' });
  });
});

describe('the calendar.createEvent preview', () => {
  it('shows the exact attendees and the time in the requester’s zone', () => {
    const card = checkpoint(taskIn(meeting(), 'awaiting_checkpoint'), 's2');
    expect(textsOf(card)[1]).toBe(
      'Create the meeting "Review with Megan Bowen and Alex Wilber" with meganb@example.com and alexw@example.com',
    );
    expect(factsOf(card)).toEqual([
      { title: 'Subject', value: 'Review with Megan Bowen and Alex Wilber' },
      { title: 'Attendees', value: 'meganb@example.com, alexw@example.com' },
      { title: 'Start', value: 'Tue 8 Apr 2025, 10:00 (Europe/London)' },
      { title: 'End', value: 'Tue 8 Apr 2025, 10:30 (Europe/London)' },
      { title: 'Teams meeting', value: 'Yes' },
    ]);
    expect(blocksOf(card)).toEqual([]);
  });

  it('shows an in-person meeting and a multi-line description', () => {
    const description = 'Agenda:\n1. Renewal\n2. Security review';
    const card = checkpoint(
      withInput(meeting(), 'awaiting_checkpoint', 's2', { isOnlineMeeting: false, body: description }),
      's2',
    );
    expect(factsOf(card)).toContainEqual({ title: 'Teams meeting', value: 'No' });
    expect(blocksOf(card)).toEqual([['Description', description]]);
  });
});

describe('the teams.postChannelMessage preview', () => {
  it('shows the exact team and channel and the whole text', () => {
    const card = checkpoint(taskIn(channelPost(), 'awaiting_checkpoint'), 's3');
    expect(textsOf(card)[1]).toBe('Post in Mark 8 Project Team › General');
    expect(factsOf(card)).toEqual([{ title: 'Channel', value: 'Mark 8 Project Team › General' }]);
    expect(blocksOf(card)).toEqual([['Message', SUMMARY_TEXT]]);
  });
});

describe('checkpoint sources', () => {
  it('lists the titled sources of the outputs the step uses', async () => {
    const { checkpointView } = await import('../../src/teams/views/checkpoint-view');
    const { makeTask, makeStep } = await import('../store/make-task');
    const task = makeTask({
      status: 'awaiting_checkpoint',
      plan: {
        version: 1,
        createdAt: '2025-03-03T09:00:00.000Z',
        steps: [
          makeStep({ id: 's1', action: 'mail.search', status: 'succeeded', input: { from: 'Contoso' } }),
          makeStep({
            id: 's2',
            action: 'compose.summarise',
            status: 'succeeded',
            input: { items: { $ref: 's1.messages' } },
            sources: [
              { id: 'm1', title: 'Renewal — Dana Whitman' },
              { id: 'm2', title: 'SSO — Raj Patel' },
            ],
          }),
          makeStep({
            id: 's3',
            action: 'mail.send',
            status: 'awaiting_approval',
            gate: 'checkpoint',
            risk: 'write-internal',
            input: { to: ['meganb@example.com'], subject: 'S', body: { $ref: 's2.summary' } },
            resolvedInput: { to: ['meganb@example.com'], subject: 'S', body: 'text' },
          }),
        ],
      },
    });
    const view = checkpointView(task, task.plan.steps[2]!, catalogue);
    expect(view.sources).toBe('Renewal — Dana Whitman; SSO — Raj Patel');
    expect(JSON.stringify(renderer.render('checkpoint', view))).toContain(
      'Sources: Renewal — Dana Whitman; SSO — Raj Patel',
    );
  });

  it("says when it expires in the requester's time zone, not as a raw instant", () => {
    const task = { ...taskIn(summaryMail(), 'awaiting_checkpoint'), timeZone: 'Europe/London' };
    stepOf(task, 's3').checkpoint = {
      since: '2025-04-07T09:00:00Z',
      expireAt: '2025-04-08T09:00:00Z',
      escalateTo: [],
      onExpiry: 'reject',
    };
    const text = JSON.stringify(checkpoint(task, 's3'));
    expect(text).toMatch(/Waiting for a decision until Tue 8 Apr, 10:00 \([^)]+\); after that the step is rejected\./);
    expect(text).not.toContain('09:00 UTC');
  });
});
