import type { AuditLedger, LedgerAppend, LedgerEntry } from '../engine/ports';
import { instruments } from './instruments';

/**
 * Counts what the ledger records: every task status change (by the status entered) and every
 * decision (by verb and outcome). The ledger is where the engine writes each of them exactly
 * once, so counting there cannot drift from the audit trail.
 */
export function countLedgerEntry(entry: LedgerAppend): void {
  const counters = instruments();
  if (entry.type === 'task_status' && typeof entry.payload.to === 'string') {
    counters.taskStatus.add(1, { 'delegate.task.status': entry.payload.to });
  } else if (entry.type === 'decision' && typeof entry.payload.verb === 'string') {
    const outcome = entry.payload.refused
      ? 'refused'
      : entry.payload.stale
        ? 'stale'
        : entry.payload.auto
          ? 'auto'
          : 'applied';
    counters.decisions.add(1, { 'delegate.decision.verb': entry.payload.verb, 'delegate.decision.outcome': outcome });
  }
}

/**
 * The store as the app uses it, with each ledger append also counted. Every other method is
 * the store's own (bound to it), so the store's behaviour and contract are unchanged.
 */
export function countingLedger<S extends AuditLedger>(store: S): S {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendLedger') {
        return async (entry: LedgerAppend): Promise<LedgerEntry> => {
          const recorded = await target.appendLedger(entry);
          countLedgerEntry(entry);
          return recorded;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
