import type { RequestContext } from '../context';
import { findUser, SANDBOX_DIRECTORY, type SandboxUser } from '../directory';
import { badRequest } from '../errors';
import { groupMembers } from './planner-access';
import { identity, plannerTime, type PlannerAssignment, type PlannerTask, type UserIdentity } from './planner-model';

/** Who a write is recorded as: the signed-in user, or the application. */
export function writer(ctx: RequestContext): { id: string; displayName: string } {
  return ctx.caller.kind === 'user' ? ctx.caller.user : SANDBOX_DIRECTORY.app;
}

/** An ISO instant from a body, normalised to Planner's `…Z` form; null clears it. */
export function readInstant(value: unknown, field: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const date = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw badRequest(`The value of '${field}' is not a valid DateTimeOffset.`, 'BadRequest');
  return plannerTime(date);
}

/** `percentComplete` from a body: an integer from 0 to 100. */
export function readPercent(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw badRequest("The value of 'percentComplete' must be an integer between 0 and 100.", 'BadRequest');
  }
  return value;
}

function assignee(userId: string, groupId: string): SandboxUser {
  const user = findUser(userId);
  if (!user || user.id !== userId.toLowerCase())
    throw badRequest(`The assignment key '${userId}' is not a valid user id.`, 'BadRequest');
  if (!groupMembers(groupId)?.includes(user.id))
    throw badRequest(`User ${userId} is not a member of the group that owns the plan.`, 'BadRequest');
  return user;
}

/**
 * Apply an `assignments` map from a body to the current one: an object entry assigns the user
 * (keeping an existing assignment as it was), `null` unassigns. Keys are user ids.
 */
export function applyAssignments(
  current: Readonly<Record<string, PlannerAssignment>>,
  value: unknown,
  groupId: string,
  by: UserIdentity,
  now: Date,
): Record<string, PlannerAssignment> {
  if (value === undefined) return { ...current };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest("The value of 'assignments' is not valid.", 'BadRequest');
  const out: Record<string, PlannerAssignment> = { ...current };
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const user = assignee(key, groupId);
    if (entry === null) {
      delete out[user.id];
      continue;
    }
    const type = (entry as { '@odata.type'?: unknown })['@odata.type'];
    if (typeof entry !== 'object' || type !== '#microsoft.graph.plannerAssignment') {
      throw badRequest("An assignment needs '@odata.type': '#microsoft.graph.plannerAssignment'.", 'BadRequest');
    }
    out[user.id] = current[user.id] ?? {
      '@odata.type': '#microsoft.graph.plannerAssignment',
      assignedDateTime: plannerTime(now),
      orderHint: '8585269235419181709',
      assignedBy: by,
    };
  }
  return out;
}

/** The completion fields that follow `percentComplete` (Planner sets them itself). */
export function completion(
  task: Pick<PlannerTask, 'percentComplete' | 'completedDateTime' | 'completedBy'>,
  percent: number,
  by: { id: string; displayName: string },
  now: Date,
): Pick<PlannerTask, 'percentComplete' | 'completedDateTime' | 'completedBy'> {
  if (percent < 100) return { percentComplete: percent, completedDateTime: null, completedBy: null };
  if (task.percentComplete === 100)
    return { percentComplete: 100, completedDateTime: task.completedDateTime, completedBy: task.completedBy };
  return { percentComplete: 100, completedDateTime: plannerTime(now), completedBy: identity(by) };
}

/** A text property from a body (title, description), trimmed of nothing, bounded like Planner. */
export function readText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw badRequest(`The value of '${field}' is not valid.`, 'BadRequest');
  return value;
}
