import type { PlanRequest, PlanResult } from '../engine/ports';
import { NEEDS_DAY, NEEDS_TIME } from './intents/calendar/move';
import { NO_FORWARD_TO, NO_REPLY_TEXT } from './intents/mail/wording';
import { NO_MAIL_TEXT } from './intents/mail/send-note';
import { NO_TEXT } from './intents/teams/wording';
import * as text from './messages';

/**
 * Questions that ask for one missing part of a request (a time, a recipient, the words to
 * send). They are asked as questions, so the task waits for the answer; the answer is then
 * joined to the request with the words that introduce that part, and the request re-planned.
 */
type Join = (outcome: string, answer: string) => string;

const LEADS = /^(?:to|at|on|with|for|in|saying|:)\b/i;
const joinWith =
  (connector: string): Join =>
  (outcome, answer) =>
    LEADS.test(answer) ? `${outcome} ${answer}` : `${outcome} ${connector} ${answer}`;

const SLOTS: ReadonlyMap<string, Join> = new Map<string, Join>([
  // "Move my 1:1 with Megan to Friday" + "3pm" → "… to Friday at 3pm"; "Move my 1:1" + "3pm" → "… to 3pm".
  [NEEDS_TIME, (outcome, answer) => joinWith(/\s(?:to|until|till)\s/i.test(outcome) ? 'at' : 'to')(outcome, answer)],
  // "Move the budget review to 4pm" + "Friday" → "… to 4pm Friday" (+ "on Friday" as typed).
  [NEEDS_DAY, (outcome, answer) => `${outcome} ${answer}`],
  [text.NO_RECIPIENT, joinWith('to')],
  [text.NO_ATTENDEES, joinWith('with')],
  [text.NO_CHANNEL, joinWith('to')],
  [NO_FORWARD_TO, joinWith('to')],
  [NO_TEXT, joinWith(':')],
  [NO_MAIL_TEXT, joinWith('saying')],
  [NO_REPLY_TEXT, joinWith('saying')],
]);

/** A refusal that asks for one missing part becomes a question the task waits on. */
export function slotQuestion(message: string): PlanResult | undefined {
  return SLOTS.has(message) ? { kind: 'question', question: message, options: [] } : undefined;
}

/** The request with the answers to its missing-part questions joined in, oldest first. */
export function withSlotAnswers(outcome: string, clarifications: PlanRequest['clarifications']): string {
  let joined = outcome;
  for (const { question, answer } of clarifications ?? []) {
    const join = SLOTS.get(question);
    const said = answer.trim().replace(/[.!]+$/, '');
    if (join && said) joined = join(joined, said);
  }
  return joined;
}
