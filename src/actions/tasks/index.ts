import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { plannerCreateTask } from './planner-create';
import { plannerListTasks } from './planner-list';
import { plannerUpdateTask } from './planner-update';
import { todoCreateTask } from './todo-create';
import { todoListTasks } from './todo-list';

/** The tasks actions of the catalogue: Planner (shared plans) and To Do (one's own lists). */
export function tasksActions(gateway: GraphGateway): ActionSpec[] {
  return [
    plannerListTasks(gateway),
    plannerCreateTask(gateway),
    plannerUpdateTask(gateway),
    todoListTasks(gateway),
    todoCreateTask(gateway),
  ] as unknown as ActionSpec[];
}
