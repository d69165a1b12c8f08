import { z } from 'zod';
import type { ActionContext, ActionSpec } from '../../engine/catalogue';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { display } from '../common/display';
import { isoInstant } from '../common/schemas';
import { toGraphDateTime } from '../common/time';
import { findList, tasksPath, type GraphTodoTask } from './todo-graph';

export const todoCreateInput = z.object({
  /** A list's name or id; the default "Tasks" list when absent. */
  list: z.string().min(1).optional(),
  title: z.string().min(1).max(255),
  dueDateTime: isoInstant.optional(),
  note: z.string().max(4000).optional(),
});
export type TodoCreateInput = z.infer<typeof todoCreateInput>;

export const todoCreateOutput = z.object({ taskId: z.string(), listId: z.string(), title: z.string() });
export type TodoCreateOutput = z.infer<typeof todoCreateOutput>;

/** The application name on the linked resource that carries the step's key. */
const APP = 'Delegate';

/**
 * A task of this list that an earlier attempt created. To Do keeps an app's own id on a task's
 * `linkedResources` (externalId), which is exactly what reconciliation needs.
 */
async function findCreated(graph: GraphPort, path: string, ctx: ActionContext): Promise<GraphTodoTask | undefined> {
  const tasks = await graph.getAll<GraphTodoTask>(path, {
    maxPages: 5,
    query: { $top: 100, $expand: 'linkedResources' },
    signal: ctx.signal,
    what: 'your To Do list',
  });
  return tasks.find((t) =>
    (t.linkedResources ?? []).some((r) => r.applicationName === APP && r.externalId === ctx.idempotencyKey),
  );
}

export function todoCreateTask(gateway: GraphGateway): ActionSpec<TodoCreateInput, TodoCreateOutput> {
  return {
    name: 'todo.createTask',
    description:
      "Add a task to one of the requester's own Microsoft To Do lists (by name; the default Tasks list when none is given), with an optional due date and note. Adds exactly one task per step, even when retried.",
    input: todoCreateInput,
    output: todoCreateOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Tasks.ReadWrite'], application: ['Tasks.ReadWrite.All'] },
    literalFields: ['list'],
    editable: [
      { name: 'title', label: 'Task', kind: 'text' },
      { name: 'dueDateTime', label: 'Due', kind: 'datetime' },
      { name: 'note', label: 'Note', kind: 'multiline' },
    ],
    describe(input) {
      const list = display(input.list) || 'Tasks';
      return {
        title: `Add "${display(input.title)}" to your To Do list ${list}`,
        target: `Your ${list} list`,
        reads: 'Your To Do lists',
        fields: [
          { label: 'List', value: list },
          { label: 'Task', value: display(input.title) },
          {
            label: 'Due',
            value:
              typeof input.dueDateTime === 'string'
                ? input.dueDateTime.slice(0, 10)
                : display(input.dueDateTime) || 'No due date',
          },
          ...(input.note === undefined ? [] : [{ label: 'Note', value: display(input.note) }]),
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const list = await findList(graph, ctx.actor.id, input.list, ctx.signal);
      const path = tasksPath(ctx.actor.id, list.id);
      const existing = ctx.attempt > 1 ? await findCreated(graph, path, ctx) : undefined;
      const task =
        existing ??
        (await graph.post<GraphTodoTask>(
          path,
          {
            title: input.title,
            ...(input.dueDateTime ? { dueDateTime: toGraphDateTime(input.dueDateTime, 'UTC') } : {}),
            ...(input.note ? { body: { content: input.note, contentType: 'text' } } : {}),
            linkedResources: [
              { applicationName: APP, externalId: ctx.idempotencyKey, displayName: 'Added by Delegate' },
            ],
          },
          { signal: ctx.signal, what: 'your To Do list' },
        ));
      return { output: { taskId: task.id, listId: list.id, title: task.title }, provenance: [] };
    },
  };
}
