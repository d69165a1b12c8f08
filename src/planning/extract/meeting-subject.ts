import type { Phrase } from '../text/phrase';
import { capitalise } from './describe-mail';

/** Words that introduce what a meeting is about ("to" only before a verb: not "to a call"), or a colon. */
export const SUBJECT_MARKER =
  /\b(about|regarding|concerning|re:|re|on|for|to(?!\s+(?:a|an|the|my|our|your)\s))\s+|(?<=\S):\s+/;

/** "to <verb> X": how the verb shapes the subject. */
const TO_VERBS: ReadonlyArray<readonly [RegExp, (rest: string) => string]> = [
  [
    /^(?:discuss|cover|talk\s+(?:about|through)|chat\s+about|go\s+(?:over|through)|catch\s+up\s+(?:on|about)|sync\s+(?:on|about)|touch\s+base\s+(?:on|about)|walk\s+through)\s+/,
    (rest) => rest,
  ],
  [/^review\s+/, (rest) => `${rest} review`],
  [/^plan\s+/, (rest) => `${rest} planning`],
  [/^(?:prepare|prep)\s+(?:for\s+)?/, (rest) => `${rest} prep`],
];

const ARTICLES = /^(?:the|a|an|our|my|this|that|some)\s+/i;
const MAX_SUBJECT = 120;

/**
 * The subject said after a marker: "about the launch" → "Launch", "to discuss the launch" →
 * "Launch", "to review the budget" → "Budget review", "to finalise the contract" →
 * "Finalise the contract". Reads up to the next masked part (attendees are masked first).
 */
export function subjectAfterMarker(
  phrase: Phrase,
): { readonly subject: string; readonly start: number; readonly end: number } | undefined {
  const hit = phrase.find(SUBJECT_MARKER);
  if (!hit) return undefined;
  const part = phrase.segment(hit.end);
  let subject = part.text;
  if (hit.groups[1] === 'to') {
    const lower = subject.toLowerCase();
    const rule = TO_VERBS.find(([pattern]) => pattern.test(lower));
    if (rule) {
      const [pattern, shape] = rule;
      const verbLength = (pattern.exec(lower)?.[0] ?? '').length;
      subject = shape(subject.slice(verbLength).replace(ARTICLES, ''));
    }
  }
  subject = capitalise(subject.replace(ARTICLES, '').trim()).slice(0, MAX_SUBJECT).trim();
  // "to discuss it", "to go through them": what the request before it made; the default subject names the people.
  if (/^(?:it|them|that|this|those|these)$/i.test(subject)) return undefined;
  return subject ? { subject, start: hit.start, end: part.end } : undefined;
}

const GENERIC = new Set([
  'quick',
  'short',
  'brief',
  'online',
  'virtual',
  'teams',
  'video',
  'phone',
  'new',
  'little',
  'small',
  'long',
  'longer',
  'proper',
  'meeting',
]);

const BEFORE_NOUN = new Map<string, RegExp>();

/** "a launch meeting" → "Launch meeting": words between the article and the meeting noun. */
export function subjectBeforeNoun(phrase: Phrase, nounPattern: string): string | undefined {
  let pattern = BEFORE_NOUN.get(nounPattern);
  if (!pattern) {
    // A length or time said in between ("a 90 minute planning workshop") is masked already.
    pattern = new RegExp(
      `\\b(?:a|an|the|some|our)\\s+(?:\u0000+\\s*)?((?:[a-z0-9][\\w'&-]*\\s+){1,3}?)(${nounPattern})\\b`,
    );
    BEFORE_NOUN.set(nounPattern, pattern);
  }
  const hit = phrase.find(pattern);
  if (!hit) return undefined;
  const words = (hit.raw(1) ?? '')
    .trim()
    .split(/\s+/)
    .filter((word) => !GENERIC.has(word.toLowerCase()));
  if (words.length === 0) return undefined;
  return capitalise(`${words.join(' ')} ${hit.raw(2) ?? ''}`.trim());
}
