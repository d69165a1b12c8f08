import type { AdaptiveCard } from '../../src/teams/cards';
import { shortReference } from '../../src/present/human';
import { checkpointView } from '../../src/teams/views/checkpoint-view';
import { planEditView, rejectView, stepEditView } from '../../src/teams/views/form-views';
import { resultView } from '../../src/teams/views/result-view';
import { taskView } from '../../src/teams/views/task-view';
import { blocksOf, elementsOf, factsOf, stringsIn, textsOf } from './card-checks';
import {
  HOSTILE_BODY,
  HOSTILE_ERROR,
  HOSTILE_EXACT,
  HOSTILE_OUTCOME,
  HOSTILE_SUBJECT,
  HOSTILE_TITLE,
  SYNTAXES,
} from './hostile';
import { channelPost, meeting, summaryMail } from './journeys';
import { catalogue, renderer, stepOf } from './render';
import { FAILURE, taskIn } from './states';

/**
 * User text that looks like a template (`${title}`, `${'$'}{x}`, `@{x}`, `{{x}}`) is shown
 * exactly as written on every card: not evaluated, not escaped, not dropped.
 */
const valueOf = (card: AdaptiveCard, id: string): unknown =>
  elementsOf(card, 'Input.Text').find((i) => i.id === id)?.value;

describe('template-like user text', () => {
  it('fixtures really hold every syntax', () => {
    for (const text of [HOSTILE_OUTCOME, HOSTILE_SUBJECT, HOSTILE_BODY])
      for (const syntax of SYNTAXES) expect(text).toContain(syntax);
  });

  it('stays literal in the task card title and outcome', () => {
    const task = taskIn(summaryMail(true), 'awaiting_plan_approval');
    const texts = textsOf(renderer.render('task', taskView(task, catalogue)));
    expect(texts.slice(0, 2)).toEqual(['Plan', HOSTILE_TITLE]);
    expect(texts).toContain(`“${HOSTILE_OUTCOME}”`);
  });

  it('stays literal in the mail.send checkpoint subject and body', () => {
    const task = taskIn(summaryMail(true), 'awaiting_checkpoint');
    const card = renderer.render('checkpoint', checkpointView(task, stepOf(task, 's3'), catalogue));
    expect(textsOf(card)[2]).toBe(`Task T0101: ${HOSTILE_TITLE}`);
    expect(factsOf(card)).toContainEqual({ title: 'Subject', value: HOSTILE_SUBJECT });
    expect(blocksOf(card)).toEqual([['Message', HOSTILE_BODY]]);
  });

  it('stays literal when a whole value is one expression', () => {
    const task = taskIn(meeting(true), 'awaiting_checkpoint');
    const card = renderer.render('checkpoint', checkpointView(task, stepOf(task, 's2'), catalogue));
    expect(textsOf(card)[1]).toBe(
      `Create the meeting "${HOSTILE_EXACT}" with meganb@example.com and alexw@example.com`,
    );
    expect(factsOf(card)[0]).toEqual({ title: 'Subject', value: HOSTILE_EXACT });
    expect(blocksOf(card)).toEqual([['Description', HOSTILE_BODY]]);
    expect(valueOf(renderer.render('edit-form', stepEditView(task, stepOf(task, 's2'), catalogue)), 'subject')).toBe(
      HOSTILE_EXACT,
    );
  });

  it('stays literal in the channel post checkpoint', () => {
    const task = taskIn(channelPost(true), 'awaiting_checkpoint');
    // An approver's own view: the shared card of a channel keeps the requester's content off it.
    const view = checkpointView(task, stepOf(task, 's3'), catalogue, task.approvers[0]);
    expect(blocksOf(renderer.render('checkpoint', view))).toEqual([['Message', HOSTILE_BODY]]);
  });

  it('stays literal in edit form values and the plan edit form', () => {
    const task = taskIn(summaryMail(true), 'awaiting_checkpoint');
    const form = renderer.render('edit-form', stepEditView(task, stepOf(task, 's3'), catalogue));
    expect([valueOf(form, 'subject'), valueOf(form, 'body')]).toEqual([HOSTILE_SUBJECT, HOSTILE_BODY]);
    const plan = renderer.render('edit-form', planEditView(taskIn(summaryMail(true), 'awaiting_plan_approval'), false));
    expect(valueOf(plan, 'outcome')).toBe(HOSTILE_OUTCOME);
    expect(textsOf(plan)[1]).toBe(HOSTILE_TITLE);
  });

  it('stays literal in a step error, on the task card and the checkpoint', () => {
    const task = taskIn(channelPost(true), 'failed', { hostileError: true });
    expect(textsOf(renderer.render('task', taskView(task, catalogue)))).toContain(
      `${HOSTILE_ERROR} (reference ${shortReference(FAILURE.correlationId ?? '')})`,
    );
    expect(textsOf(renderer.render('checkpoint', checkpointView(task, stepOf(task, 's3'), catalogue))).at(-1)).toBe(
      `Failed: ${HOSTILE_ERROR}`,
    );
  });

  it('stays literal in the reject and result cards', () => {
    const task = taskIn(meeting(true), 'completed');
    expect(textsOf(renderer.render('reject', rejectView(task, stepOf(task, 's2'), catalogue)))[1]).toContain(
      `"${HOSTILE_EXACT}"`,
    );
    const result = renderer.render('result', resultView(task, catalogue));
    expect(textsOf(result)[1]).toBe(HOSTILE_TITLE);
    expect(textsOf(result)).toContain(
      `✅ Create the meeting "${HOSTILE_EXACT}" with meganb@example.com and alexw@example.com`,
    );
  });

  it('is not evaluated anywhere: no card shows what an expression would have become', () => {
    const task = taskIn(summaryMail(true), 'awaiting_checkpoint');
    const card = renderer.render('checkpoint', checkpointView(task, stepOf(task, 's3'), catalogue));
    const all = stringsIn(card)
      .map((s) => s.text)
      .join('\n');
    // ${1+1} → "2", ${if(true, 'yes', 'no')} → "yes", ${'$'}{x} → "${x}", ${taskId} → "T0101".
    expect(all).not.toMatch(/costs 2 /);
    expect(all).not.toMatch(/\nyes /);
    expect(all).not.toMatch(/(^|[^'])\$\{x\} costs/);
    expect(all).toContain('\\${x} ${taskId}');
  });
});
