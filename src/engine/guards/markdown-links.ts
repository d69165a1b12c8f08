import { decodeEntities } from './entities';
import { NestedEdits } from './edits';
import { judgeUrl, type LinkPolicy } from './link-policy';
import { normaliseLabel, removeBlockedDefinitions } from './markdown-refs';
import { NextIndex } from './next-index';
import { placeholder, type Removals } from './removals';

/** Deeper nesting than this is not a link anyone writes; capping it keeps the scan linear. */
const MAX_PAREN_DEPTH = 32;
const MAX_OPEN_BRACKETS = 1000;
const MAX_LABEL = 999;

interface Opener {
  /** Where the construct starts (`!` of an image, else `[`). */
  readonly start: number;
  readonly image: boolean;
  readonly textStart: number;
}

interface Destination {
  readonly url: string;
  /** Index just after the closing `)`. */
  readonly end: number;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** CommonMark: backslash escapes ASCII punctuation in a destination; character references are decoded. */
function unescapeDestination(url: string): string {
  return decodeEntities(url.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** Parse `(url "title")` after `](`, starting at `from` (just after the `(`). */
function parseDestination(text: string, from: number, next: NextIndex): Destination | undefined {
  let j = from;
  while (isBlank(text[j])) j += 1;
  if (text[j] === '\n') j += 1;
  while (isBlank(text[j])) j += 1;
  let url: string;
  if (text[j] === '<') {
    const close = next.of('>', j + 1);
    const newline = next.of('\n', j + 1);
    if (close < 0 || (newline >= 0 && newline < close)) return undefined;
    url = text.slice(j + 1, close);
    j = close + 1;
  } else {
    const start = j;
    let depth = 0;
    while (j < text.length) {
      const ch = text[j] as string;
      if (ch.charCodeAt(0) <= 0x20) break;
      if (ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === '(') {
        depth += 1;
        if (depth > MAX_PAREN_DEPTH) return undefined;
      } else if (ch === ')') {
        if (depth === 0) break;
        depth -= 1;
      }
      j += 1;
    }
    url = text.slice(start, Math.min(j, text.length));
  }
  while (isBlank(text[j]) || text[j] === '\n') j += 1;
  const quote = text[j];
  if (quote === '"' || quote === "'" || quote === '(') {
    const close = next.of(quote === '(' ? ')' : quote, j + 1);
    if (close < 0) return undefined;
    j = close + 1;
    while (isBlank(text[j]) || text[j] === '\n') j += 1;
  }
  return text[j] === ')' ? { url: unescapeDestination(url), end: j + 1 } : undefined;
}

/**
 * Neutralise markdown links and images to hosts policy does not allow:
 * `![alt](url)` and `![alt][id]` disappear; `[text](url)` becomes `text [link removed: host]`;
 * `[text][id]`, `[id][]` and `[id]` whose definition was removed become `text`.
 * Brackets nest; one left-to-right pass with a stack of open brackets.
 */
export function sanitizeMarkdown(input: string, policy: LinkPolicy, removals: Removals): string {
  const { text, blocked } = removeBlockedDefinitions(input, policy, removals);
  if (!text.includes('](') && blocked.size === 0) return text;
  const next = new NextIndex(text);
  const edits = new NestedEdits(text);
  const open: Opener[] = [];
  let changed = false;
  const replace = (opener: Opener, textEnd: number, end: number, shown: string, withPlaceholder: boolean): void => {
    changed = true;
    edits.wrap(opener.start, end, opener.textStart, textEnd, (inner) => {
      if (opener.image) return '';
      if (!withPlaceholder) return inner;
      return inner.trim() === '' ? placeholder(shown) : `${inner} ${placeholder(shown)}`;
    });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      const image = text[i - 1] === '!' && text[i - 2] !== '\\';
      if (open.length < MAX_OPEN_BRACKETS) open.push({ start: image ? i - 1 : i, image, textStart: i + 1 });
      i += 1;
      continue;
    }
    if (ch !== ']') {
      i += 1;
      continue;
    }
    const opener = open.pop();
    if (opener === undefined) {
      i += 1;
      continue;
    }
    if (text[i + 1] === '(') {
      const destination = parseDestination(text, i + 2, next);
      if (destination !== undefined) {
        const verdict = judgeUrl(destination.url, policy);
        if (!verdict.allowed) replace(opener, i, destination.end, removals.add(verdict.host), true);
        i = destination.end;
        continue;
      }
    }
    // A reference use: `[text][label]`, `[label][]` or `[label]`.
    let labelStart = opener.textStart;
    let labelEnd = i;
    let end = i + 1;
    if (text[i + 1] === '[') {
      const close = next.of(']', i + 2);
      const nested = next.of('[', i + 2);
      if (close >= 0 && close - (i + 2) <= MAX_LABEL && (nested < 0 || nested > close)) {
        if (close > i + 2) [labelStart, labelEnd] = [i + 2, close];
        end = close + 1;
      }
    }
    const shown =
      blocked.size > 0 && labelEnd - labelStart <= MAX_LABEL
        ? blocked.get(normaliseLabel(text.slice(labelStart, labelEnd)))
        : undefined;
    if (shown !== undefined) replace(opener, i, end, shown, false);
    i = end;
  }
  if (!changed) return text;
  // Removing an image can pull a `[label]: …` line to the start of its line: judge definitions again.
  return removeBlockedDefinitions(edits.apply(), policy, removals).text;
}
