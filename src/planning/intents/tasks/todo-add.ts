import type { DateTime } from 'luxon';
import { ok, refuse, type Result } from '../../result';
import { Phrase } from '../../text/phrase';
import { domainIntent } from '../domain';
import { findDue, type Due } from './due';
import { findTitle } from './title';

/** "Add 'buy printer paper' to my to do list", "put call the plumber on my Errands list due Friday". */
interface TodoAddSpec {
  readonly title: string;
  /** A named list; the default list when absent. */
  readonly list?: string;
  readonly due?: Due;
}

const VERB = /^(?:add|put|create|make|note)\s+(?:a\s+)?(?:new\s+)?(?:to-?\s?do\s+|task\s+|reminder\s+)?/;
/** "to my to do list", "on my to-dos", "to my Errands list", "in my tasks". */
const LIST =
  /\b(?:to|on|in|onto|into)\s+my\s+(?:(?!to-?\s?do)([^,;]+?)\s+list|to-?\s?do(?:\s+list|s)?|task\s+list|tasks)\b/;
const TITLE_STOP = /\s+(?:to|on|in|onto|into|due|by|before|for)\s+/;

export const NEED_TODO_TITLE = 'What should I add? For example: "Add \'buy printer paper\' to my to do list".';

function parse(clause: string, now: DateTime): Result<TodoAddSpec> | undefined {
  let phrase = new Phrase(clause);
  const verb = phrase.find(VERB);
  const list = phrase.find(LIST);
  if (!verb || verb.start !== 0 || !list) return undefined;
  phrase = phrase.mask(list.start, list.end);
  const title = findTitle(phrase, verb.end, TITLE_STOP) ?? findTitle(phrase, list.end, TITLE_STOP);
  if (!title) return refuse(NEED_TODO_TITLE);
  phrase = phrase.mask(title.start, title.end);
  const due = findDue(phrase, now);
  if (due && !due.due.ok) return due.due;
  const named = (list.raw(1) ?? '').trim();
  return ok({ title: title.text, ...(named ? { list: named } : {}), ...(due?.due.ok ? { due: due.due.value } : {}) });
}

export const todoAddIntent = domainIntent<TodoAddSpec>({
  name: 'tasks.todoAdd',
  parse,
  async build(spec) {
    const where = spec.list ? `your ${spec.list} list` : 'your To Do list';
    const when = spec.due ? `, due ${spec.due.label}` : '';
    return ok({
      title: `Add "${spec.title}" to ${where}${when}`,
      steps: [
        {
          action: 'todo.createTask',
          input: {
            title: spec.title,
            ...(spec.list ? { list: spec.list } : {}),
            ...(spec.due ? { dueDateTime: spec.due.iso } : {}),
          },
          rationale: `Add the task to ${where}${when}.`,
        },
      ],
    });
  },
});
