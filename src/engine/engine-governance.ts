import { DelegateError } from './errors';
import type { EngineDeps } from './engine-types';
import type { Task } from './model';
import { recheckInput } from './recheck';
import { checkpointTimers } from './timers';
import type { EditChecks } from './transitions';

/** How an edit's input is checked: the deterministic guards, the action's risk and the policy, as for a plan. */
export function editChecksFor(deps: Pick<EngineDeps, 'catalogue' | 'safety' | 'governance'>, now: Date): EditChecks {
  const { catalogue, safety, governance } = deps;
  return {
    recheck: (task, step, input) => {
      const spec = catalogue.get(step.action);
      return spec
        ? recheckInput(task, step, spec, input, safety, governance)
        : { kind: 'refused', code: 'unknown_action', message: `The action "${step.action}" is no longer available.` };
    },
    timers: (step) =>
      governance
        ? checkpointTimers(now, governance.expiry(step.risk, (step.flags ?? []).length > 0), step.risk)
        : undefined,
  };
}

/** User ids of these principals (groups expanded), without the requester and without repeats. */
export async function approverIds(
  deps: Pick<EngineDeps, 'expandPrincipals'>,
  principals: readonly string[],
  requesterId: string,
): Promise<string[]> {
  const groups = principals.filter((p) => p.startsWith('group:'));
  const members = groups.length > 0 && deps.expandPrincipals ? await deps.expandPrincipals(groups) : [];
  const users = [...principals.filter((p) => !p.startsWith('group:')), ...members];
  return [...new Set(users)].filter((id) => id !== requesterId);
}

/** A unit of the tasks-per-person-per-day budget, held while a task is planned. */
export interface TaskBudgetHold {
  readonly key: string;
  readonly holder: string;
}

/**
 * Take one unit of the policy's tasks-per-user-per-day budget (UTC days) for a task about to
 * be planned, atomically in the store so that concurrent requests never overrun it. Returns
 * the hold to give back if no task comes of it, or undefined when there is no such budget.
 */
export async function reserveTaskBudget(
  deps: Pick<EngineDeps, 'governance' | 'store' | 'ids'>,
  requesterId: string,
  now: Date,
): Promise<TaskBudgetHold | undefined> {
  const limit = deps.governance?.limits().tasksPerUserPerDay;
  if (limit === undefined) return undefined;
  const hold = { key: `tasks:user:${requesterId}:${now.toISOString().slice(0, 10)}`, holder: deps.ids.uuid() };
  if (await deps.store.reserveQuota({ ...hold, limit, at: now.toISOString() })) return hold;
  throw new DelegateError(
    'user_input',
    'task_budget',
    `You've started ${limit} tasks today, the most your organisation's policy allows per day. Try again tomorrow.`,
  );
}

/** The task with these display names added (unchanged when there are none). */
export function withNames(task: Task, names: Readonly<Record<string, string>> | undefined): Task {
  const given = Object.entries(names ?? {}).filter(
    ([id, name]) => id !== '' && name.trim() !== '' && task.names?.[id] !== name,
  );
  if (given.length === 0) return task;
  return {
    ...task,
    names: { ...task.names, ...Object.fromEntries(given.map(([id, name]) => [id, name.slice(0, 120)])) },
  };
}
