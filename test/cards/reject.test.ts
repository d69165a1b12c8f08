import { rejectView } from '../../src/teams/views/form-views';
import { VERB_SCHEMAS } from '../../src/teams/verbs';
import { buttons, elementsOf, textsOf } from './card-checks';
import { meeting } from './journeys';
import { catalogue, renderer, stepOf } from './render';
import { taskIn } from './states';

/** The Reject choice: skip the step or cancel the task, with an optional reason; or go back. */
const task = taskIn(meeting(), 'awaiting_checkpoint');
const card = renderer.render('reject', rejectView(task, stepOf(task, 's2'), catalogue));
type Action = { title: string; verb: string; data: Record<string, unknown>; associatedInputs?: string };
const actions = card.actions as Action[];

describe('the reject card', () => {
  it('names the step and asks for an optional reason', () => {
    expect(textsOf(card).slice(0, 2)).toEqual([
      'Reject',
      'Create the meeting "Review with Megan Bowen and Alex Wilber" with meganb@example.com and alexw@example.com',
    ]);
    expect(elementsOf(card, 'Input.Text')).toEqual([expect.objectContaining({ id: 'reason', isMultiline: true })]);
    expect(elementsOf(card, 'Input.Text')[0]?.isRequired).not.toBe(true);
  });

  it('offers Skip this step, Cancel the task and Back', () => {
    expect(buttons(card)).toEqual([
      { type: 'Action.Execute', title: 'Skip this step', verb: 'skip' },
      { type: 'Action.Execute', title: 'Cancel the task', verb: 'cancel' },
      { type: 'Action.Execute', title: 'Back', verb: 'refresh' },
    ]);
  });

  it('sends the reason with skip and cancel, bound to the step and plan version', () => {
    for (const verb of ['skip', 'cancel'] as const) {
      const action = actions.find((a) => a.verb === verb);
      const parsed = VERB_SCHEMAS[verb].parse({ ...action?.data, reason: 'Megan is out that week.' });
      expect(parsed).toEqual({
        taskId: task.id,
        planVersion: task.plan.version,
        stepId: 's2',
        reason: 'Megan is out that week.',
      });
    }
  });

  it('goes back to the checkpoint without sending the reason', () => {
    const back = actions.find((a) => a.title === 'Back');
    expect(back?.associatedInputs).toBe('none');
    expect(VERB_SCHEMAS.refresh.parse(back?.data)).toEqual({
      taskId: task.id,
      planVersion: task.plan.version,
      stepId: 's2',
      card: 'checkpoint',
    });
  });

  // BUG (cards/reject.json): the reason input has no maxLength, but VERB_SCHEMAS.skip/cancel
  // accept at most 2000 characters, so a longer reason makes the whole click fail with
  // "This card's data isn't valid" instead of being stopped by the client. Fix: add
  // "maxLength": 2000 to the reason Input.Text.
  it('limits the reason to what the skip and cancel verbs accept', () => {
    const reason = elementsOf(card, 'Input.Text')[0];
    expect(reason?.maxLength).toEqual(expect.any(Number));
    expect(
      VERB_SCHEMAS.skip.safeParse({ taskId: 'T1', planVersion: 1, reason: 'x'.repeat(Number(reason?.maxLength)) })
        .success,
    ).toBe(true);
  });
});
