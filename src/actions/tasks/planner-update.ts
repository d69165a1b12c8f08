import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import { GraphError } from '../../graph/errors';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { addressDestinations } from '../common/destinations';
import { display, displayList } from '../common/display';
import { isoInstant } from '../common/schemas';
import { toUtcIso } from '../common/time';
import { usersByKey } from './people-ids';
import { findTaskByTitle } from './planner-find';
import { taskPath, type GraphPlannerTask } from './planner-graph';

export const plannerUpdateInput = z
  .object({
    /** The task's id; without it, the task is found by `title` in `plan` (or among the requester's tasks). */
    taskId: z.string().min(1).optional(),
    /** The task's title: shown on the card, and how the task is found when there is no id. */
    title: z.string().min(1).optional(),
    /** The plan's title or id, to find the task by title in. */
    plan: z.string().min(1).optional(),
    percentComplete: z.number().int().min(0).max(100).optional(),
    /** A new due date, or null to clear it. */
    dueDateTime: isoInstant.nullable().optional(),
    addAssignees: z.array(z.email()).max(11).default([]),
    removeAssignees: z.array(z.email()).max(11).default([]),
  })
  .refine((input) => input.taskId !== undefined || input.title !== undefined, {
    message: 'name the task: taskId, or title (and plan)',
  });
export type PlannerUpdateInput = z.infer<typeof plannerUpdateInput>;

export const plannerUpdateOutput = z.object({
  taskId: z.string(),
  percentComplete: z.number(),
  dueDateTime: z.string().nullable(),
  assigneeIds: z.array(z.string()),
});
export type PlannerUpdateOutput = z.infer<typeof plannerUpdateOutput>;

/** How often a change is re-read and re-sent when someone else keeps changing the task (412). */
const MAX_CONFLICTS = 3;

function changeOf(
  input: PlannerUpdateInput,
  add: readonly string[],
  remove: readonly string[],
): Record<string, unknown> {
  const assignments: Record<string, unknown> = {};
  for (const id of add) assignments[id] = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };
  for (const id of remove) assignments[id] = null;
  return {
    ...(input.percentComplete === undefined ? {} : { percentComplete: input.percentComplete }),
    ...(input.dueDateTime === undefined
      ? {}
      : { dueDateTime: input.dueDateTime === null ? null : toUtcIso(input.dueDateTime) }),
    ...(Object.keys(assignments).length > 0 ? { assignments } : {}),
  };
}

/**
 * PATCH with the etag just read; when Planner answers 412 (someone changed the task in
 * between), read it again and re-send. The change is absolute (set a value, add or remove an
 * assignee), so sending it again after an ambiguous failure does no harm.
 */
async function patchWithEtag(
  graph: GraphPort,
  taskId: string,
  change: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await graph.get<GraphPlannerTask>(
      taskPath(taskId),
      { $select: 'id,title' },
      { signal, what: 'the task' },
    );
    try {
      await graph.patch(taskPath(taskId), change, {
        headers: { 'If-Match': current['@odata.etag'] ?? '*' },
        signal,
        what: 'the task',
      });
      return;
    } catch (error) {
      if (!(error instanceof GraphError && error.status === 412) || attempt >= MAX_CONFLICTS) throw error;
    }
  }
}

export function plannerUpdateTask(gateway: GraphGateway): ActionSpec<PlannerUpdateInput, PlannerUpdateOutput> {
  return {
    name: 'planner.updateTask',
    description:
      'Update a Planner task, by id or by title (in a plan, or among the tasks assigned to the requester): progress (percentComplete 0–100; 100 completes it), due date (null clears it), and assignees to add or remove by email address. Safe against concurrent edits (re-reads the task when it changed).',
    input: plannerUpdateInput,
    output: plannerUpdateOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Tasks.ReadWrite', 'User.ReadBasic.All'], application: [] },
    destinations: (input) => addressDestinations(input, 'addAssignees', 'recipient'),
    literalFields: ['taskId', 'plan', 'addAssignees', 'removeAssignees'],
    editable: [
      { name: 'percentComplete', label: 'Progress (%)', kind: 'number' },
      { name: 'dueDateTime', label: 'Due', kind: 'datetime' },
    ],
    describe(input) {
      const name = display(input.title) || 'the task';
      const fields = [
        { label: 'Task', value: name },
        ...(input.plan === undefined ? [] : [{ label: 'Plan', value: display(input.plan) }]),
        ...(input.percentComplete === undefined
          ? []
          : [{ label: 'Progress', value: `${display(input.percentComplete)}%` }]),
        ...(input.dueDateTime === undefined
          ? []
          : [{ label: 'Due', value: input.dueDateTime === null ? 'No due date' : display(input.dueDateTime) }]),
        ...(displayList(input.addAssignees).length
          ? [{ label: 'Assign', value: displayList(input.addAssignees).join(', ') }]
          : []),
        ...(displayList(input.removeAssignees).length
          ? [{ label: 'Unassign', value: displayList(input.removeAssignees).join(', ') }]
          : []),
      ];
      return { title: `Update the Planner task "${name}"`, target: name, reads: 'The task', fields };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const [add, remove] = await Promise.all([
        usersByKey(graph, input.addAssignees, ctx.signal),
        usersByKey(graph, input.removeAssignees, ctx.signal),
      ]);
      const change = changeOf(
        input,
        add.map((p) => p.id),
        remove.map((p) => p.id),
      );
      if (Object.keys(change).length === 0)
        throw new DelegateError(
          'user_input',
          'nothing_to_change',
          'Tell me what to change on the task: progress, due date or assignees.',
        );
      const taskId =
        input.taskId ?? (await findTaskByTitle(graph, ctx.actor.id, input.title ?? '', input.plan, ctx.signal)).id;
      await patchWithEtag(graph, taskId, change, ctx.signal);
      const after = await graph.get<GraphPlannerTask>(taskPath(taskId), undefined, {
        signal: ctx.signal,
        what: 'the task',
      });
      return {
        output: {
          taskId: after.id,
          percentComplete: after.percentComplete ?? 0,
          dueDateTime: after.dueDateTime ?? null,
          assigneeIds: Object.keys(after.assignments ?? {}),
        },
        provenance: [after.id],
      };
    },
  };
}
