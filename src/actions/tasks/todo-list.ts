import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { fromGraphDateTime } from '../common/time';
import { findList, tasksPath, type GraphTodoTask } from './todo-graph';

export const todoListInput = z.object({
  /** A list's name or id; the default "Tasks" list when absent. */
  list: z.string().min(1).optional(),
  includeCompleted: z.boolean().default(false),
  top: z.number().int().min(1).max(200).default(50),
});
export type TodoListInput = z.infer<typeof todoListInput>;

export const todoTaskSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  dueDateTime: z.string().nullable(),
});

export const todoListOutput = z.object({
  list: z.object({ id: z.string(), name: z.string() }),
  tasks: z.array(todoTaskSummary),
  count: z.number().int(),
  /** One sentence for the requester (the result card shows it). */
  answer: z.string(),
});
export type TodoListOutput = z.infer<typeof todoListOutput>;

export function todoListTasks(gateway: GraphGateway): ActionSpec<TodoListInput, TodoListOutput> {
  return {
    name: 'todo.listTasks',
    description:
      "List the requester's Microsoft To Do tasks in one list (by name; the default Tasks list when none is given). Open tasks only unless includeCompleted.",
    input: todoListInput,
    output: todoListOutput,
    risk: 'read',
    permissions: { delegated: ['Tasks.Read'], application: ['Tasks.Read.All'] },
    editable: [],
    describe(input) {
      const list = display(input.list) || 'Tasks';
      return {
        title: `List your To Do tasks in ${list}`,
        target: `Your ${list} list`,
        reads: `Your To Do list ${list}`,
        fields: [{ label: 'List', value: list }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const list = await findList(graph, ctx.actor.id, input.list, ctx.signal);
      const all = await graph.getAll<GraphTodoTask>(tasksPath(ctx.actor.id, list.id), {
        maxPages: 3,
        query: { $top: 100 },
        signal: ctx.signal,
        what: 'your To Do list',
      });
      const tasks = all
        .filter((t) => input.includeCompleted || t.status !== 'completed')
        .slice(0, input.top)
        .map((t) => ({
          id: t.id,
          title: t.title,
          status: t.status ?? 'notStarted',
          dueDateTime: t.dueDateTime ? fromGraphDateTime(t.dueDateTime) : null,
        }));
      const named = tasks.map((t) => (t.dueDateTime ? `${t.title} (due ${t.dueDateTime.slice(0, 10)})` : t.title));
      const answer =
        tasks.length === 0
          ? `Nothing open on ${list.displayName}.`
          : `${tasks.length} open on ${list.displayName}: ${named.join('; ')}.`;
      return {
        output: { list: { id: list.id, name: list.displayName }, tasks, count: tasks.length, answer },
        provenance: tasks.map((t) => t.id),
        sources: tasks.map((t) => ({ id: t.id, title: t.title })),
      };
    },
  };
}
