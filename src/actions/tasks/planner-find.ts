import { DelegateError } from '../../engine/errors';
import type { GraphPort } from '../../graph/types';
import { userRoot } from '../common/keys';
import { findPlan, listPlanTasks, type GraphPlannerTask } from './planner-graph';

/**
 * The one task called `title` (case-insensitive; open tasks first) in a plan, or among the
 * tasks assigned to the requester when no plan is named. None or several is the requester's
 * to settle, so it comes back as a user-input error naming what was found.
 */
export async function findTaskByTitle(
  graph: GraphPort,
  actorId: string,
  title: string,
  plan: string | undefined,
  signal?: AbortSignal,
): Promise<GraphPlannerTask> {
  const where = plan === undefined ? 'your Planner tasks' : `the ${plan} plan`;
  const tasks =
    plan === undefined
      ? await graph.getAll<GraphPlannerTask>(`${userRoot(actorId)}/planner/tasks`, {
          maxPages: 3,
          signal,
          what: 'your tasks',
        })
      : await listPlanTasks(graph, (await findPlan(graph, actorId, plan, signal)).id, signal);
  const wanted = title.trim().toLowerCase();
  const named = tasks.filter((t) => t.title.trim().toLowerCase() === wanted);
  const open = named.filter((t) => (t.percentComplete ?? 0) < 100);
  const matches = open.length > 0 ? open : named;
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new DelegateError(
      'user_input',
      'task_ambiguous',
      `There are ${matches.length} open tasks called "${title}" in ${where}. Open the one you mean in Planner, or rename one.`,
    );
  }
  throw new DelegateError('user_input', 'task_not_found', `I couldn't find a task called "${title}" in ${where}.`);
}
