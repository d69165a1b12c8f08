import type { GraphPort } from '../../graph/types';
import { listPlanTasks, taskPath, type GraphPlannerTask } from './planner-graph';

/**
 * The line that ties a Planner task to the step that created it. Planner has no client
 * transaction id, so the key travels in the task's description, written in the same request
 * as the task (details are accepted on create), and a retry looks for it before creating again.
 */
export function keyLine(key: string): string {
  return `(Added by Delegate · ref ${key})`;
}

/** The description to store: what the requester wrote, then the key line. */
export function describedWithKey(description: string | undefined, key: string): string {
  return description ? `${description}\n\n${keyLine(key)}` : keyLine(key);
}

/**
 * A task of this plan that an earlier attempt of the step created: same title, created by the
 * requester, carrying the key line. Only those few candidates' details are read.
 */
export async function findCreated(
  graph: GraphPort,
  planId: string,
  title: string,
  actorId: string,
  key: string,
  signal?: AbortSignal,
): Promise<GraphPlannerTask | undefined> {
  const candidates = (await listPlanTasks(graph, planId, signal)).filter(
    (t) => t.title === title && t.createdBy?.user?.id === actorId,
  );
  if (candidates.length === 0) return undefined;
  const details = await graph.batch<{ description?: string | null }>(
    candidates.map((t) => ({ url: `${taskPath(t.id)}/details` })),
    { signal, what: 'the plan' },
  );
  const line = keyLine(key);
  return candidates.find((_, i) =>
    (details[i]?.status === 200 ? (details[i]?.body.description ?? '') : '').includes(line),
  );
}
