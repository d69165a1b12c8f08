import type { Phrase } from '../../text/phrase';

/** A quoted title: 'Book venue' or "Book venue". */
const QUOTED = /(["'])([^"']{1,255})\1/;

/** A task's title: quoted anywhere, else the words between the verb and the first marker. */
export function findTitle(
  phrase: Phrase,
  afterVerb: number,
  stop: RegExp,
): { text: string; start: number; end: number } | undefined {
  const quoted = phrase.find(QUOTED);
  if (quoted) return { text: (quoted.raw(2) ?? '').trim(), start: quoted.start, end: quoted.end };
  // Skip the words that introduce a title ("… plan to book the venue", "a task called …").
  const lead = /^[\s,]*(?:(?:called|named|titled|to|and)\s+)?/.exec(phrase.lower.slice(afterVerb));
  const from = afterVerb + (lead?.[0].length ?? 0);
  const segment = phrase.segment(from, stop);
  return segment.text ? { text: segment.text, start: afterVerb, end: segment.end } : undefined;
}
