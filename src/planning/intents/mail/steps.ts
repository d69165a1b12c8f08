import type { StepDraft } from '../../../engine/ports';
import { ref } from '../../actions';

/** The mail actions the rule planner proposes, as their inputs are declared in src/actions/mail. */

/** Step: find mail (mail.search); absent criteria are left out. */
export function searchMail(criteria: Readonly<Record<string, unknown>>, why: string): StepDraft {
  const input = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
  return { action: 'mail.search', input, rationale: why };
}

/** Step: reply to the newest message step `searchStep` found, to its sender (and, for reply all, everyone else step `readStep` saw). */
export function replyToFound(
  searchStep: number,
  comment: string,
  replyAll: { readStep: number } | undefined,
  why: string,
): StepDraft {
  return {
    action: 'mail.reply',
    input: {
      messageId: ref(searchStep, 'messages.0.id'),
      to: [ref(searchStep, 'messages.0.from')],
      ...(replyAll ? { replyAll: true, cc: ref(replyAll.readStep, 'others') } : {}),
      comment,
      subject: ref(searchStep, 'messages.0.subject'),
    },
    rationale: why,
  };
}

/** Step: read one found message (for the people reply all reaches). */
export function readFound(searchStep: number, why: string): StepDraft {
  return { action: 'mail.read', input: { messageId: ref(searchStep, 'messages.0.id') }, rationale: why };
}

/** Step: forward the newest message step `searchStep` found. */
export function forwardFound(
  searchStep: number,
  to: readonly string[],
  comment: string | undefined,
  why: string,
): StepDraft {
  return {
    action: 'mail.forward',
    input: {
      messageId: ref(searchStep, 'messages.0.id'),
      to: [...to],
      ...(comment ? { comment } : {}),
      subject: ref(searchStep, 'messages.0.subject'),
    },
    rationale: why,
  };
}

/** Step: change the flag and/or read state of everything step `searchStep` found. */
export function updateFound(searchStep: number, change: { flag?: string; isRead?: boolean }, why: string): StepDraft {
  return { action: 'mail.update', input: { messageIds: ref(searchStep, 'ids'), ...change }, rationale: why };
}

/** Step: move everything step `searchStep` found to a folder. */
export function moveFound(searchStep: number, folder: string, why: string): StepDraft {
  return { action: 'mail.move', input: { messageIds: ref(searchStep, 'ids'), folder }, rationale: why };
}

/** Step: summarise the thread of the newest message step `searchStep` found. */
export function summariseThreadOf(searchStep: number, why: string): StepDraft {
  return {
    action: 'mail.summariseThread',
    input: { messageId: ref(searchStep, 'messages.0.id'), subject: ref(searchStep, 'messages.0.subject') },
    rationale: why,
  };
}
