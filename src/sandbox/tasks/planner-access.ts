import type { Caller, RequestContext } from '../context';
import { SANDBOX_DIRECTORY, userByAlias } from '../directory';
import { GraphError, notFound } from '../errors';
import {
  BUCKET,
  DETAILS,
  PLAN,
  TASK,
  type PlannerBucket,
  type PlannerPlan,
  type PlannerTask,
  type PlannerTaskDetails,
} from './planner-model';

/**
 * The Microsoft 365 groups that can hold plans: the sandbox team's group (everyone) and a
 * small leadership group, so that "a plan you cannot see" exists and access is really checked.
 */
export const LEADERSHIP_GROUP = { id: '0b7e3c5a-9d1f-4e2b-8c6a-7f4d2e1b9a30', displayName: 'Leadership' } as const;

/** The members of a plan-holding group, or undefined for an unknown group. */
export function groupMembers(groupId: string): readonly string[] | undefined {
  const id = groupId.toLowerCase();
  if (id === SANDBOX_DIRECTORY.team.id) return SANDBOX_DIRECTORY.users.map((u) => u.id);
  if (id === LEADERSHIP_GROUP.id) return [userByAlias('pattif').id, userByAlias('adelev').id];
  return undefined;
}

/** The groups a user belongs to. */
export function groupsOf(userId: string): string[] {
  return [SANDBOX_DIRECTORY.team.id, LEADERSHIP_GROUP.id].filter((g) => groupMembers(g)?.includes(userId));
}

/** Planner's 403 for a plan in a group the caller is not a member of. */
const plannerForbidden = (): GraphError =>
  new GraphError(
    403,
    'Forbidden',
    'You do not have the required permissions to access this item, or the item may not exist.',
  );

/** Whether the caller may use plans in this group (the application may use any, with Tasks.ReadWrite.All). */
export function canUseGroup(caller: Caller, groupId: string): boolean {
  return caller.kind === 'app' || (groupMembers(groupId)?.includes(caller.user.id) ?? false);
}

/** A group's members check: 404 for an unknown group, 403 for a non-member. */
export function requireGroup(caller: Caller, groupId: string): void {
  if (!groupMembers(groupId))
    throw notFound(
      `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`,
      'Request_ResourceNotFound',
    );
  if (!canUseGroup(caller, groupId)) throw plannerForbidden();
}

/** A plan the caller may use, or Graph's 404 / 403. */
export function requirePlan(ctx: RequestContext, planId: string): PlannerPlan {
  const plan = ctx.store.getDoc<PlannerPlan>(PLAN, planId);
  if (!plan) throw notFound('The requested item is not found.', 'NotFound');
  if (!canUseGroup(ctx.caller, plan.owner)) throw plannerForbidden();
  return plan;
}

/** A task the caller may use (through its plan), or 404 / 403. */
export function requireTask(ctx: RequestContext, taskId: string): PlannerTask {
  const task = ctx.store.getDoc<PlannerTask>(TASK, taskId);
  if (!task) throw notFound('The requested item is not found.', 'NotFound');
  requirePlan(ctx, task.planId);
  return task;
}

/** A bucket of this plan, or a 400 as Planner answers a bucket from elsewhere. */
export function requireBucket(ctx: RequestContext, planId: string, bucketId: string): PlannerBucket {
  const bucket = ctx.store.getDoc<PlannerBucket>(BUCKET, bucketId);
  if (!bucket || bucket.planId !== planId)
    throw new GraphError(400, 'BadRequest', 'The bucket does not belong to the plan of the task.');
  return bucket;
}

/** A task's details (created with the task). */
export function requireDetails(ctx: RequestContext, taskId: string): PlannerTaskDetails {
  requireTask(ctx, taskId);
  const details = ctx.store.getDoc<PlannerTaskDetails>(DETAILS, taskId);
  if (!details) throw notFound('The requested item is not found.', 'NotFound');
  return details;
}

/** The If-Match check Planner makes on every update: 400 without one, 412 when stale. */
export function checkIfMatch(ctx: RequestContext, current: string): void {
  const given = ctx.headers['if-match'];
  if (!given)
    throw new GraphError(400, 'BadRequest', 'The If-Match header must be specified for this kind of request.');
  if (given !== '*' && given !== current) {
    throw new GraphError(
      412,
      'PreconditionFailed',
      'The precondition given in one of the request headers evaluated to false. The resource has changed since it was last read.',
    );
  }
}
