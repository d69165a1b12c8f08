import type { DomainIntent } from '../domain';
import { listTasksIntent } from '../tasks/list';
import { plannerAddIntent } from '../tasks/planner-add';
import { plannerUpdateIntent } from '../tasks/planner-update';
import { todoAddIntent } from '../tasks/todo-add';

/**
 * The rule planner's tasks requests, tried in order: a Planner task names a plan ("… to the
 * Spring launch plan"), a To Do task names one of the requester's lists ("… to my to do list").
 */
export const tasksIntents: readonly DomainIntent[] = [
  plannerAddIntent,
  plannerUpdateIntent,
  todoAddIntent,
  listTasksIntent,
];
