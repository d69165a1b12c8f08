/** Verbs that start a new request inside one message ("… and set up …", "… then post …"). */
const REQUEST_VERB =
  '(?:please\\s+)?(?:set\\s*up|schedule|book|arrange|organi[sz]e|(?:e-?mail|mail)\\b(?!\\s+(?:from|about|regarding|since|received|sent|that|which|in|on)\\b)|send|post|share|summari[sz]e|recap|forward|put|drop|find|meet)\\b';

const SPLIT = new RegExp(
  `(?:\\s*[;.!?]\\s+|,?\\s+(?:and\\s+then|and\\s+also|and|then|also|after\\s+that|afterwards)\\s+)(?=${REQUEST_VERB})`,
  'i',
);

/**
 * Split a message into the requests it holds: "Summarise this week's mail from Contoso and set
 * up a review with Megan next week" → two clauses. A connector only splits when a request verb
 * follows it, so "with Megan and Adele" stays whole.
 */
export function splitClauses(text: string): string[] {
  return text
    .split(SPLIT)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
