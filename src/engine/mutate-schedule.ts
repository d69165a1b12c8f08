import { ConflictError, DelegateError } from './errors';
import type { Clock, ScheduleStore } from './ports';
import type { Schedule } from './schedule-model';

/**
 * Read-modify-write of a schedule with compare-and-set, as `mutateTask`: `change` sees the latest
 * stored schedule and returns the next one (or undefined: nothing to change); on a conflict it
 * runs again on the fresh one, so it must be pure.
 */
export async function mutateSchedule<R>(
  store: ScheduleStore,
  clock: Clock,
  id: string,
  change: (schedule: Schedule) => { readonly schedule: Schedule | undefined; readonly result: R },
  maxAttempts = 25,
): Promise<{ schedule: Schedule; changed: boolean; result: R }> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const current = await store.getSchedule(id);
    if (!current) throw new DelegateError('user_input', 'schedule_not_found', `There is no schedule ${id}.`);
    const { schedule: next, result } = change(current);
    if (!next) return { schedule: current, changed: false, result };
    const written: Schedule = { ...next, version: current.version + 1, updatedAt: clock.now().toISOString() };
    if (await store.updateSchedule(written, current.version)) return { schedule: written, changed: true, result };
  }
  throw new ConflictError(`schedule ${id}`);
}
