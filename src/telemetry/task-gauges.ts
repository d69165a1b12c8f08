import { metrics } from '@opentelemetry/api';
import type { TaskStatus } from '../engine/model';
import type { TaskRecords } from '../engine/ports';

/** Statuses a task can be in while it is still open: the ones worth watching. */
const OPEN: readonly TaskStatus[] = ['planning', 'awaiting_plan_approval', 'running', 'awaiting_checkpoint', 'paused'];

/**
 * Gauges read from the store when metrics are collected: open tasks by status, and checkpoints
 * waiting for a decision. The store is shared, so every instance reports the same totals
 * (aggregate them with max or last, not sum).
 */
export function observeTaskCounts(store: Pick<TaskRecords, 'countTasks'>): void {
  const meter = metrics.getMeter('delegate');
  meter
    .createObservableGauge('delegate.tasks.open', { description: 'Open tasks by status, from the store' })
    .addCallback(async (result) => {
      const counts = await Promise.all(OPEN.map((status) => store.countTasks({ statuses: [status] })));
      OPEN.forEach((status, i) => result.observe(counts[i] ?? 0, { 'delegate.task.status': status }));
    });
  meter
    .createObservableGauge('delegate.checkpoints.waiting', { description: 'Tasks waiting at a checkpoint' })
    .addCallback(async (result) => {
      result.observe(await store.countTasks({ statuses: ['awaiting_checkpoint'] }));
    });
}
