import { leadingHost } from './domain-like';
import { applyEdits, type Edit } from './edits';
import { judgeUrl, type LinkPolicy } from './link-policy';
import { placeholder, type Removals } from './removals';

/** A URL found in running text. */
export interface FoundUrl {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

/**
 * Where a URL may start: a scheme (any case, `hxxp` included), `www.`, `//` or `\\`, or a
 * `host.tld` that turns out to be followed by a path. The look-behind keeps starts at word
 * boundaries, so each candidate is tried once and the scan stays linear.
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}+.\-_@])(?:(?:h[tx]{2}ps?|ftps?|sftp|wss?|mailto|javascript|vbscript|data|file|blob):|www\d{0,3}\.|\/\/|\\\\|[\p{L}\p{N}][\p{L}\p{N}-]*\.)/giu;

const TRAILING = new Set(['.', ',', ':', ';', '!', '?', '*', '_', '~']);

function ends(ch: string): boolean {
  return ch.charCodeAt(0) <= 0x20 || /[\s<>"'`]/u.test(ch);
}

/** Where a URL starting at `start` ends: whitespace, a quote, or an unbalanced `)`/`]`; trailing punctuation is not part of it. */
function urlEnd(text: string, start: number): number {
  let parens = 0;
  let brackets = 0;
  let j = start;
  for (; j < text.length; j += 1) {
    const ch = text[j] as string;
    if (ends(ch)) break;
    if (ch === '(') parens += 1;
    else if (ch === ')') {
      if (parens === 0) break;
      parens -= 1;
    } else if (ch === '[') brackets += 1;
    else if (ch === ']') {
      if (brackets === 0) break;
      brackets -= 1;
    }
  }
  while (j > start && TRAILING.has(text[j - 1] as string)) j -= 1;
  return j;
}

/** Every URL in `text`, in order, without overlaps. Linear time. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  const candidate = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let match = candidate.exec(text); match !== null; match = candidate.exec(text)) {
    const start = match.index;
    const token = match[0];
    let bodyStart = start + token.length;
    if (/^[\p{L}\p{N}]/u.test(token) && !token.endsWith(':') && !/^www\d{0,3}\.$/i.test(token)) {
      // host.tld: a URL only when a path, query, fragment or port follows the host.
      const lead = leadingHost(text, start);
      const after = lead === undefined ? undefined : text[lead.end];
      if (lead === undefined || !lead.knownTld || !(after === '/' || after === '?' || after === '#' || after === ':')) {
        let skip = bodyStart;
        while (skip < text.length && /[\p{L}\p{N}.\-]/u.test(text[skip] as string)) skip += 1;
        candidate.lastIndex = skip;
        continue;
      }
      bodyStart = lead.end;
    } else if (token === '//' || token === '\\\\') {
      if (!/[\p{L}\p{N}[%@]/u.test(text[bodyStart] ?? '')) continue;
    } else if (token.endsWith(':')) {
      while (text[bodyStart] === '/' || text[bodyStart] === '\\') bodyStart += 1;
    }
    // `https://[…` is a URL only around an IPv6 literal. Skipping the rest keeps the `[link removed: …]`
    // left after an earlier pass from being taken for a link once more.
    if (text[bodyStart] === '[' && !/^\[[0-9a-fA-F:.]+\]/.test(text.slice(bodyStart, bodyStart + 48))) continue;
    const end = urlEnd(text, start);
    if (end <= bodyStart) continue;
    found.push({ start, end, url: text.slice(start, end) });
    candidate.lastIndex = Math.max(end, candidate.lastIndex);
  }
  return found;
}

/** Replace every URL in running text that policy does not allow with `[link removed: host]` (an `<autolink>` with its brackets). */
export function sanitizeBare(text: string, policy: LinkPolicy, removals: Removals): string {
  const edits: Edit[] = [];
  for (const found of findUrls(text)) {
    const verdict = judgeUrl(found.url, policy);
    if (verdict.allowed) continue;
    const autolink = text[found.start - 1] === '<' && text[found.end] === '>';
    const start = autolink ? found.start - 1 : found.start;
    const end = autolink ? found.end + 1 : found.end;
    edits.push({ start, end, text: placeholder(removals.add(verdict.host)) });
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}
