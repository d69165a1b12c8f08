import { created, jsonBody, ok, type RequestContext } from '../context';
import { applyFilter, applyOrderBy, applySelect, checkSelect, collection, type PageRules } from '../odata/query';
import type { GraphType } from '../odata/properties';
import type { Router } from '../router';
import { requireList, requireTodoTask, saveTodoTask, todoOwner } from '../tasks/todo-access';
import { TODO_LIST, TODO_TASK, type TodoTask } from '../tasks/todo-model';
import { newTodoTask, patchTodoTask } from '../tasks/todo-write';
import { metadata } from './shared';

/** To Do pages like Outlook: `$top` with `$skip`. */
const TODO_PAGING: PageRules = { defaultTop: 100, maxTop: 1000, style: 'skip' };

function todoCollection(ctx: RequestContext, type: GraphType, items: readonly object[], context: string) {
  const select = ctx.query.get('$select');
  checkSelect(select, type);
  const rows = items.map((item) => ({ ...item }) as Record<string, unknown>);
  const filtered = applyOrderBy(
    applyFilter(rows, ctx.query.get('$filter'), 'invalidRequest'),
    ctx.query.get('$orderby'),
  );
  const shaped = filtered.map((row) => applySelect(row, select, type, ['id', '@odata.etag']));
  return ok(
    collection(shaped, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: TODO_PAGING,
      context: metadata(ctx, context),
    }),
  );
}

export function registerTodoRoutes(router: Router): void {
  router.get('/users/:user/todo/lists', (ctx) => {
    const owner = todoOwner(ctx);
    return todoCollection(
      ctx,
      'todoTaskList',
      ctx.store.listDocs(TODO_LIST, { owner: owner.id }),
      `users('${owner.id}')/todo/lists`,
    );
  });
  router.get('/users/:user/todo/lists/:list', (ctx) => {
    const owner = todoOwner(ctx);
    return ok({
      '@odata.context': metadata(ctx, `users('${owner.id}')/todo/lists/$entity`),
      ...applySelect({ ...requireList(ctx, owner) }, ctx.query.get('$select'), 'todoTaskList', ['id', '@odata.etag']),
    });
  });
  router.get('/users/:user/todo/lists/:list/tasks', (ctx) => {
    const owner = todoOwner(ctx);
    const list = requireList(ctx, owner);
    return todoCollection(
      ctx,
      'todoTask',
      ctx.store.listDocs(TODO_TASK, { parent: list.id }),
      `users('${owner.id}')/todo/lists('${list.id}')/tasks`,
    );
  });
  router.post('/users/:user/todo/lists/:list/tasks', (ctx) => {
    const owner = todoOwner(ctx);
    const list = requireList(ctx, owner);
    const task = newTodoTask(jsonBody(ctx), ctx.now);
    saveTodoTask(ctx, owner, list.id, task);
    return created({
      '@odata.context': metadata(ctx, `users('${owner.id}')/todo/lists('${list.id}')/tasks/$entity`),
      ...task,
    });
  });
  router.get('/users/:user/todo/lists/:list/tasks/:task', (ctx) => {
    const owner = todoOwner(ctx);
    const list = requireList(ctx, owner);
    return ok({
      '@odata.context': metadata(ctx, `users('${owner.id}')/todo/lists('${list.id}')/tasks/$entity`),
      ...applySelect({ ...requireTodoTask(ctx, list) }, ctx.query.get('$select'), 'todoTask', ['id', '@odata.etag']),
    });
  });
  router.patch('/users/:user/todo/lists/:list/tasks/:task', (ctx) => {
    const owner = todoOwner(ctx);
    const list = requireList(ctx, owner);
    const next: TodoTask = patchTodoTask(requireTodoTask(ctx, list), jsonBody(ctx), ctx.now);
    saveTodoTask(ctx, owner, list.id, next);
    return ok({
      '@odata.context': metadata(ctx, `users('${owner.id}')/todo/lists('${list.id}')/tasks/$entity`),
      ...next,
    });
  });
}
