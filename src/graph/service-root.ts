import type { Query } from './types';

/** Where Graph lives, split the way the SDK wants it (host and version), plus link handling. */
export interface ServiceRoot {
  /** e.g. `https://graph.microsoft.com/v1.0`, no trailing slash. */
  readonly url: string;
  /** e.g. `https://graph.microsoft.com` (everything before the version segment). */
  readonly host: string;
  /** e.g. `v1.0`. */
  readonly version: string;
  /** A link Graph returned (nextLink), as a path relative to the root; undefined if it points elsewhere. */
  relative(link: string): string | undefined;
}

export function serviceRoot(baseUrl: string): ServiceRoot {
  const parsed = new URL(baseUrl);
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0);
  const version = segments.pop() ?? '';
  const host = parsed.origin + (segments.length > 0 ? `/${segments.join('/')}` : '');
  const url = version === '' ? host : `${host}/${version}`;
  return {
    url,
    host,
    version,
    relative(link) {
      // Prefix match on the full root (with a separator) so a look-alike host never matches.
      if (!link.startsWith(`${url}/`) && !link.startsWith(`${url}?`)) return undefined;
      const rest = link.slice(url.length);
      return rest.startsWith('/') ? rest : `/${rest}`;
    },
  };
}

/** Encode a value the way OData expects in a query string ($ and commas stay readable in keys). */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%24/g, '$');
}

/** Append URL-encoded query parameters to a relative path; undefined values are skipped. */
export function withQuery(path: string, query: Query | undefined): string {
  if (!path.startsWith('/') || path.includes('://'))
    throw new TypeError('Graph paths must be relative to the service root');
  if (!query) return path;
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeKey(key)}=${encodeURIComponent(String(value))}`);
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** The path without its query, for logs and error descriptions. */
export function pathOnly(path: string): string {
  return path.split('?')[0] ?? path;
}
