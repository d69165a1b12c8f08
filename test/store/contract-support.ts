import type { Task } from '../../src/engine/model';
import type { TaskStore } from '../../src/engine/ports';
import { makeTask } from './make-task';

/** The store under test; replaced before each test (and on reopen) by the contract suite. */
export interface ContractContext {
  store: TaskStore;
}

export const NOW = new Date('2025-03-03T10:00:00.000Z');
export const LEASE_MS = 60_000;
/** `ms` after NOW. */
export const at = (ms: number): Date => new Date(NOW.getTime() + ms);
/** An ISO time `minute` minutes after 09:00 on the test day. */
export const iso = (minute: number): string => new Date(Date.UTC(2025, 2, 3, 9, minute)).toISOString();

/** A copy of `task` as its next version, the way the engine writes one. */
export function next(task: Task, changes: Partial<Task> = {}): Task {
  return { ...task, ...changes, version: task.version + 1 };
}

/** Create a task (see makeTask) in the store under test and return it. */
export async function seed(ctx: ContractContext, overrides: Partial<Task> = {}): Promise<Task> {
  const task = makeTask(overrides);
  await ctx.store.createTask(task);
  return task;
}
