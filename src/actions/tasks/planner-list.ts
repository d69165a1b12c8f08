import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { userRoot } from '../common/keys';
import {
  findPlan,
  listBuckets,
  listPlans,
  listPlanTasks,
  type GraphBucket,
  type GraphPlannerTask,
} from './planner-graph';
import { plannerTaskSummary, summariseTasks, type PlannerTaskSummary } from './planner-summary';

export const plannerListInput = z.object({
  /** A plan's title or id; without it, the tasks assigned to the requester across their plans. */
  plan: z.string().min(1).optional(),
  includeCompleted: z.boolean().default(false),
  top: z.number().int().min(1).max(200).default(50),
});
export type PlannerListInput = z.infer<typeof plannerListInput>;

export const plannerListOutput = z.object({
  plans: z.array(z.object({ id: z.string(), title: z.string() })),
  buckets: z.array(z.object({ id: z.string(), name: z.string(), planId: z.string() })),
  tasks: z.array(plannerTaskSummary),
  count: z.number().int(),
  /** One sentence for the requester (the result card shows it). */
  answer: z.string(),
});
export type PlannerListOutput = z.infer<typeof plannerListOutput>;

/** Open tasks first, by due date (undated last), then title. */
function byDue(a: GraphPlannerTask, b: GraphPlannerTask): number {
  const due = (t: GraphPlannerTask): string => t.dueDateTime ?? '9999';
  return due(a).localeCompare(due(b)) || a.title.localeCompare(b.title);
}

/** How many tasks an answer names before "and N more". */
const NAMED = 8;

function plannerAnswer(tasks: readonly PlannerTaskSummary[], where: string): string {
  if (tasks.length === 0) return `No open tasks ${where}.`;
  const line = (t: PlannerTaskSummary): string => {
    const bits = [
      t.dueDateTime ? `due ${t.dueDateTime.slice(0, 10)}` : '',
      t.assignees.map((a) => a.name).join(' and '),
      t.percentComplete > 0 ? `${t.percentComplete}%` : '',
    ].filter(Boolean);
    return bits.length > 0 ? `${t.title} (${bits.join(', ')})` : t.title;
  };
  const more = tasks.length > NAMED ? ` and ${tasks.length - NAMED} more` : '';
  return `${tasks.length} open task${tasks.length === 1 ? '' : 's'} ${where}: ${tasks.slice(0, NAMED).map(line).join('; ')}${more}.`;
}

export function plannerListTasks(gateway: GraphGateway): ActionSpec<PlannerListInput, PlannerListOutput> {
  return {
    name: 'planner.listTasks',
    description:
      "List Planner tasks: those of one plan (by title or id, with its buckets) or, without a plan, the tasks assigned to the requester across their plans. Open tasks only unless includeCompleted. Each task has its plan, bucket, progress, due date and assignees' names.",
    input: plannerListInput,
    output: plannerListOutput,
    risk: 'read',
    // Graph: a user's plans (/users/{id}/planner/plans) cannot be listed by an application.
    permissions: { delegated: ['Tasks.Read', 'User.ReadBasic.All'], application: [] },
    editable: [],
    describe(input) {
      const which = input.plan === undefined ? 'Your Planner tasks' : `Tasks in the ${display(input.plan)} plan`;
      return {
        title: `List ${which.charAt(0).toLowerCase()}${which.slice(1)}`,
        target: which,
        reads: which,
        fields: [{ label: 'Plan', value: display(input.plan) || 'All your plans' }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const plans =
        input.plan === undefined
          ? await listPlans(graph, ctx.actor.id, ctx.signal)
          : [await findPlan(graph, ctx.actor.id, input.plan, ctx.signal)];
      let buckets: GraphBucket[] = [];
      let tasks: GraphPlannerTask[];
      if (input.plan === undefined) {
        tasks = await graph.getAll<GraphPlannerTask>(`${userRoot(ctx.actor.id)}/planner/tasks`, {
          maxPages: 3,
          signal: ctx.signal,
          what: 'your tasks',
        });
      } else {
        const plan = plans[0]!;
        [buckets, tasks] = await Promise.all([
          listBuckets(graph, plan.id, ctx.signal),
          listPlanTasks(graph, plan.id, ctx.signal),
        ]);
      }
      const open = tasks
        .filter((t) => input.includeCompleted || (t.percentComplete ?? 0) < 100)
        .sort(byDue)
        .slice(0, input.top);
      const summaries = await summariseTasks(graph, open, plans, buckets, ctx.signal);
      return {
        output: {
          plans: plans.map((p) => ({ id: p.id, title: p.title })),
          buckets: buckets.map((b) => ({ id: b.id, name: b.name, planId: b.planId })),
          tasks: summaries,
          count: summaries.length,
          answer: plannerAnswer(
            summaries,
            input.plan === undefined ? 'assigned to you' : `in ${plans[0]?.title ?? input.plan}`,
          ),
        },
        provenance: summaries.map((t) => t.id),
        sources: summaries.map((t) => ({ id: t.id, title: t.title })),
      };
    },
  };
}
