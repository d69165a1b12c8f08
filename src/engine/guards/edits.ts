/** Replace `[start, end)` of the source with `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Whether `left` followed by `right` would start link syntax that was not there before: `](`, `][`,
 * `]:` (markdown links and definitions), `![` (an image) or `<a` (a tag). Removing something from
 * between two characters must never join them into a link that no pass has judged.
 */
export function fuses(left: string, right: string): boolean {
  if (left === ']') return right === '(' || right === '[' || right === ':';
  if (left === '!') return right === '[';
  if (left === '<') return /[A-Za-z/!?]/.test(right);
  return false;
}

/**
 * Apply non-overlapping edits, sorted by start, to `source` between `from` and `to`. Where an edit
 * meets its neighbours (in the output, so adjacent edits count) and they would fuse into link
 * syntax, a space keeps them apart.
 */
export function applyEdits(source: string, edits: readonly Edit[], from = 0, to = source.length): string {
  const parts: string[] = [];
  let last: string | undefined;
  let junction = false;
  const push = (piece: string): void => {
    if (piece === '') return;
    if (junction && last !== undefined && fuses(last, piece[0] as string)) parts.push(' ');
    parts.push(piece);
    last = piece[piece.length - 1];
    junction = false;
  };
  let at = from;
  for (const edit of edits) {
    push(source.slice(at, edit.start));
    junction = true;
    push(edit.text);
    junction = true;
    at = edit.end;
  }
  push(source.slice(at, to));
  return parts.join('');
}

/**
 * Edits collected left to right where a later edit may enclose earlier ones (a link around
 * an image): the enclosing edit is rendered from its inner text with the inner edits applied.
 */
export class NestedEdits {
  private readonly edits: Edit[] = [];

  constructor(private readonly source: string) {}

  /** Replace `[start, end)`; `render` gets `[innerStart, innerEnd)` with earlier edits inside it applied. */
  wrap(start: number, end: number, innerStart: number, innerEnd: number, render: (inner: string) => string): void {
    const inside: Edit[] = [];
    while (this.edits.length > 0 && (this.edits[this.edits.length - 1] as Edit).start >= start)
      inside.push(this.edits.pop() as Edit);
    inside.reverse();
    const within = inside.filter((edit) => edit.start >= innerStart && edit.end <= innerEnd);
    this.edits.push({ start, end, text: render(applyEdits(this.source, within, innerStart, innerEnd)) });
  }

  apply(): string {
    return applyEdits(this.source, this.edits);
  }
}
