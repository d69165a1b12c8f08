import { DelegateError } from '../engine/errors';
import type { Schedules } from '../engine/schedules';
import type { ScheduleProvider, TabSchedule } from './schedules';

/**
 * The Tasks tab's "Scheduled" section over recurring work: the schedules a person owns or
 * approves (active or paused), next run first, and pause / resume through the same
 * `Schedules.decide` as the `schedule pause|resume` command — authorised there against the
 * stored schedule, with every change and refusal on its ledger.
 */
export function scheduleProvider(service: Schedules): ScheduleProvider {
  return {
    async listFor(userId) {
      const found = await service.list({ personId: userId, statuses: ['active', 'paused'], limit: 100 });
      return found
        .map((s): TabSchedule => ({
          id: s.id,
          title: s.title,
          cadence: s.words,
          ...(s.status === 'active' && s.nextRunAt ? { nextRunAt: s.nextRunAt } : {}),
          status: s.status === 'paused' ? 'paused' : 'active',
          canPause: service.mayManage(s, userId),
        }))
        .sort((a, b) => (a.nextRunAt ?? '\uffff').localeCompare(b.nextRunAt ?? '\uffff'));
    },
    async setPaused(scheduleId, userId, paused) {
      try {
        await service.decide(scheduleId, paused ? 'pause' : 'resume', userId);
        return true;
      } catch (error) {
        // Unknown, not theirs, or not in a state that can be paused/resumed: refused (and audited by decide).
        if (error instanceof DelegateError) return false;
        throw error;
      }
    },
  };
}
