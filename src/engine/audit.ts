import type { Task } from './model';
import type { Clock, LedgerEventType, AuditLedger } from './ports';

/**
 * Appends the engine's events to the hash-chained ledger in the store. Payloads carry ids,
 * verbs, statuses, reasons and edit diffs (what a person changed, as they changed it); step
 * outputs are recorded by the ids of what was created and read, not by their content.
 */
export class Audit {
  constructor(
    private readonly store: AuditLedger,
    private readonly clock: Clock,
  ) {}

  record(taskId: string, type: LedgerEventType, actor: string, payload: Record<string, unknown>): Promise<unknown> {
    return this.store.appendLedger({ taskId, type, actor, at: this.clock.now().toISOString(), payload });
  }

  /** A new plan version: what each step will do and how it is gated. */
  plan(task: Task, actor: string): Promise<unknown> {
    return this.record(task.id, 'plan_version', actor, {
      version: task.plan.version,
      title: task.title,
      steps: task.plan.steps.map((s) => ({
        id: s.id,
        action: s.action,
        risk: s.risk,
        gate: s.gate,
        flags: (s.flags ?? []).map((f) => f.code),
      })),
    });
  }

  /** A status change, when there was one. */
  async status(before: Task, after: Task, actor: string): Promise<void> {
    if (before.status !== after.status)
      await this.record(after.id, 'task_status', actor, { from: before.status, to: after.status });
  }
}
