import type { Task } from '../../src/engine/model';
import type { AdaptiveCard } from '../../src/teams/cards';
import { planEditView, stepEditView } from '../../src/teams/views/form-views';
import { VERB_SCHEMAS } from '../../src/teams/verbs';
import { buttons, elementsOf, textsOf } from './card-checks';
import { channelPost, meeting, summaryMail, SUMMARY_TEXT } from './journeys';
import { catalogue, renderer, stepOf } from './render';
import { taskIn } from './states';

/** Edit forms: one input per editable field, pre-filled, with Save and Back. */
function stepForm(task: Task, stepId: string, problem?: string): AdaptiveCard {
  return renderer.render('edit-form', stepEditView(task, stepOf(task, stepId), catalogue, problem));
}

function inputsOf(card: AdaptiveCard) {
  return elementsOf(card, 'Input.Text').map((i) => ({
    id: i.id,
    label: i.label,
    value: i.value,
    isMultiline: i.isMultiline,
  }));
}

/** What Teams sends for an Action.Execute: the action's data with the form's current values. */
function submit(
  card: AdaptiveCard,
  title: string,
  edits: Record<string, string> = {},
): { verb: unknown; data: Record<string, unknown> } {
  const action = (
    card.actions as Array<{ title: string; verb: string; data: Record<string, unknown>; associatedInputs?: string }>
  ).find((a) => a.title === title);
  if (!action) throw new Error(`no ${title} button`);
  const values = Object.fromEntries(
    elementsOf(card, 'Input.Text').map((i) => [String(i.id), edits[String(i.id)] ?? String(i.value ?? '')]),
  );
  return { verb: action.verb, data: action.associatedInputs === 'none' ? action.data : { ...action.data, ...values } };
}

describe.each([
  [
    'mail.send at its checkpoint',
    () => taskIn(summaryMail(), 'awaiting_checkpoint'),
    's3',
    [
      { id: 'to', label: 'To (separate with commas)', value: 'meganb@example.com', isMultiline: false },
      { id: 'cc', label: 'Cc (separate with commas)', value: '', isMultiline: false },
      { id: 'subject', label: 'Subject', value: 'Summary of mail from contoso.com this week', isMultiline: false },
      { id: 'body', label: 'Message', value: SUMMARY_TEXT, isMultiline: true },
    ],
    'checkpoint',
  ],
  [
    'calendar.createEvent at its checkpoint',
    () => taskIn(meeting(), 'awaiting_checkpoint'),
    's2',
    [
      { id: 'subject', label: 'Subject', value: 'Review with Megan Bowen and Alex Wilber', isMultiline: false },
      {
        id: 'attendees',
        label: 'Attendees (separate with commas)',
        value: 'meganb@example.com, alexw@example.com',
        isMultiline: false,
      },
      { id: 'start', label: 'Start', value: '2025-04-08T09:00:00Z', isMultiline: false },
      { id: 'end', label: 'End', value: '2025-04-08T09:30:00Z', isMultiline: false },
      { id: 'body', label: 'Description', value: '', isMultiline: true },
    ],
    'checkpoint',
  ],
  [
    'teams.postChannelMessage after it failed',
    () => taskIn(channelPost(), 'failed'),
    's3',
    [{ id: 'text', label: 'Message', value: SUMMARY_TEXT, isMultiline: true }],
    'task',
  ],
  [
    'mail.search after it failed',
    () => taskIn(summaryMail(), 'failed', { failAt: 0 }),
    's1',
    [
      { id: 'from', label: 'From', value: 'contoso.com', isMultiline: false },
      { id: 'subject', label: 'Subject contains', value: '', isMultiline: false },
      { id: 'query', label: 'Words', value: '', isMultiline: false },
      { id: 'since', label: 'Received after', value: '2025-03-03T00:00:00Z', isMultiline: false },
      { id: 'until', label: 'Received before', value: '', isMultiline: false },
      { id: 'folder', label: 'Folder', value: '', isMultiline: false },
      { id: 'top', label: 'At most', value: '25', isMultiline: false },
    ],
    'task',
  ],
] as const)('the edit form for %s', (_, makeTask, stepId, expected, backTo) => {
  it("has one text input per editable field of the action, pre-filled with the step's resolved input", () => {
    const task = makeTask();
    const card = stepForm(task, stepId);
    expect(inputsOf(card)).toEqual(expected);
    expect(elementsOf(card, 'Input.Text').map((i) => i.id)).toEqual(
      catalogue.get(stepOf(task, stepId).action)?.editable.map((f) => f.name),
    );
    expect(textsOf(card)[0]).toBe('Edit');
  });

  it('offers Save (the inputs with the ids) and Back (a refresh without the inputs)', () => {
    const task = makeTask();
    const card = stepForm(task, stepId);
    expect(buttons(card)).toEqual([
      { type: 'Action.Execute', title: 'Save', verb: 'save' },
      { type: 'Action.Execute', title: 'Back', verb: 'refresh' },
    ]);
    const ids = { taskId: task.id, planVersion: task.plan.version, stepId, card: backTo };
    const back = (card.actions as Array<Record<string, unknown>>)[1];
    expect(back).toMatchObject({ associatedInputs: 'none', data: ids });
    expect((card.actions as Array<Record<string, unknown>>)[0]?.data).toEqual(ids);
    expect(VERB_SCHEMAS.refresh.parse(submit(card, 'Back').data)).toEqual(ids);
  });

  it('sends what was typed, as strings, next to the ids', () => {
    const task = makeTask();
    const card = stepForm(task, stepId);
    const first = expected[0].id;
    const { verb, data } = submit(card, 'Save', { [first]: 'changed' });
    expect(verb).toBe('save');
    const parsed = VERB_SCHEMAS.save.parse(data);
    expect(parsed).toEqual({
      taskId: task.id,
      planVersion: task.plan.version,
      stepId,
      card: backTo,
      values: Object.fromEntries(expected.map((input) => [input.id, input.id === first ? 'changed' : input.value])),
    });
  });
});

