/**
 * Text read from Microsoft 365 (a mail, a file, a post) or written by a model from it, made fit
 * for a card. It is untrusted: the card shows it in `TextRun`s, which Adaptive Cards never read
 * as markdown, and the templating inserts it as data, so `${…}` stays literal. Here it is only
 * cleaned of invisible control characters and clipped.
 */

/** C0 controls other than tab and line feed, DEL, and the bidi overrides that can disguise text. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Without control characters, with Windows line ends made plain. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** One line: whitespace and line breaks collapsed, clipped to `limit` characters with "…". */
export function oneLine(text: string, limit: number): string {
  return clip(cleanText(text).replace(/\s+/g, ' ').trim(), limit).text;
}

/**
 * At most `limit` characters, cut at a word boundary when one is near, with "…" when cut.
 * Never splits a surrogate pair (an emoji cut in half shows as a box).
 */
export function clip(text: string, limit: number): { text: string; clipped: boolean } {
  if (text.length <= limit) return { text, clipped: false };
  let cut = text.slice(0, limit - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (space > limit * 0.8) cut = cut.slice(0, space);
  return { text: `${cut.trimEnd()}…`, clipped: true };
}

/** A line of a longer text; `gap` when a blank line came before it (a new paragraph). */
export interface TextLine {
  readonly text: string;
  readonly gap: boolean;
}

/** A longer text as its lines (blank lines become gaps), within a total length and line count. */
export function linesOf(text: string, limit: number, maxLines: number): { lines: TextLine[]; clipped: boolean } {
  const { text: kept, clipped: cutShort } = clip(cleanText(text).trim(), limit);
  const lines: TextLine[] = [];
  let gap = false;
  for (const line of kept.split('\n')) {
    if (line.trim() === '') gap = lines.length > 0;
    else {
      lines.push({ text: line.trimEnd(), gap });
      gap = false;
    }
  }
  if (lines.length <= maxLines) return { lines, clipped: cutShort };
  const shown = lines.slice(0, maxLines);
  const last = shown[maxLines - 1];
  if (last) shown[maxLines - 1] = { ...last, text: `${last.text.replace(/…$/, '')}…` };
  return { lines: shown, clipped: true };
}

/** Only an https address is ever a link: Graph's own `webUrl`/`webLink`, never text from content. */
export function httpsUrl(value: unknown): string {
  return typeof value === 'string' && /^https:\/\/[^/\s]/.test(value) && !/\s/.test(value) ? value : '';
}

/** A number with thousands separators, as people read it: 12,345. */
export function count(n: number): string {
  return n.toLocaleString('en-GB');
}
