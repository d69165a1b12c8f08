/** Shorten `text` to at most `max` characters, ending with "…" when cut (subjects have limits). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Mail and event subjects may be at most this long. */
export const MAX_SUBJECT = 255;
