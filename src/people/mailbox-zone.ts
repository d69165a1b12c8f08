import { ianaZone } from '../actions/common/time';
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
  const cache = new Map<string, { at: number; zone: Promise<string | undefined> }>();
  const read = async (userId: string): Promise<string | undefined> => {
    const settings = await gateway
      .forUser({ id: userId })
      .get<{ timeZone?: string | null }>(`/users/${encodeURIComponent(userId)}/mailboxSettings`, {
        $select: 'timeZone',
      });
    const named = settings.timeZone ?? '';
    return named === '' ? undefined : ianaZone(named);
  };
  return (userId) => {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < ZONE_TTL_MS) return hit.zone;
    const zone = read(userId).catch((err: unknown) => {
      if (cache.get(userId)?.zone === zone) cache.delete(userId);
      logger.debug({ err }, 'mailbox time zone unavailable; using the default');
      return undefined;
    });
    if (cache.size >= MAX_ZONES) cache.clear();
    cache.set(userId, { at: now(), zone });
    return zone;
  };
}
