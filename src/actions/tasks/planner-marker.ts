import type { GraphPort } from '../../graph/types';
import { listPlanTasks, taskPath, type GraphPlannerTask } from './planner-graph';

/** How far back a task without its key line may have been created by an interrupted attempt. */
const UNFINISHED_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Write the description (with the key line) on a task's details, with the etag Planner asks for. */
export async function writeDetails(
  graph: GraphPort,
  taskId: string,
  description: string,
  signal?: AbortSignal,
): Promise<void> {
  const details = await graph.get<{ '@odata.etag'?: string }>(`${taskPath(taskId)}/details`, undefined, {
    signal,
    what: 'the task',
  });
  await graph.patch(
    `${taskPath(taskId)}/details`,
    { description, previewType: 'description' },
    { headers: { 'If-Match': details['@odata.etag'] ?? '*' }, signal, what: 'the task' },
  );
}

/**
 * The line that ties a Planner task to the step that created it. Planner has no client
 * transaction id, so the key travels in the task's description. The v1.0 create request does
 * not document `details`, so the task is created first and its details PATCHed right after
 * (with the If-Match Planner requires); a retry looks for the key before creating again, and
 * finishes a task whose details an interrupted attempt never wrote.
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
 * requester, carrying the key line; `unfinished` when an attempt stopped between creating the
 * task and writing its details (same title and creator, no description, created within the last
 * day: the newest such task). Only those few candidates' details are read.
 */
export async function findCreated(
  graph: GraphPort,
  planId: string,
  title: string,
  actorId: string,
  key: string,
  signal?: AbortSignal,
  now: Date = new Date(),
): Promise<{ readonly task: GraphPlannerTask; readonly unfinished: boolean } | undefined> {
  const candidates = (await listPlanTasks(graph, planId, signal)).filter(
    (t) => t.title === title && t.createdBy?.user?.id === actorId,
  );
  if (candidates.length === 0) return undefined;
  const details = await graph.batch<{ description?: string | null }>(
    candidates.map((t) => ({ url: `${taskPath(t.id)}/details` })),
    { signal, what: 'the plan' },
  );
  const line = keyLine(key);
  const description = (i: number) => (details[i]?.status === 200 ? (details[i]?.body.description ?? '') : undefined);
  const keyed = candidates.find((_, i) => description(i)?.includes(line));
  if (keyed) return { task: keyed, unfinished: false };
  const since = now.getTime() - UNFINISHED_WINDOW_MS;
  const unfinished = candidates
    .filter((t, i) => description(i) === '' && Date.parse(t.createdDateTime ?? '') >= since)
    .sort((a, b) => Date.parse(b.createdDateTime ?? '') - Date.parse(a.createdDateTime ?? ''))[0];
  return unfinished ? { task: unfinished, unfinished: true } : undefined;
}
