import { jsonBody, noContent, ok, type RequestContext } from '../context';
import { badRequest } from '../errors';
import { checkIfMatch, requireBucket, requireDetails, requirePlan, requireTask } from './planner-access';
import { identity, nextEtag, type PlannerTask } from './planner-model';
import { saveDetails, saveTask } from './planner-task-create';
import { applyAssignments, completion, readInstant, readPercent, readText, writer } from './planner-write';

/** Properties of a task a PATCH may change; anything else is refused like Planner does. */
const WRITABLE = new Set([
  'title',
  'bucketId',
  'percentComplete',
  'dueDateTime',
  'startDateTime',
  'assignments',
  'priority',
  'orderHint',
  'appliedCategories',
  'assigneePriority',
]);

/** Planner answers 204 unless the client asks for the item back. */
function answer(ctx: RequestContext, body: Record<string, unknown>) {
  return /return=representation/i.test(ctx.headers.prefer ?? '') ? ok(body) : noContent();
}

/** PATCH /planner/tasks/{id} with If-Match (400 without, 412 when stale). */
export function updateTask(ctx: RequestContext) {
  const task = requireTask(ctx, ctx.params.task ?? '');
  checkIfMatch(ctx, task['@odata.etag']);
  const body = jsonBody(ctx);
  const unknown = Object.keys(body).find((k) => !WRITABLE.has(k) && !k.startsWith('@odata'));
  if (unknown) throw badRequest(`The property '${unknown}' cannot be updated.`, 'BadRequest');
  const plan = requirePlan(ctx, task.planId);
  const who = writer(ctx);
  const percent = readPercent(body.percentComplete);
  const bucketId =
    typeof body.bucketId === 'string' ? requireBucket(ctx, task.planId, body.bucketId).id : task.bucketId;
  const due = readInstant(body.dueDateTime, 'dueDateTime');
  const start = readInstant(body.startDateTime, 'startDateTime');
  const next: PlannerTask = {
    ...task,
    '@odata.etag': nextEtag(task.id, task['@odata.etag']),
    title: readText(body.title, 'title', 255) ?? task.title,
    bucketId,
    priority: typeof body.priority === 'number' ? body.priority : task.priority,
    dueDateTime: due === undefined ? task.dueDateTime : due,
    startDateTime: start === undefined ? task.startDateTime : start,
    ...(percent === undefined ? {} : completion(task, percent, who, ctx.now)),
    assignments: applyAssignments(task.assignments, body.assignments, plan.owner, identity(who), ctx.now),
  };
  saveTask(ctx, next);
  return answer(ctx, { '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks/$entity`, ...next });
}

/** PATCH /planner/tasks/{id}/details with If-Match: the description (and `hasDescription` on the task). */
export function updateDetails(ctx: RequestContext) {
  const taskId = ctx.params.task ?? '';
  const details = requireDetails(ctx, taskId);
  checkIfMatch(ctx, details['@odata.etag']);
  const body = jsonBody(ctx);
  const description = readText(body.description, 'description', 32_000);
  const next = {
    ...details,
    '@odata.etag': nextEtag(details.id, details['@odata.etag']),
    description: description ?? details.description,
  };
  const task = requireTask(ctx, taskId);
  ctx.store.transaction(() => {
    saveDetails(ctx, next);
    saveTask(ctx, {
      ...task,
      '@odata.etag': nextEtag(task.id, task['@odata.etag']),
      hasDescription: next.description.length > 0,
    });
  });
  return answer(ctx, {
    '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks('${taskId}')/details/$entity`,
    ...next,
  });
}
