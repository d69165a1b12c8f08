import { mailboxOwner } from '../auth';
import type { RequestContext } from '../context';
import type { SandboxUser } from '../directory';
import { itemNotFound } from '../errors';
import { TODO_LIST, TODO_TASK, type TodoList, type TodoTask } from './todo-model';

/** The owner of `/users/{user}/todo`: one's own lists only, or any with the application (403 / 404 as Graph). */
export const todoOwner = (ctx: RequestContext): SandboxUser => mailboxOwner(ctx);

/** A list of the owner's, or 404. */
export function requireList(ctx: RequestContext, owner: SandboxUser): TodoList {
  const list = ctx.store.getDoc<TodoList>(TODO_LIST, ctx.params.list ?? '');
  if (!list || !ctx.store.listDocs<TodoList>(TODO_LIST, { owner: owner.id }).some((l) => l.id === list.id))
    throw itemNotFound();
  return list;
}

/** A task of that list, or 404. */
export function requireTodoTask(ctx: RequestContext, list: TodoList): TodoTask {
  const id = ctx.params.task ?? '';
  const task = ctx.store.listDocs<TodoTask>(TODO_TASK, { parent: list.id }).find((t) => t.id === id);
  if (!task) throw itemNotFound();
  return task;
}

/** Keep a task under its list and owner, in creation order. */
export function saveTodoTask(ctx: RequestContext, owner: SandboxUser, listId: string, task: TodoTask): void {
  ctx.store.putDoc(TODO_TASK, task.id, task, {
    owner: owner.id,
    parent: listId,
    sort: `${task.createdDateTime}|${task.id}`,
  });
}
