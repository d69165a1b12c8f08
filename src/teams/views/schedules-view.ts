import type { Schedule } from '../../engine/schedule-model';
import { statusWords } from '../../engine/schedules';
import { absoluteInstant, zoneLabel } from '../../present/human';
import type { Colour } from './labels';

/** The `schedules` card: each schedule with its rule, its next run and its last result. */
export interface SchedulesView {
  readonly heading: string;
  readonly empty: string;
  readonly schedules: readonly {
    scheduleId: string;
    revision: number;
    title: string;
    status: string;
    statusColor: Colour;
    words: string;
    next: string;
    last: string;
  }[];
}

const COLOURS: Record<Schedule['status'], Colour> = {
  pending_approval: 'Accent',
  active: 'Good',
  paused: 'Warning',
  deleted: 'Default',
};

export function schedulesView(schedules: readonly Schedule[], personal: boolean): SchedulesView {
  return {
    heading: personal ? 'Your recurring work' : "This conversation's recurring work",
    empty:
      schedules.length > 0
        ? ''
        : 'No recurring work yet. Say what should happen and when, e.g. "every Monday at 9am email Megan a summary of last week\'s mail from Contoso".',
    schedules: schedules.map((s) => {
      const zone = s.recurrence.timeZone;
      return {
        scheduleId: s.id,
        revision: s.revision,
        title: s.title,
        status: statusWords(s).replace(/^./, (c) => c.toUpperCase()),
        statusColor: COLOURS[s.status],
        words: s.words,
        next: s.nextRunAt
          ? `Next run ${absoluteInstant(s.nextRunAt, zone)} ${zoneLabel(zone, new Date(s.nextRunAt))}`
          : 'No run planned',
        last: s.lastRun
          ? `Last run ${absoluteInstant(s.lastRun.firedAt, zone)}: task ${s.lastRun.taskId}${s.lastRun.result ? `, ${s.lastRun.result.replace(/_/g, ' ')}` : ', in progress'}`
          : 'Not run yet',
      };
    }),
  };
}
