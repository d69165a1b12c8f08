/** Verbs that start a new request inside one message ("… and set up …", "… then post …"). */
const REQUEST_VERB =
  '(?:please\\s+)?(?:set\\s*up|schedule|book|arrange|organi[sz]e|(?:e-?mail|mail)\\b(?!\\s+(?:from|about|regarding|since|received|sent|that|which|in|on)\\b)|send|post|share|summari[sz]e|recap|forward|put|drop|find|meet|move|delete|unflag|cancel|decline|accept|rename|message|ping|reply|cc|bcc|copy|loop|save|store|export|invite|flag|archive|create|remind|mark|write|text|dm|chat|tell\\s+\\S+(?:\\s+\\S+)?\\s+(?:on|via|in|over)\\s+teams|let\\s+(?!(?:her|him|them|me|us)\\b)\\S+(?:\\s+and\\s+\\S+)?\\s+know\\b|add\\s+(?:a|an)\\s+(?:to[\\s-]?do|task|reminder))\\b';

const SPLIT = new RegExp(
  [
    // Sentence ends and "then" always separate requests.
    '\\s*[;.!?]\\s+',
    ',?\\s+(?:and\\s+)?then\\s+',
    ',?\\s+(?:and\\s+)?after\\s+that,?\\s+',
    // "and"/"also" only when a request verb follows.
    `,?\\s+(?:and\\s+also|and|also|plus)\\s+(?=${REQUEST_VERB})`,
    // A comma before a request verb: "reply saying thanks, cc Megan".
    `,\\s+(?=(?:cc|bcc|copy|loop)\\b)`,
  ].join('|'),
  'i',
);

/** ", email it to Megan, and set up …": a comma before a request verb starts a request. */
const COMMA_VERB = new RegExp(`,\\s+(?=${REQUEST_VERB})`, 'gi');
/** Once the words to send have begun (":", "saying", "that", a quote), commas are theirs. */
const CONTENT_STARTS = /:|\bsaying\b|\bthat\b|\bto\s+say\b|"|(?:^|\s)'/i;

function splitAtCommas(part: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of part.matchAll(COMMA_VERB)) {
    const at = match.index;
    if (CONTENT_STARTS.test(part.slice(0, at))) break;
    out.push(part.slice(start, at));
    start = at + match[0].length;
  }
  out.push(part.slice(start));
  return out;
}

/** What may be left at the start of a sentence: "… a summary. Then please book …". */
const LEADING_CONNECTOR = /^\s*(?:(?:and|also|then|after\s+that|afterwards|please)\b[\s,]*)+/i;

/**
 * Split a message into the requests it holds: "Summarise this week's mail from Contoso and set
 * up a review with Megan next week" → two clauses. Sentence ends and "then" always split; "and"
 * only splits when a request verb follows it, so "with Megan and Adele" stays whole.
 */
export function splitClauses(text: string): string[] {
  return text
    .split(SPLIT)
    .flatMap(splitAtCommas)
    .map((part) => part.replace(LEADING_CONNECTOR, '').trim())
    .filter((part) => part.length > 0);
}
