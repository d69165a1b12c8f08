import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import { DelegateError } from '../../engine/errors';
import type { GraphGateway } from '../../graph/types';
import { addressDestinations } from '../common/destinations';
import { display, displayList } from '../common/display';
import { isoInstant } from '../common/schemas';
import { toUtcIso } from '../common/time';
import { usersByKey } from './people-ids';
import { findPlan, listBuckets, type GraphPlannerTask } from './planner-graph';
import { describedWithKey, findCreated, writeDetails } from './planner-marker';

export const plannerCreateInput = z.object({
  /** The plan's title (e.g. "Spring launch") or id. */
  plan: z.string().min(1),
  /** A bucket's name in that plan; the plan's first bucket when absent. */
  bucket: z.string().min(1).optional(),
  title: z.string().min(1).max(255),
  /** Email addresses of the people to assign (members of the plan's group). */
  assignees: z.array(z.email()).max(11).default([]),
  dueDateTime: isoInstant.optional(),
  description: z.string().max(4000).optional(),
});
export type PlannerCreateInput = z.infer<typeof plannerCreateInput>;

export const plannerCreateOutput = z.object({
  taskId: z.string(),
  planId: z.string(),
  title: z.string(),
  assigneeIds: z.array(z.string()),
  dueDateTime: z.string().nullable(),
});
export type PlannerCreateOutput = z.infer<typeof plannerCreateOutput>;

const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } as const;

function due(input: Record<string, unknown>): string {
  return typeof input.dueDateTime === 'string' ? input.dueDateTime.slice(0, 10) : display(input.dueDateTime);
}

export function plannerCreateTask(gateway: GraphGateway): ActionSpec<PlannerCreateInput, PlannerCreateOutput> {
  return {
    name: 'planner.createTask',
    description:
      'Create a task in a Planner plan the requester belongs to (plan by title or id, optional bucket by name), assigned to people by email address, with an optional due date and description. Assignees are notified by Planner. Creates exactly one task per step, even when retried.',
    input: plannerCreateInput,
    output: plannerCreateOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Tasks.ReadWrite', 'User.ReadBasic.All'], application: [] },
    // Assignees hear about the task from Planner (mail, Teams activity): they are judged like recipients.
    destinations: (input) => addressDestinations(input, 'assignees', 'recipient'),
    literalFields: ['plan', 'bucket', 'assignees'],
    contentFields: ['title', 'description'],
    editable: [
      { name: 'title', label: 'Task', kind: 'text' },
      { name: 'dueDateTime', label: 'Due', kind: 'datetime' },
      { name: 'description', label: 'Notes', kind: 'multiline' },
    ],
    describe(input) {
      const who = displayList(input.assignees);
      return {
        title: `Add "${display(input.title)}" to the ${display(input.plan)} plan`,
        target: `${display(input.plan)}${input.bucket === undefined ? '' : ` › ${display(input.bucket)}`}`,
        reads: 'The plan and its buckets',
        fields: [
          { label: 'Plan', value: display(input.plan) },
          { label: 'Bucket', value: display(input.bucket) || 'The first bucket' },
          { label: 'Task', value: display(input.title) },
          { label: 'Assigned to', value: who.join(', ') || 'Nobody' },
          { label: 'Due', value: due(input) || 'No due date' },
          ...(input.description === undefined ? [] : [{ label: 'Notes', value: display(input.description) }]),
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const plan = await findPlan(graph, ctx.actor.id, input.plan, ctx.signal);
      const existing =
        ctx.attempt > 1
          ? await findCreated(graph, plan.id, input.title, ctx.actor.id, ctx.idempotencyKey, ctx.signal, ctx.now)
          : undefined;
      const description = describedWithKey(input.description, ctx.idempotencyKey);
      // An attempt that stopped after creating the task but before its details: finish it.
      if (existing?.unfinished) await writeDetails(graph, existing.task.id, description, ctx.signal);
      const task = existing?.task ?? (await create(input, plan.id, description));
      return {
        output: {
          taskId: task.id,
          planId: plan.id,
          title: task.title,
          assigneeIds: Object.keys(task.assignments ?? {}),
          dueDateTime: task.dueDateTime ?? null,
        },
        provenance: [],
      };

      async function create(values: PlannerCreateInput, planId: string, details: string): Promise<GraphPlannerTask> {
        const buckets = await listBuckets(graph, planId, ctx.signal);
        const bucket =
          values.bucket === undefined
            ? buckets[0]
            : buckets.find((b) => b.name.toLowerCase() === values.bucket?.toLowerCase());
        if (values.bucket !== undefined && !bucket) {
          throw new DelegateError(
            'user_input',
            'bucket_not_found',
            `The ${plan.title} plan has no bucket called "${values.bucket}" (it has ${buckets.map((b) => `"${b.name}"`).join(', ') || 'none'}).`,
          );
        }
        const people = await usersByKey(graph, values.assignees, ctx.signal);
        const created = await graph.post<GraphPlannerTask>(
          '/planner/tasks',
          {
            planId,
            ...(bucket ? { bucketId: bucket.id } : {}),
            title: values.title,
            assignments: Object.fromEntries(people.map((p) => [p.id, assignment])),
            ...(values.dueDateTime ? { dueDateTime: toUtcIso(values.dueDateTime) } : {}),
          },
          { signal: ctx.signal, what: 'the plan' },
        );
        // Details are not part of the documented v1.0 create: PATCHed once the task exists.
        await writeDetails(graph, created.id, details, ctx.signal);
        return created;
      }
    },
  };
}
