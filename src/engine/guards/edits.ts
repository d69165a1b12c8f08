/** Replace `[start, end)` of the source with `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Apply non-overlapping edits, sorted by start, to `source` between `from` and `to`. */
export function applyEdits(source: string, edits: readonly Edit[], from = 0, to = source.length): string {
  const parts: string[] = [];
  let at = from;
  for (const edit of edits) {
    parts.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(source.slice(at, to));
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
    while (this.edits.length > 0 && (this.edits[this.edits.length - 1] as Edit).start >= start) inside.push(this.edits.pop() as Edit);
    inside.reverse();
    const within = inside.filter((edit) => edit.start >= innerStart && edit.end <= innerEnd);
    this.edits.push({ start, end, text: render(applyEdits(this.source, within, innerStart, innerEnd)) });
  }

  apply(): string {
    return applyEdits(this.source, this.edits);
  }
}