describe('the step edit form', () => {
  it('joins every entry of a list with ", "', () => {
    const task = taskIn(summaryMail(), 'awaiting_checkpoint');
    stepOf(task, 's3').resolvedInput = {
      to: ['meganb@example.com', 'alexw@example.com', 'dana@contoso.com'],
      cc: ['pattif@example.com', 'raj.patel@contoso.com'],
      subject: 'Hi',
      body: 'Hello',
    };
    const values = inputsOf(stepForm(task, 's3')).map((i) => i.value);
    expect(values).toEqual([
      'meganb@example.com, alexw@example.com, dana@contoso.com',
      'pattif@example.com, raj.patel@contoso.com',
      'Hi',
      'Hello',
    ]);
  });

  it('shows why the last save was refused', () => {
    const card = stepForm(taskIn(summaryMail(), 'awaiting_checkpoint'), 's3', "'megan@' isn't an email address.");
    expect(elementsOf(card, 'TextBlock').find((b) => b.text === "'megan@' isn't an email address.")).toMatchObject({
      color: 'Attention',
    });
  });

  it('shows no problem line when there is none', () => {
    const card = stepForm(taskIn(summaryMail(), 'awaiting_checkpoint'), 's3');
    expect(elementsOf(card, 'TextBlock').filter((b) => b.color === 'Attention')).toEqual([]);
  });
});

describe('the plan edit form', () => {
  const task = taskIn(meeting(), 'awaiting_plan_approval');
  const card = renderer.render('edit-form', planEditView(task, false));

  it('has the outcome as its only input, required and pre-filled', () => {
    expect(elementsOf(card, 'Input.Text')).toEqual([
      {
        type: 'Input.Text',
        id: 'outcome',
        label: 'What should be done',
        value: task.outcome,
        isMultiline: true,
        isRequired: true,
        errorMessage: 'What should be done is required',
      },
    ]);
    expect(textsOf(card).slice(0, 2)).toEqual(['Edit', task.title]);
  });

  it('saves the new outcome for the plan (no step) and goes back to the task card', () => {
    expect(buttons(card)).toEqual([
      { type: 'Action.Execute', title: 'Save', verb: 'save' },
      { type: 'Action.Execute', title: 'Back', verb: 'refresh' },
    ]);
    const parsed = VERB_SCHEMAS.save.parse(
      submit(card, 'Save', { outcome: 'Set up 45 minutes with Megan on Friday' }).data,
    );
    expect(parsed).toEqual({
      taskId: task.id,
      planVersion: 1,
      stepId: undefined,
      card: 'task',
      values: { outcome: 'Set up 45 minutes with Megan on Friday' },
    });
    expect(VERB_SCHEMAS.refresh.parse(submit(card, 'Back').data)).toEqual({
      taskId: task.id,
      planVersion: 1,
      stepId: undefined,
      card: 'task',
    });
  });
});

describe('the edit form for a step that failed before its input was resolved', () => {
  // BUG (src/teams/views/form-views.ts stepEditView): it pre-fills from `step.resolvedInput ?? {}`.
  // A step that fails with invalid or unresolvable input (worker `invalid` move) never gets a
  // resolvedInput, so the failed task card's Edit opens an empty form (and today
  // invoke-handler.showEditForm and the engine's edit transition refuse such a step outright,
  // so that Edit button does nothing). Literal planned values should be offered for correction;
  // references that could not be resolved are left empty for the person to fill in.
  it('is pre-filled with the planned literal values, references left empty', () => {
    const task = taskIn(meeting(), 'failed');
    const step = stepOf(task, 's2');
    delete step.resolvedInput;
    step.error = { code: 'unresolvable_input', message: 'Step s2 is missing data it needs: no suggested time.' };
    expect(inputsOf(stepForm(task, 's2')).map((i) => [i.id, i.value])).toEqual([
      ['subject', 'Review with Megan Bowen and Alex Wilber'],
      ['attendees', 'meganb@example.com, alexw@example.com'],
      ['start', ''],
      ['end', ''],
      ['body', ''],
    ]);
  });
});
