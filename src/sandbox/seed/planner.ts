import { SANDBOX_DIRECTORY, userByAlias } from '../directory';
import type { SandboxStore } from '../store/store';
import { LEADERSHIP_GROUP } from '../tasks/planner-access';
import {
  BUCKET,
  DETAILS,
  identity,
  nextEtag,
  PLAN,
  plannerId,
  plannerTime,
  TASK,
  type PlannerAssignment,
  type PlannerTask,
} from '../tasks/planner-model';
import { SEED_PLANS, type SeedPlan, type SeedTask } from '../tasks/planner-seed-data';
import { DAY } from '../time';

const startOfDay = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** Seed the plans, buckets and tasks of {@link SEED_PLANS}, with due dates relative to `now`. */
export function seedPlanner(store: SandboxStore, now: Date): void {
  for (const plan of SEED_PLANS) seedPlan(store, plan, now);
}

function seedPlan(store: SandboxStore, seed: SeedPlan, now: Date): void {
  const id = plannerId(`plan:${seed.key}`);
  const owner = seed.group === 'team' ? SANDBOX_DIRECTORY.team.id : LEADERSHIP_GROUP.id;
  const created = plannerTime(new Date(startOfDay(now) - 30 * DAY));
  store.putDoc(
    PLAN,
    id,
    {
      '@odata.etag': nextEtag(id),
      id,
      title: seed.title,
      owner,
      createdDateTime: created,
      createdBy: identity(userByAlias(seed.createdBy)),
      container: { containerId: owner, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${owner}` },
    },
    { owner, sort: seed.key },
  );
  const buckets = new Map(
    seed.buckets.map((name, i) => {
      const bucketId = plannerId(`bucket:${seed.key}:${name}`);
      store.putDoc(
        BUCKET,
        bucketId,
        { '@odata.etag': nextEtag(bucketId), id: bucketId, name, planId: id, orderHint: `85852${i} !` },
        { parent: id, sort: String(i) },
      );
      return [name, bucketId] as const;
    }),
  );
  seed.tasks.forEach((task, i) => seedTask(store, id, buckets.get(task.bucket) ?? null, task, now, i));
}

function seedTask(
  store: SandboxStore,
  planId: string,
  bucketId: string | null,
  seed: SeedTask,
  now: Date,
  index: number,
): void {
  const id = plannerId(`task:${planId}:${seed.title}`);
  const by = identity(userByAlias(seed.by));
  const createdDateTime = plannerTime(new Date(startOfDay(now) - (20 - index) * DAY + 9 * 3_600_000));
  const assignments: Record<string, PlannerAssignment> = Object.fromEntries(
    seed.assignees.map((alias) => [
      userByAlias(alias).id,
      {
        '@odata.type': '#microsoft.graph.plannerAssignment' as const,
        assignedDateTime: createdDateTime,
        orderHint: ' !',
        assignedBy: by,
      },
    ]),
  );
  const done = seed.percentComplete === 100;
  const task: PlannerTask = {
    '@odata.etag': nextEtag(id),
    id,
    planId,
    bucketId,
    title: seed.title,
    orderHint: `8585${index} !`,
    assigneePriority: '',
    percentComplete: seed.percentComplete,
    priority: 5,
    startDateTime: null,
    createdDateTime,
    dueDateTime: seed.dueInDays === null ? null : plannerTime(new Date(startOfDay(now) + seed.dueInDays * DAY)),
    hasDescription: seed.description.length > 0,
    previewType: 'automatic',
    completedDateTime: done ? createdDateTime : null,
    completedBy: done ? by : null,
    referenceCount: 0,
    checklistItemCount: 0,
    activeChecklistItemCount: 0,
    conversationThreadId: null,
    createdBy: by,
    appliedCategories: {},
    assignments,
  };
  store.putDoc(TASK, id, task, { parent: planId, sort: `${createdDateTime}|${id}` });
  store.putDoc(DETAILS, id, {
    '@odata.etag': nextEtag(`${id}/details`),
    id,
    description: seed.description,
    previewType: 'automatic',
    references: {},
    checklist: {},
  });
}
