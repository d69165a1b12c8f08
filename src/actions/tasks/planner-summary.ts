import { z } from 'zod';
import type { GraphPort } from '../../graph/types';
import { namesById } from './people-ids';
import { assigneeIds, type GraphBucket, type GraphPlan, type GraphPlannerTask } from './planner-graph';

/** A Planner task as the task actions pass it on. */
export const plannerTaskSummary = z.object({
  id: z.string(),
  title: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  bucket: z.string(),
  percentComplete: z.number(),
  dueDateTime: z.string().nullable(),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PlannerTaskSummary = z.infer<typeof plannerTaskSummary>;

/** Tasks with their plan's title, bucket name and assignees' names (looked up once per person). */
export async function summariseTasks(
  graph: GraphPort,
  tasks: readonly GraphPlannerTask[],
  plans: readonly GraphPlan[],
  buckets: readonly GraphBucket[],
  signal?: AbortSignal,
): Promise<PlannerTaskSummary[]> {
  const ids = [...new Set(tasks.flatMap(assigneeIds))];
  const people = await namesById(graph, ids, signal);
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));
  const bucketName = new Map(buckets.map((b) => [b.id, b.name]));
  return tasks.map((task) => ({
    id: task.id,
    title: task.title,
    planId: task.planId,
    planTitle: planTitle.get(task.planId) ?? '',
    bucket: (task.bucketId && bucketName.get(task.bucketId)) || '',
    percentComplete: task.percentComplete ?? 0,
    dueDateTime: task.dueDateTime ?? null,
    assignees: assigneeIds(task).map((id) => ({ id, name: people.get(id) ?? id })),
  }));
}
