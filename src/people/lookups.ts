import { PromiseCache } from '../cache/promise-cache';
import type { Logger } from '../engine/ports';
import type { GraphGateway } from '../graph/types';

/** A user's profile by Entra object id: UPN and display name; undefined when unknown. */
export type ProfileLookup = (objectId: string) => Promise<{ upn?: string; name?: string } | undefined>;

/** Requester profiles (UPN) from the directory, as the app; cached, since people rarely change name. */
export function profileLookup(gateway: GraphGateway): ProfileLookup {
  const cache = new Map<string, { upn?: string; name?: string }>();
  return async (objectId) => {
    const cached = cache.get(objectId);
    if (cached) return cached;
    try {
      const user = await gateway
        .forApp()
        .get<{ userPrincipalName?: string; displayName?: string }>(`/users/${encodeURIComponent(objectId)}`, {
          $select: 'userPrincipalName,displayName',
        });
      const profile = { upn: user.userPrincipalName, name: user.displayName };
      if (cache.size > 10_000) cache.clear();
      cache.set(objectId, profile);
      return profile;
    } catch {
      return undefined;
    }
  };
}

/** How long a display name (or the fact that an address has none in the directory) is reused. */
const NAME_TTL_MS = 10 * 60_000;
const MAX_NAMES = 5_000;

/**
 * Directory display names for addresses, as the app (a failed look-up just leaves the name
 * unknown). Every plan card names its recipients and attendees, so answers — found or not
 * found — are kept for ten minutes and concurrent look-ups of one address share a call;
 * failures are not kept. `now` is injectable for tests.
 */
export function nameLookup(
  gateway: GraphGateway,
  logger: Logger,
  now: () => number = Date.now,
): (addresses: readonly string[]) => Promise<Record<string, string>> {
  const cache = new PromiseCache<string | undefined>({ ttlMs: NAME_TTL_MS, maxEntries: MAX_NAMES, now });
  const fetchName = async (address: string): Promise<string | undefined> => {
    const page = await gateway.forApp().get<{ value: { mail?: string; displayName?: string }[] }>('/users', {
      $filter: `mail eq '${odata(address)}'`,
      $select: 'mail,displayName',
    });
    return page.value[0]?.displayName || undefined;
  };
  const nameOf = (address: string): Promise<string | undefined> =>
    cache.get(address.toLowerCase(), () => fetchName(address));
  return async (addresses) => {
    const found = await Promise.all(
      addresses.slice(0, 25).map(async (address) => {
        try {
          const name = await nameOf(address);
          return name ? ([address, name] as const) : undefined;
        } catch (err) {
          logger.warn({ err }, 'directory name look-up failed');
          return undefined;
        }
      }),
    );
    return Object.fromEntries(found.filter((entry): entry is readonly [string, string] => entry !== undefined));
  };
}

/** The one person a name, email address or UPN means; an explanation when none or several match. */
export function personResolver(
  gateway: GraphGateway,
): (query: string) => Promise<{ id: string; name: string } | { error: string }> {
  return async (query) => {
    const q = query
      .replace(/<\/?at>/g, '')
      .replace(/^@/, '')
      .trim();
    if (q === '') return { error: 'Say who: a name or an email address.' };
    const filter = q.includes('@')
      ? `mail eq '${odata(q)}' or userPrincipalName eq '${odata(q)}'`
      : `displayName eq '${odata(q)}' or startswith(displayName,'${odata(q)}') or startswith(givenName,'${odata(q)}')`;
    const page = await gateway
      .forApp()
      .get<{ value: { id: string; displayName?: string; mail?: string }[] }>(
        '/users',
        { $filter: filter, $select: 'id,displayName,mail', $top: 10 },
        { what: 'the directory' },
      );
    const exact = page.value.filter(
      (u) =>
        (u.displayName ?? '').toLowerCase() === q.toLowerCase() || (u.mail ?? '').toLowerCase() === q.toLowerCase(),
    );
    const matches = exact.length > 0 ? exact : page.value;
    if (matches.length === 0) return { error: `I can't find anyone called ${q} in your organisation.` };
    if (matches.length > 1)
      return {
        error: `${q} could be ${matches.map((u) => `${u.displayName ?? u.id} (${u.mail ?? 'no email'})`).join(' or ')}. Use their email address.`,
      };
    const [person] = matches;
    return person ? { id: person.id, name: person.displayName ?? q } : { error: `I can't find ${q}.` };
  };
}

function odata(value: string): string {
  return value.replace(/'/g, "''");
}

/**
 * Whether a user's account is still enabled in the directory, as the app: false when the
 * directory says it is disabled or has no such user (404), undefined when it cannot tell now
 * (a schedule carries on rather than pausing on a network error).
 */
export function accountLookup(gateway: GraphGateway): (objectId: string) => Promise<boolean | undefined> {
  return async (objectId) => {
    try {
      const user = await gateway
        .forApp()
        .get<{ accountEnabled?: boolean }>(`/users/${encodeURIComponent(objectId)}`, { $select: 'accountEnabled' });
      return user.accountEnabled !== false;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      return status === 404 || status === 410 ? false : undefined;
    }
  };
}
