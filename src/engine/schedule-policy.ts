import type { RiskClass } from './model';
import type { CatchUp } from './schedule-model';

/** What the organisation's policy says about recurring work (policy section `schedules`). */
export interface SchedulePolicy {
  /** Consequential risk classes a schedule's standing approval may cover at run time; others stop at a checkpoint. */
  readonly standingApprovalCovers: readonly RiskClass[];
  /** Days a standing approval lasts; after that runs stop for approval until the schedule is approved again. */
  readonly standingApprovalDays: number;
  /** The shortest time allowed between two runs, in minutes (maximum frequency). */
  readonly minIntervalMinutes: number;
  /** Who may create a schedule in a channel: anyone there, its approvers (and admins), or admins only. */
  readonly channelCreators: 'anyone' | 'approvers' | 'admins';
  /** Consecutive failed runs after which a schedule pauses itself and tells its owner. */
  readonly failuresBeforePause: number;
  /** The catch-up rule of new schedules. */
  readonly catchUp: CatchUp;
}

/** The defaults: no consequential step runs unattended; hourly at most; anyone; three failures; run the latest missed. */
export const DEFAULT_SCHEDULE_POLICY: SchedulePolicy = {
  standingApprovalCovers: [],
  standingApprovalDays: 90,
  minIntervalMinutes: 60,
  channelCreators: 'anyone',
  failuresBeforePause: 3,
  catchUp: 'latest',
};
