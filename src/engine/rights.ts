import type { Task } from './model';

/**
 * Who may decide on a task at all (pause, resume, cancel, the plan): its requester, its owner and
 * its approvers. Approving and editing steps is narrower: see {@link mayApprove}.
 */
export function mayDecide(task: Task, actor: string): boolean {
  return actor === task.owner || actor === task.requester.id || task.approvers.includes(actor);
}

/**
 * Who may approve a step: the requester (unless the step forbids it) and the approvers. An owner
 * the requester handed the task to runs it (pause, resume, cancel) but is no approver by that,
 * or the requester could appoint their own approver.
 */
export function mayApprove(task: Task, actor: string): boolean {
  return actor === task.requester.id || task.approvers.includes(actor);
}

/** Where someone asks about a task from, and who will see the answer. */
export interface Vantage {
  /** Who asks: the Entra object id from the activity, never from card data or text. */
  readonly actor: string;
  /** The conversation the request comes from (its base id, without a thread's message id). */
  readonly conversationId: string;
  /**
   * Who sees the answer: a typed command's reply in a channel or group chat is read by everyone
   * there (`shared-chat`); in a personal chat by the actor alone (`personal-chat`); a card click
   * is answered with the refreshed card for the clicker (`card`).
   */
  readonly via: 'shared-chat' | 'personal-chat' | 'card';
  /** A policy admin reading an audit, who may see any task from their personal chat. */
  readonly admin?: boolean;
}

/**
 * Who may see a task: anyone in the conversation the task lives in. Elsewhere, a typed command in
 * a channel or group chat shows no other conversation's task (everyone there would read it); one
 * in a personal chat shows the actor's own tasks (requested or owned), or any to an admin; a card
 * click shows the task to those involved in it (requester, owner, approvers, followers). Card
 * data names the task, so it is never enough alone.
 */
export function maySee(task: Task, from: Vantage): boolean {
  if (task.scope.conversationId === from.conversationId) return true;
  switch (from.via) {
    case 'shared-chat':
      return false;
    case 'personal-chat':
      return task.requester.id === from.actor || task.owner === from.actor || from.admin === true;
    case 'card':
      return mayDecide(task, from.actor) || (task.watchers ?? []).includes(from.actor);
  }
}
