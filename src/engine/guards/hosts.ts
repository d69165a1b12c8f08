import { trimTrailingDots } from './text';

/**
 * Host names as browsers and mail servers see them: IDNA-mapped to ASCII (punycode), lower
 * case, without a trailing dot. `example.com` and `EXAMPLE.com.` are the same host;
 * `exаmple.com` (Cyrillic а) is `xn--exmple-4nf.com`, a different one.
 */
export function toAsciiHost(host: string): string | undefined {
  const trimmed = host.trim();
  if (trimmed === '' || /[\s/\\?#@]/.test(trimmed)) return undefined;
  try {
    // The WHATWG URL parser applies IDNA (UTS #46) and percent-decoding exactly as browsers do.
    const parsed = new URL(`http://${trimmed}/`).hostname;
    const ascii = trimTrailingDots(parsed);
    return ascii === '' ? undefined : ascii;
  } catch {
    return undefined; // not a host name at all
  }
}

/** Whether `host` is `domain` itself or one of its subdomains (both ASCII, lower case). */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** A set of domains, each matching itself and its subdomains. */
export class HostSet {
  private readonly domains: readonly string[];

  /** Accepts `example.com`, `.example.com`, `*.example.com` or a URL whose host is meant. */
  constructor(entries: readonly string[]) {
    const domains: string[] = [];
    for (const entry of entries) {
      if (typeof entry !== 'string') continue;
      let text = entry.trim();
      const scheme = text.indexOf('://');
      if (scheme >= 0) text = text.slice(scheme + 3).split(/[/?#]/, 1)[0] ?? '';
      text = text.replace(/^\*?\.+/, '');
      const host = toAsciiHost(text);
      if (host !== undefined) domains.push(host);
    }
    this.domains = domains;
  }

  has(host: string): boolean {
    const normal = trimTrailingDots(host.toLowerCase());
    return normal !== '' && this.domains.some((domain) => isSameOrSubdomain(normal, domain));
  }
}
