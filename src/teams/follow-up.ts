import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Catalogue } from '../engine/catalogue';
import type { Engine } from '../engine/engine';
import type { ReplanResult } from '../engine/engine-types';
import type { Task } from '../engine/model';
import type { Clock, Ids, Logger, AuditLedger, CardRefs } from '../engine/ports';
import { baseConversationId } from './activity';
import type { CardRenderer } from './cards';
import { replyWithTaskCard } from './task-card-reply';

export interface FollowUpDeps {
  readonly engine: Engine;
  readonly catalogue: Catalogue;
  readonly store: CardRefs & AuditLedger;
  readonly renderer: CardRenderer;
  readonly ids: Ids;
  readonly clock: Clock;
}

/** Words that open a change to the plan just shown: "make it 45 minutes", "cc Megan too", "send it to Adele instead". */
const CHANGE =
  /^(?:(?:actually|no|ok|okay|oh|and|also|sorry|wait|hmm|please|can\s+you|could\s+you)\b[\s,]*)*(?:make\s+it|change\s+(?:it|the)|move\s+it|call\s+it|name\s+it|rename\s+it|title\s+it|send\s+it|email\s+it|e-mail\s+it|forward\s+it|cc|copy|loop|add|invite|with|to|at|on|for|instead|subject|shorter|longer)\b/i;
const CHANGE_AT_END = /\b(?:instead|too|as\s+well)\s*[.!]?$/i;
/** Longer than this, a message is a request of its own rather than a follow-up. */
const MAX_FOLLOW_UP_WORDS = 10;
/** A request of its own: it starts with a verb that asks for something new. */
const NEW_REQUEST =
  /^(?:please\s+)?(?:e-?mail|send|post|summari[sz]e|schedule|book|set\s+up|arrange|organi[sz]e|reply|forward|flag|archive|move|cancel|share|find|search|what(?:'?s)?|who(?:'?s)?|when(?:'?s)?|list|show|add|create|remind|ping|message|tell|let|ask|save|draft|invite|accept|decline|read|open|is|are|am|do|does|any)\b/i;
/** "send it to Megan", "post that in General": words about the task in question, not a new one. */
const REFERS_BACK = /\b(?:it|them|that|this|those|these)\b/i;

const words = (text: string): number => text.trim().split(/\s+/).filter(Boolean).length;

/** Whether `text`, typed right after a plan card, changes that plan rather than asking for something new. */
export function isPlanChange(text: string): boolean {
  if (words(text) > MAX_FOLLOW_UP_WORDS) return false;
  return CHANGE.test(text.trim()) || CHANGE_AT_END.test(text.trim());
}

/** Whether `text` answers the open question rather than being a new request. */
function isAnswer(text: string, task: Task): boolean {
  const options = task.clarification?.options ?? [];
  if (options.some((option) => option.toLowerCase() === text.trim().toLowerCase())) return true;
  // "whats in my diary tmrw" after an unanswered question is a new request; "send it to Megan" answers it.
  const asksAnew = NEW_REQUEST.test(text.trim()) && !REFERS_BACK.test(text);
  return !(asksAnew && words(text) >= 3) && !(words(text) > 6 && NEW_REQUEST.test(text.trim()));
}

/**
 * The conversation continues: a message right after the planner's question answers it, and a
 * short change right after a plan card ("make it 45 minutes") revises that plan (a new plan
 * version, approved again). Looks at the requester's newest open task in this conversation;
 * returns false when the message is a new request, to be planned as one.
 */
export async function continueTask(
  deps: FollowUpDeps,
  context: TurnContext,
  actor: string,
  text: string,
  log: Logger,
): Promise<boolean> {
  const activity = context.activity;
  const [task] = await deps.engine.listTasks({
    requesterId: actor,
    conversationId: baseConversationId(activity.conversation.id),
    statuses: ['planning', 'awaiting_plan_approval'],
    limit: 1,
  });
  if (!task) return false;
  const decisionId = activity.id ?? deps.ids.uuid();
  let result: ReplanResult;
  if (task.status === 'planning' && task.clarification?.question && isAnswer(text, task)) {
    result = await deps.engine.answer({
      taskId: task.id,
      actor,
      planVersion: task.plan.version,
      answer: text,
      decisionId,
    });
  } else if (task.status === 'awaiting_plan_approval' && isPlanChange(text)) {
    result = await deps.engine.revise({
      taskId: task.id,
      actor,
      planVersion: task.plan.version,
      instruction: text,
      decisionId,
      followUp: true,
    });
  } else {
    return false;
  }
  if (result.kind === 'stale' || result.kind === 'refused') return false;
  if (result.kind === 'unplannable') {
    await context.sendActivity(MessageFactory.text(result.message));
    return true;
  }
  await replyWithTaskCard(context, result.task, deps);
  log.info({ taskId: result.task.id, planVersion: result.task.plan.version }, 'task continued from the chat');
  return true;
}
