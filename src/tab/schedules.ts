/**
 * The Tasks tab's "Scheduled" section reads schedules through this optional port, so the tab
 * works before recurring work exists: without a provider it shows that there are no schedules.
 */
export interface TabSchedule {
  readonly id: string;
  readonly title: string;
  /** In words, e.g. "Every Monday at 09:00 (Europe/London)". */
  readonly cadence: string;
  /** ISO-8601 instant of the next run, when one is planned. */
  readonly nextRunAt?: string;
  readonly status: 'active' | 'paused';
  /** The signed-in person may pause and resume it. */
  readonly canPause: boolean;
}

export interface ScheduleProvider {
  /** The schedules a person owns or approves, next run first. */
  listFor(userId: string): Promise<readonly TabSchedule[]>;
  /** Pause or resume one of them as `userId` (authorised by the provider); false when not theirs or unknown. */
  setPaused(scheduleId: string, userId: string, paused: boolean): Promise<boolean>;
}
