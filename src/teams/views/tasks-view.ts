import type { Task } from '../../engine/model';
import { absoluteInstant } from '../../present/human';
import { TASK_STATUS_LABELS, type Colour } from './labels';

/** The `tasks` card: each task with its status, its age and what can be done with it. */
export interface TasksView {
  readonly heading: string;
  readonly empty: string;
  readonly tasks: readonly {
    taskId: string;
    planVersion: number;
    title: string;
    status: string;
    statusColor: Colour;
    /** "3 minutes ago", "2 hours ago", "Tue 8 Apr, 10:00". */
    age: string;
    canPause: boolean;
    canResume: boolean;
    canCancel: boolean;
  }[];
}

const LIVE: readonly Task['status'][] = ['running', 'awaiting_checkpoint', 'awaiting_plan_approval', 'planning'];

export function tasksView(tasks: readonly Task[], personal: boolean, now: Date, timeZone: string): TasksView {
  return {
    heading: personal ? 'Your tasks, newest first' : "This conversation's tasks, newest first",
    empty:
      tasks.length > 0
        ? ''
        : personal
          ? "You have no tasks yet. Tell me an outcome and I'll plan it."
          : 'This conversation has no tasks yet.',
    tasks: tasks.map((task) => {
      const status = TASK_STATUS_LABELS[task.status];
      return {
        taskId: task.id,
        planVersion: task.plan.version,
        title: task.title,
        status: status.label,
        statusColor: status.colour,
        age: ageOf(task.createdAt, now, timeZone),
        canPause: task.status === 'running' || task.status === 'awaiting_checkpoint',
        canResume: task.status === 'paused',
        canCancel: LIVE.includes(task.status) || task.status === 'paused',
      };
    }),
  };
}

/** How long ago, in words, for a day; after that the date itself, in the requester's zone. */
export function ageOf(instant: string, now: Date, timeZone: string): string {
  const minutes = Math.floor((now.getTime() - Date.parse(instant)) / 60_000);
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return absoluteInstant(instant, timeZone);
}
