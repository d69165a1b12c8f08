import { mailboxOwner } from '../auth';
import { ok, type RequestContext } from '../context';
import { applyFilter, applyOrderBy, applySelect, checkSelect, collection, type PageRules } from '../odata/query';
import type { GraphType } from '../odata/properties';
import type { Router } from '../router';
import { groupsOf, requireDetails, requireGroup, requirePlan, requireTask } from '../tasks/planner-access';
import { BUCKET, PLAN, TASK, type PlannerPlan } from '../tasks/planner-model';
import { createTask } from '../tasks/planner-task-create';
import { updateDetails, updateTask } from '../tasks/planner-task-update';
import { metadata } from './shared';

/** Planner returns whole collections in practice; pages of 400 keep a runaway plan bounded. */
const PLANNER_PAGING: PageRules = { defaultTop: 400, maxTop: 400, style: 'skiptoken' };

/** A Planner collection with `$filter`, `$orderby`, `$select` and paging applied. */
function plannerCollection(ctx: RequestContext, type: GraphType, items: readonly object[], context: string) {
  const select = ctx.query.get('$select');
  checkSelect(select, type);
  const rows = items.map((item) => ({ ...item }) as Record<string, unknown>);
  const filtered = applyOrderBy(applyFilter(rows, ctx.query.get('$filter')), ctx.query.get('$orderby'));
  const shaped = filtered.map((row) => applySelect(row, select, type, ['id', '@odata.etag']));
  return ok(
    collection(shaped, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: PLANNER_PAGING,
      context: metadata(ctx, context),
    }),
  );
}

const entity = (ctx: RequestContext, type: GraphType, context: string, item: object) =>
  ok({
    '@odata.context': metadata(ctx, context),
    ...applySelect({ ...item } as Record<string, unknown>, ctx.query.get('$select'), type, ['id', '@odata.etag']),
  });

/** Plans of the groups a user belongs to (what `/me/planner/plans` lists). */
function userPlans(ctx: RequestContext) {
  const user = mailboxOwner(ctx);
  const plans = groupsOf(user.id).flatMap((g) => ctx.store.listDocs<PlannerPlan>(PLAN, { owner: g }));
  return plannerCollection(ctx, 'plannerPlan', plans, 'planner/plans');
}

/** Tasks assigned to a user, across the plans they can see. */
function userTasks(ctx: RequestContext) {
  const user = mailboxOwner(ctx);
  const plans = groupsOf(user.id).flatMap((g) => ctx.store.listDocs<PlannerPlan>(PLAN, { owner: g }));
  const tasks = plans.flatMap((p) =>
    ctx.store.listDocs<{ assignments: Record<string, unknown> }>(TASK, { parent: p.id }),
  );
  return plannerCollection(
    ctx,
    'plannerTask',
    tasks.filter((t) => user.id in t.assignments),
    'planner/tasks',
  );
}

export function registerPlannerRoutes(router: Router): void {
  router.get('/users/:user/planner/plans', userPlans);
  router.get('/users/:user/planner/tasks', userTasks);
  router.get('/groups/:group/planner/plans', (ctx) => {
    const group = ctx.params.group ?? '';
    requireGroup(ctx.caller, group);
    return plannerCollection(
      ctx,
      'plannerPlan',
      ctx.store.listDocs(PLAN, { owner: group.toLowerCase() }),
      'planner/plans',
    );
  });
  router.get('/planner/plans/:plan', (ctx) =>
    entity(ctx, 'plannerPlan', 'planner/plans/$entity', requirePlan(ctx, ctx.params.plan ?? '')),
  );
  router.get('/planner/plans/:plan/buckets', (ctx) => {
    const plan = requirePlan(ctx, ctx.params.plan ?? '');
    return plannerCollection(
      ctx,
      'plannerBucket',
      ctx.store.listDocs(BUCKET, { parent: plan.id }),
      `planner/plans('${plan.id}')/buckets`,
    );
  });
  router.get('/planner/plans/:plan/tasks', (ctx) => {
    const plan = requirePlan(ctx, ctx.params.plan ?? '');
    return plannerCollection(
      ctx,
      'plannerTask',
      ctx.store.listDocs(TASK, { parent: plan.id }),
      `planner/plans('${plan.id}')/tasks`,
    );
  });
  router.post('/planner/tasks', createTask);
  router.get('/planner/tasks/:task', (ctx) =>
    entity(ctx, 'plannerTask', 'planner/tasks/$entity', requireTask(ctx, ctx.params.task ?? '')),
  );
  router.patch('/planner/tasks/:task', updateTask);
  router.get('/planner/tasks/:task/details', (ctx) => {
    const id = ctx.params.task ?? '';
    return entity(ctx, 'plannerTaskDetails', `planner/tasks('${id}')/details/$entity`, requireDetails(ctx, id));
  });
  router.patch('/planner/tasks/:task/details', updateDetails);
}
