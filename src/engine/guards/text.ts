/**
 * Characters that render as nothing (zero-width, joiners, bidi controls, variation selectors,
 * Unicode tags). Injected text uses them to hide instructions or to break up a URL or an
 * address so that a naive comparison misses it.
 */
export const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

/** Text as compared when tracing: NFKC, invisible characters dropped, lower case, whitespace collapsed. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").toLowerCase().replace(/\s+/g, ' ');
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Whether the character at `index` (if any) continues a word. */
export function isWordChar(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Every index where `needle` occurs in `haystack` as a whole word or phrase (no letter or
 * digit touching either end). Both are expected to be normalised already.
 */
export function wholeWordIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return found;
    const startsWord = isWordChar(needle, 0);
    const endsWord = isWordChar(needle, needle.length - 1);
    const before = startsWord && isWordChar(haystack, at - 1);
    const after = endsWord && isWordChar(haystack, at + needle.length);
    if (!before && !after) found.push(at);
    from = at + 1;
  }
}

/** Whether `needle` occurs in `haystack` as a whole word or phrase. */
export function containsWord(haystack: string, needle: string): boolean {
  return wholeWordIndexes(haystack, needle).length > 0;
}

/** Shorten a value for a message on a card: guard messages must stay readable whatever an input holds. */
export function forDisplay(value: string, max = 120): string {
  const clean = value
    .replace(INVISIBLE, '')
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Drop trailing dots (`example.com.` is `example.com`) without a `\.+$` regex, which is quadratic on long runs. */
export function trimTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host[end - 1] === '.') end -= 1;
  return host.slice(0, end);
}
