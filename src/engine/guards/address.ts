import { toAsciiHost } from './hosts';
import { normaliseForMatch } from './text';

/** An email address as the guards compare it. */
export interface ParsedAddress {
  /** Normalised (NFKC, lower case, invisible characters dropped). */
  readonly address: string;
  /** The domain after the last `@`, as an ASCII host name. */
  readonly domain: string;
}

/**
 * Parse a recipient value: a bare address, `mailto:…`, or `Name <address>`. Undefined when it
 * is not an address (no local part, or a domain that is not a host name).
 */
export function parseAddress(value: string): ParsedAddress | undefined {
  let text = normaliseForMatch(typeof value === 'string' ? value : '').trim();
  const open = text.lastIndexOf('<');
  if (open >= 0 && text.endsWith('>')) text = text.slice(open + 1, -1).trim();
  if (text.startsWith('mailto:')) text = text.slice('mailto:'.length).split('?', 1)[0] ?? '';
  if (/\s/.test(text)) return undefined;
  // The domain is what follows the LAST @: `"ceo@example.com"@evil.test` is delivered to evil.test.
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return undefined;
  const domain = toAsciiHost(text.slice(at + 1));
  if (domain === undefined || !domain.includes('.')) return undefined;
  return { address: text, domain };
}

const LOCAL_CHAR = /[\p{L}\p{N}._%+\-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}_\-]/u;

/**
 * Whether `address` occurs in `text` as a whole address: `bob@example.com` is not found in
 * `jimbob@example.com`, `bob@example.com.evil.test` or `bob@example.community`.
 * Both must be normalised already.
 */
export function containsAddress(text: string, address: string): boolean {
  if (address === '') return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(address, from);
    if (at < 0) return false;
    from = at + 1;
    const before = text[at - 1];
    if (before !== undefined && LOCAL_CHAR.test(before)) continue;
    const end = at + address.length;
    const after = text[end];
    if (after !== undefined && DOMAIN_CHAR.test(after)) continue;
    const afterNext = text[end + 1];
    if (after === '.' && afterNext !== undefined && DOMAIN_CHAR.test(afterNext)) continue;
    return true;
  }
}

/** Whether a domain (ASCII) is one of the tenant's domains or their subdomains. */
export function isInternalDomain(domain: string, internalDomains: readonly string[]): boolean {
  for (const entry of internalDomains) {
    const internal = typeof entry === 'string' ? toAsciiHost(entry.replace(/^\*?\.+/, '')) : undefined;
    if (internal !== undefined && (domain === internal || domain.endsWith(`.${internal}`))) return true;
  }
  return false;
}
