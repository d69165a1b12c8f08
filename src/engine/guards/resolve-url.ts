import { leadingHost } from './domain-like';
import { percentDecode } from './entities';
import { toAsciiHost } from './hosts';
import { INVISIBLE, trimTrailingDots } from './text';

/** What a link target points at, as a browser or mail client would follow it. */
export type ResolvedUrl =
  | { readonly kind: 'web'; readonly url: URL; readonly host: string }
  | { readonly kind: 'mailto'; readonly domains: readonly string[]; readonly key: string }
  | { readonly kind: 'other'; readonly scheme: string; readonly key: string }
  | { readonly kind: 'invalid'; readonly label: string; readonly key: string }
  | { readonly kind: 'relative' };

/** Schemes that carry a host; `hxxp` is the defanged spelling, one edit away from a live link. */
const WEB_SCHEMES = new Map([
  ['http', 'http'],
  ['https', 'https'],
  ['hxxp', 'http'],
  ['hxxps', 'https'],
  ['ftp', 'ftp'],
  ['ftps', 'ftps'],
  ['ws', 'ws'],
  ['wss', 'wss'],
  ['sftp', 'sftp'],
]);

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/;

/** Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces at both ends. */
function clean(raw: string): string {
  const text = raw.replace(INVISIBLE, '').replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(start, end);
}

/** The host of a URL the URL parser refused, read by hand, for the flag. */
function roughHost(afterScheme: string): string {
  const authority = afterScheme.replace(/^[\\/]+/, '').split(/[/\\?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).split(':', 1)[0] ?? '';
  return host.toLowerCase().slice(0, 100);
}

function parseWeb(href: string): ResolvedUrl {
  try {
    const url = new URL(href);
    const host = trimTrailingDots(url.hostname.toLowerCase());
    if (host !== '') return { kind: 'web', url, host };
  } catch {
    // fall through: a URL no parser accepts may still be linked by a lenient client
  }
  const scheme = href.slice(0, href.indexOf(':'));
  const label = roughHost(href.slice(scheme.length + 1));
  // `https://` with no host at all goes nowhere: nothing to remove.
  if (label === '') return { kind: 'relative' };
  return { kind: 'invalid', label, key: href.toLowerCase() };
}

function mailtoDomains(rest: string): string[] {
  const domains: string[] = [];
  for (const match of percentDecode(rest).matchAll(/@([^\s,;?&@<>"']+)/g)) {
    const domain = toAsciiHost(match[1] ?? '');
    domains.push(domain ?? (match[1] ?? '').toLowerCase());
  }
  return domains;
}

/**
 * Resolve a link target (a markdown destination, an HTML attribute value already
 * entity-decoded, or a bare URL found in text). Never throws.
 */
export function resolveUrl(raw: string): ResolvedUrl {
  const text = clean(typeof raw === 'string' ? raw : '');
  if (text === '') return { kind: 'relative' };
  // Before the scheme: `www.evil.test:8080` would otherwise read as the scheme "www.evil.test".
  if (/^www\d{0,3}\./i.test(text)) return parseWeb(`http://${text}`);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // `example.com:8080/x` parses as scheme "example.com"; people mean a host and a port.
  if (scheme !== undefined && !(scheme.includes('.') && /^[^:]*:\d/.test(text))) {
    const web = WEB_SCHEMES.get(scheme);
    if (web !== undefined) return parseWeb(`${web}:${text.slice(scheme.length + 1)}`);
    if (scheme === 'mailto') return { kind: 'mailto', domains: mailtoDomains(text.slice(7)), key: text.toLowerCase() };
    return { kind: 'other', scheme, key: text.toLowerCase() };
  }
  if (/^[\\/]{2}/.test(text)) return parseWeb(`http:${text}`);
  const lead = leadingHost(text);
  if (lead !== undefined) {
    const next = text[lead.end];
    const pathFollows = next === '/' || next === '\\' || next === '?' || next === '#' || next === ':';
    // `evil.test/p.png` is read as a site by lenient renderers; a lone `notes.md` is a file name.
    if ((pathFollows && lead.knownTld) || (next === undefined && lead.genericTld)) return parseWeb(`http://${text}`);
  }
  return { kind: 'relative' };
}
