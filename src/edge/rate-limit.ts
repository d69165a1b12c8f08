import type { Activity } from 'botbuilder';
import type { Clock, Allowances, TokenTaken } from '../engine/ports';
import type { Policy } from '../policy/schema';

/** Decides whether an inbound message may be handled now (one token per person, one per tenant). */
export type RateLimit = (activity: Activity) => Promise<TokenTaken>;

/**
 * Token buckets per person and per tenant, kept in the task store so that every instance
 * draws on the same buckets. The limits come from the policy in force (`rateLimits`).
 */
export function rateLimiter(store: Allowances, limits: () => Policy['rateLimits'], clock: Clock): RateLimit {
  return async (activity) => {
    const { perUser, perTenant } = limits();
    const now = clock.now();
    const user = activity.from?.aadObjectId ?? activity.from?.id;
    const tenant = activity.conversation?.tenantId;
    const buckets = [
      user && { key: `rate:user:${user}`, ...perUser },
      tenant && { key: `rate:tenant:${tenant}`, ...perTenant },
    ];
    for (const bucket of buckets) {
      if (!bucket) continue;
      const taken = await store.takeToken({
        key: bucket.key,
        capacity: bucket.burst,
        refillPerSecond: bucket.perMinute / 60,
        now,
      });
      if (!taken.ok) return taken;
    }
    return { ok: true };
  };
}

/** What a person who sends too much too fast is told. */
export function slowDownText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're sending requests faster than I can take them. Please slow down and try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
