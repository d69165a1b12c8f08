import { ConflictError, DelegateError } from './errors';
import type { Task } from './model';
import type { Clock, TaskRecords } from './ports';

/** A change to a task: the new task, or `undefined` for "nothing to change", plus a result. */
export type Change<R> = { readonly task: Task | undefined; readonly result: R };

/**
 * Read-modify-write with compare-and-set: `change` sees the latest stored task and returns
 * the next one (without touching `version`); on a conflict it runs again on the fresh task.
 * `change` must be pure — it may run several times.
 */
export async function mutateTask<R>(
  store: TaskRecords,
  clock: Clock,
  taskId: string,
  change: (task: Task) => Change<R>,
  maxAttempts = 25,
): Promise<{ task: Task; changed: boolean; result: R }> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const current = await store.getTask(taskId);
    if (!current) throw new DelegateError('user_input', 'task_not_found', `There is no task ${taskId}.`);
    const { task: next, result } = change(current);
    if (!next) return { task: current, changed: false, result };
    const written: Task = { ...next, version: current.version + 1, updatedAt: clock.now().toISOString() };
    if (await store.updateTask(written, current.version)) return { task: written, changed: true, result };
  }
  throw new ConflictError(`task ${taskId}`);
}

/** Replace one step of a task (by id), returning a new task. */
export function withStep(
  task: Task,
  stepId: string,
  update: (step: Task['plan']['steps'][number]) => Task['plan']['steps'][number],
): Task {
  return {
    ...task,
    plan: { ...task.plan, steps: task.plan.steps.map((step) => (step.id === stepId ? update(step) : step)) },
  };
}
