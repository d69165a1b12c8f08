/** One attribute of a tag, value as written (not yet entity-decoded). */
export interface HtmlAttribute {
  readonly name: string;
  readonly value: string;
}

/** A complete start or end tag and where it sits in the text. */
export interface HtmlTag {
  readonly start: number;
  /** Index just after its `>`. */
  readonly end: number;
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: readonly HtmlAttribute[];
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/**
 * The tags in `text`, read the way the HTML tokenizer reads them (quoted values may hold `>`,
 * comments hide tags, a tag left open at the end of the text is no tag). One pass, linear time:
 * every search starts after the previous one, and an unterminated construct ends the scan
 * because everything after it belongs to it.
 */
export function scanTags(text: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return tags;
    if (text.startsWith('!--', lt + 1)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) return tags;
      i = close + 3;
      continue;
    }
    const first = text[lt + 1];
    if (first === '!' || first === '?') {
      const close = text.indexOf('>', lt + 2);
      if (close < 0) return tags;
      i = close + 1;
      continue;
    }
    const closing = first === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isLetter(text[nameStart])) {
      i = lt + 1;
      continue;
    }
    let j = nameStart;
    while (j < n && !isSpace(text[j]) && text[j] !== '/' && text[j] !== '>') j += 1;
    const name = text.slice(nameStart, j).toLowerCase();
    const attributes: HtmlAttribute[] = [];
    for (;;) {
      while (j < n && (isSpace(text[j]) || text[j] === '/')) j += 1;
      if (j >= n) return tags;
      if (text[j] === '>') break;
      const attrStart = j;
      j += 1; // the first character of a name may be '='
      while (j < n && !isSpace(text[j]) && text[j] !== '/' && text[j] !== '>' && text[j] !== '=') j += 1;
      const attrName = text.slice(attrStart, j).toLowerCase();
      let k = j;
      while (k < n && isSpace(text[k])) k += 1;
      let value = '';
      if (text[k] === '=') {
        k += 1;
        while (k < n && isSpace(text[k])) k += 1;
        const quote = text[k];
        if (quote === '"' || quote === "'") {
          const close = text.indexOf(quote, k + 1);
          if (close < 0) return tags;
          value = text.slice(k + 1, close);
          j = close + 1;
        } else {
          const valueStart = k;
          while (k < n && !isSpace(text[k]) && text[k] !== '>') k += 1;
          value = text.slice(valueStart, k);
          j = k;
        }
      }
      attributes.push({ name: attrName, value });
    }
    tags.push({ start: lt, end: j + 1, name, closing, attributes });
    i = j + 1;
  }
}
