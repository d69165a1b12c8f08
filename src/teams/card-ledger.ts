import { createHash } from 'node:crypto';
import type { AuditLedger, Clock } from '../engine/ports';
import type { AdaptiveCard } from './cards';

/**
 * Record in the ledger a hash of exactly the card people were shown, so decisions can be tied to
 * it; stamped by the app's clock, like every other entry.
 */
export async function recordCardShown(
  store: AuditLedger,
  clock: Clock,
  taskId: string,
  kind: string,
  activityId: string | undefined,
  card: AdaptiveCard,
): Promise<void> {
  const sha256 = createHash('sha256').update(JSON.stringify(card)).digest('hex');
  await store.appendLedger({
    taskId,
    type: 'card_shown',
    actor: 'system',
    at: clock.now().toISOString(),
    payload: { kind, activityId: activityId ?? null, sha256 },
  });
}
