import { created, jsonBody, type RequestContext } from '../context';
import { badRequest, requireField } from '../errors';
import { requireBucket, requirePlan } from './planner-access';
import {
  DETAILS,
  identity,
  nextEtag,
  plannerId,
  plannerTime,
  TASK,
  type PlannerTask,
  type PlannerTaskDetails,
} from './planner-model';
import { applyAssignments, readInstant, readPercent, readText, writer } from './planner-write';

/** Keep a task where {@link listDocs} finds it: under its plan, in creation order. */
export function saveTask(ctx: RequestContext, task: PlannerTask): void {
  ctx.store.putDoc(TASK, task.id, task, { parent: task.planId, sort: `${task.createdDateTime}|${task.id}` });
}

export function saveDetails(ctx: RequestContext, details: PlannerTaskDetails): void {
  ctx.store.putDoc(DETAILS, details.id, details);
}

/**
 * POST /planner/tasks: a task in a plan the caller can use, with optional bucket, assignments,
 * dates, progress and — as Graph accepts in the same request — its `details` (description).
 */
export function createTask(ctx: RequestContext) {
  const body = jsonBody(ctx);
  const planId = requireField(typeof body.planId === 'string' ? body.planId : undefined, 'planId');
  const plan = requirePlan(ctx, planId);
  const title = requireField(readText(body.title, 'title', 255), 'title');
  const bucketId =
    typeof body.bucketId === 'string' && body.bucketId ? requireBucket(ctx, planId, body.bucketId).id : null;
  if (body.bucketId !== undefined && body.bucketId !== null && typeof body.bucketId !== 'string')
    throw badRequest("The value of 'bucketId' is not valid.");
  const who = writer(ctx);
  const by = identity(who);
  const percent = readPercent(body.percentComplete) ?? 0;
  const description =
    readText((body.details as { description?: unknown } | undefined)?.description, 'details/description', 32_000) ?? '';
  const id = plannerId();
  const now = plannerTime(ctx.now);
  const task: PlannerTask = {
    '@odata.etag': nextEtag(id),
    id,
    planId,
    bucketId,
    title,
    orderHint: '8585269235419181709P<',
    assigneePriority: '',
    percentComplete: percent,
    priority: typeof body.priority === 'number' ? body.priority : 5,
    startDateTime: readInstant(body.startDateTime, 'startDateTime') ?? null,
    createdDateTime: now,
    dueDateTime: readInstant(body.dueDateTime, 'dueDateTime') ?? null,
    hasDescription: description.length > 0,
    previewType: 'automatic',
    completedDateTime: percent === 100 ? now : null,
    completedBy: percent === 100 ? by : null,
    referenceCount: 0,
    checklistItemCount: 0,
    activeChecklistItemCount: 0,
    conversationThreadId: null,
    createdBy: by,
    appliedCategories: {},
    assignments: applyAssignments({}, body.assignments, plan.owner, by, ctx.now),
  };
  ctx.store.transaction(() => {
    saveTask(ctx, task);
    saveDetails(ctx, {
      '@odata.etag': nextEtag(`${id}/details`),
      id,
      description,
      previewType: 'automatic',
      references: {},
      checklist: {},
    });
  });
  return created({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks/$entity`, ...task });
}
