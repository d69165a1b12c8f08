import { ianaZone } from '../actions/common/time';
import { PromiseCache } from '../cache/promise-cache';
import type { Logger } from '../engine/ports';
import type { GraphGateway } from '../graph/types';

/** A person's time zone from their mailbox settings, as an IANA name; undefined when unknown. */
export type MailboxTimeZoneLookup = (userId: string) => Promise<string | undefined>;

/** How long a person's mailbox zone is reused: people rarely move, and each message would ask. */
const ZONE_TTL_MS = 60 * 60_000;
const MAX_ZONES = 5_000;

/**
 * The time zone a person set in Outlook (mailboxSettings, read as that person), for messages
 * whose activity says none: Teams clients send `localTimezone`, but not every client or
 * activity does. Graph may answer with a Windows name ("GMT Standard Time"): it is mapped to
 * IANA, and a name that maps to nothing counts as unknown, never as UTC. Answers are kept an
 * hour; failures are not kept (the caller falls back to the configured default).
 */
export function mailboxTimeZoneLookup(
  gateway: GraphGateway,
  logger: Logger,
  now: () => number = Date.now,
): MailboxTimeZoneLookup {
  const cache = new PromiseCache<string | undefined>({ ttlMs: ZONE_TTL_MS, maxEntries: MAX_ZONES, now });
  const read = async (userId: string): Promise<string | undefined> => {
    const settings = await gateway
      .forUser({ id: userId })
      .get<{ timeZone?: string | null }>(`/users/${encodeURIComponent(userId)}/mailboxSettings`, {
        $select: 'timeZone',
      });
    const named = settings.timeZone ?? '';
    return named === '' ? undefined : ianaZone(named);
  };
  return (userId) =>
    cache
      .get(userId, () => read(userId))
      .catch((err: unknown) => {
        logger.debug({ err }, 'mailbox time zone unavailable; using the default');
        return undefined;
      });
}
