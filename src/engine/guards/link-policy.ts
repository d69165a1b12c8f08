import { percentDecode } from './entities';
import { HostSet, toAsciiHost } from './hosts';
import { resolveUrl, type ResolvedUrl } from './resolve-url';

/** Which links may stay in content that Delegate sends or posts. */
export interface LinkPolicy {
  readonly hosts: HostSet;
  /** Normalised URLs the person typed themselves: kept whatever their host. */
  readonly urls: ReadonlySet<string>;
}

/** A link's fate: kept, or removed with the host to name in the flag. */
export type LinkVerdict = { readonly allowed: true } | { readonly allowed: false; readonly host: string };

/** Schemes that run code or smuggle content: removed even when a person typed them. */
const NEVER = new Set(['javascript', 'vbscript', 'data', 'file', 'blob', 'livescript', 'mocha']);

const EMBEDDED = /(?:h[tx]{2}ps?|ftps?|wss?):[\\/]{2,3}([^\s\\/?#&"'<>]+)/gi;

/** The key under which a person's own URL is remembered and compared. */
export function urlKey(resolved: ResolvedUrl): string | undefined {
  switch (resolved.kind) {
    case 'web':
      return resolved.url.href;
    case 'relative':
      return undefined;
    default:
      return resolved.key;
  }
}

export function makeLinkPolicy(allowHosts: readonly string[], allowUrls: readonly string[] = []): LinkPolicy {
  const urls = new Set<string>();
  for (const raw of allowUrls) {
    const key = typeof raw === 'string' ? urlKey(resolveUrl(raw)) : undefined;
    if (key !== undefined) urls.add(key);
  }
  return { hosts: new HostSet(Array.isArray(allowHosts) ? allowHosts : []), urls };
}

/**
 * A host hidden in an allowed URL's path, query or fragment (`https://example.com/r?u=https%3A%2F%2Fevil.test`):
 * an open redirect on an allowed site is a link to wherever it redirects.
 */
function embeddedHost(url: URL, policy: LinkPolicy): string | undefined {
  let rest = `${url.pathname}${url.search}${url.hash}`;
  for (let round = 0; round < 3; round += 1) {
    for (const match of rest.matchAll(EMBEDDED)) {
      const authority = match[1] ?? '';
      const host = toAsciiHost((authority.slice(authority.lastIndexOf('@') + 1).split(':', 1)[0] ?? '').toLowerCase());
      if (host !== undefined && !policy.hosts.has(host)) return host;
    }
    const decoded = percentDecode(rest);
    if (decoded === rest) break;
    rest = decoded;
  }
  return undefined;
}

/** Judge one link target against the policy. Never throws. */
export function judgeUrl(raw: string, policy: LinkPolicy): LinkVerdict {
  const resolved = resolveUrl(raw);
  const key = urlKey(resolved);
  switch (resolved.kind) {
    case 'relative':
      return { allowed: true };
    case 'web': {
      if (key !== undefined && policy.urls.has(key)) return { allowed: true };
      if (!policy.hosts.has(resolved.host)) return { allowed: false, host: resolved.host };
      const hidden = embeddedHost(resolved.url, policy);
      return hidden === undefined ? { allowed: true } : { allowed: false, host: hidden };
    }
    case 'mailto': {
      if (policy.urls.has(resolved.key)) return { allowed: true };
      const outside = resolved.domains.find((domain) => !policy.hosts.has(domain));
      return outside === undefined ? { allowed: true } : { allowed: false, host: outside };
    }
    case 'other':
      if (!NEVER.has(resolved.scheme) && policy.urls.has(resolved.key)) return { allowed: true };
      return { allowed: false, host: `${resolved.scheme}:` };
    case 'invalid':
      return policy.urls.has(resolved.key) ? { allowed: true } : { allowed: false, host: resolved.label };
  }
}
