/** Replaces text that an extractor has already understood, so later extractors skip it. */
export const MASK = '\u0000';

/** One regular-expression match in a {@link Phrase}. */
export interface Hit {
  readonly start: number;
  readonly end: number;
  /** Lower-case capture groups (index 0 is the whole match). */
  readonly groups: readonly (string | undefined)[];
  /** Original-case text of capture group `index`. */
  raw(index: number): string | undefined;
}

/** Lower-case a string without changing its length, so positions found in it index the original. */
function lowerKeepingLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

const TRIM = /^[\s,;:.!?"'()-]+|[\s,;:.!?"'()-]+$/g;

/**
 * A piece of user text with a same-length lower-case twin. Patterns are written in lower case
 * and run on the twin; what they capture is read back from the original, preserving names.
 */
export class Phrase {
  readonly lower: string;

  constructor(readonly text: string) {
    this.lower = lowerKeepingLength(text);
  }

  /** The first match of `pattern` at or after `from`. */
  find(pattern: RegExp, from = 0): Hit | undefined {
    const rx = compiled(pattern);
    rx.lastIndex = from;
    const match = rx.exec(this.lower);
    return match ? this.toHit(match) : undefined;
  }

  /** Every non-overlapping match of `pattern`. */
  findAll(pattern: RegExp): Hit[] {
    const hits: Hit[] = [];
    const rx = compiled(pattern);
    rx.lastIndex = 0;
    for (let match = rx.exec(this.lower); match; match = rx.exec(this.lower)) {
      hits.push(this.toHit(match));
      if (match[0].length === 0) rx.lastIndex += 1;
    }
    return hits;
  }

  /** A copy with `[start, end)` masked out. */
  mask(start: number, end: number): Phrase {
    return new Phrase(this.text.slice(0, start) + MASK.repeat(end - start) + this.text.slice(end));
  }

  /** Original text, trimmed of spaces and punctuation at both ends. */
  slice(start: number, end = this.text.length): string {
    return this.text.slice(start, end).replace(TRIM, '');
  }

  /**
   * The original text from `start` up to the next masked part or the next match of `stop`,
   * trimmed; `end` is where it stopped.
   */
  segment(start: number, stop?: RegExp): { readonly text: string; readonly end: number } {
    let end = this.text.indexOf(MASK, start);
    if (end < 0) end = this.text.length;
    if (stop) {
      const hit = this.find(stop, start);
      if (hit && hit.start < end) end = hit.start;
    }
    return { text: this.slice(start, end), end };
  }

  private toHit(match: RegExpExecArray): Hit {
    const indices = match.indices;
    return {
      start: match.index,
      end: match.index + match[0].length,
      groups: [...match],
      raw: (index) => {
        const span = indices?.[index];
        return span ? this.text.slice(span[0], span[1]) : undefined;
      },
    };
  }
}

/** Global with indices; patterns are written in lower case, so 'i' is dropped rather than needed. */
function withFlags(flags: string): string {
  return `${flags.replace(/[gyid]/g, '')}gd`;
}

/** Compiled global twins of the patterns, made once each (planning must stay cheap). */
const COMPILED = new WeakMap<RegExp, RegExp>();

function compiled(pattern: RegExp): RegExp {
  let rx = COMPILED.get(pattern);
  if (!rx) {
    rx = new RegExp(pattern.source, withFlags(pattern.flags));
    COMPILED.set(pattern, rx);
  }
  return rx;
}
