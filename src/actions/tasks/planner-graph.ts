import { DelegateError } from '../../engine/errors';
import type { GraphPort } from '../../graph/types';
import { userRoot } from '../common/keys';

/** The plan fields the actions read. */
export interface GraphPlan {
  readonly id: string;
  readonly title: string;
  readonly owner?: string;
}

/** The bucket fields the actions read. */
export interface GraphBucket {
  readonly id: string;
  readonly name: string;
  readonly planId: string;
}

/** The task fields the actions read. */
export interface GraphPlannerTask {
  readonly '@odata.etag'?: string;
  readonly id: string;
  readonly planId: string;
  readonly bucketId?: string | null;
  readonly title: string;
  readonly percentComplete?: number | null;
  readonly dueDateTime?: string | null;
  readonly createdBy?: { readonly user?: { readonly id?: string | null } | null } | null;
  readonly createdDateTime?: string | null;
  readonly assignments?: Readonly<Record<string, unknown>> | null;
}

/** Planner ids: 28 URL-safe base64 characters. */
const PLAN_ID = /^[A-Za-z0-9_-]{28}$/;

/** Plans are few per person; two pages is plenty. */
const PLAN_PAGES = 2;

/** The plans the requester can see (those of the groups they belong to). */
export function listPlans(graph: GraphPort, actorId: string, signal?: AbortSignal): Promise<GraphPlan[]> {
  return graph.getAll<GraphPlan>(`${userRoot(actorId)}/planner/plans`, {
    maxPages: PLAN_PAGES,
    signal,
    what: 'your plans',
  });
}

/**
 * A plan named by id or by title (case-insensitive) among the requester's plans. Unknown or
 * ambiguous names are the requester's to fix, so they come back as user-input errors.
 */
export async function findPlan(
  graph: GraphPort,
  actorId: string,
  plan: string,
  signal?: AbortSignal,
): Promise<GraphPlan> {
  const plans = await listPlans(graph, actorId, signal);
  const wanted = plan
    .trim()
    .toLowerCase()
    .replace(/\s+plan$/, '');
  const byId = plans.find((p) => p.id === plan.trim());
  if (byId) return byId;
  // An id that is not among the requester's plans: ask Planner, which answers 403 or 404 as it should.
  if (PLAN_ID.test(plan.trim()))
    return graph.get<GraphPlan>(planPath(plan.trim()), undefined, { signal, what: 'the plan' });
  const matches = plans.filter(
    (p) => p.title.toLowerCase() === wanted || p.title.toLowerCase() === plan.trim().toLowerCase(),
  );
  if (matches.length === 1 && matches[0]) return matches[0];
  const names = plans.map((p) => `"${p.title}"`).join(', ') || 'none';
  if (matches.length > 1) {
    throw new DelegateError(
      'user_input',
      'plan_ambiguous',
      `Several of your plans are called "${plan}". Use the plan's id instead.`,
    );
  }
  throw new DelegateError(
    'user_input',
    'plan_not_found',
    `I couldn't find a plan called "${plan}" among yours (${names}).`,
  );
}

export const planPath = (planId: string): string => `/planner/plans/${encodeURIComponent(planId)}`;
export const taskPath = (taskId: string): string => `/planner/tasks/${encodeURIComponent(taskId)}`;

/** A plan's buckets. */
export function listBuckets(graph: GraphPort, planId: string, signal?: AbortSignal): Promise<GraphBucket[]> {
  return graph.getAll<GraphBucket>(`${planPath(planId)}/buckets`, { maxPages: 1, signal, what: 'the plan' });
}

/** A plan's tasks (Planner answers a plan's tasks in one or two pages). */
export function listPlanTasks(graph: GraphPort, planId: string, signal?: AbortSignal): Promise<GraphPlannerTask[]> {
  return graph.getAll<GraphPlannerTask>(`${planPath(planId)}/tasks`, { maxPages: 3, signal, what: 'the plan' });
}

/** The user ids a task is assigned to. */
export const assigneeIds = (task: GraphPlannerTask): string[] => Object.keys(task.assignments ?? {});
