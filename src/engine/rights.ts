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
