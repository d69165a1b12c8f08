import { capitalise } from '../../extract/describe-mail';

/**
 * Where a message to the other people starts: "and tell them …", "saying …", "because …", "with the
 * message …", or a reason after a comma ("…, the customer postponed", "…, I am on leave").
 */
const MESSAGE =
  /(?:,?\s+and)?\s+(?:tell|let)\s+(?:them|everyone|everybody|the\s+(?:attendees|others|organi[sz]er)|people|(?:him|her))\s+(?:know\s+)?(?:that\s+)?|,?\s+saying\s+(?:that\s+)?|,?\s+(?:with\s+the\s+(?:message|note|comment))\s*:?\s*|,?\s+because\s+|\s*(?:,|\s-)\s+(?=(?:i|i'm|we|we're|they|they're|the\s+\w+(?:\s+\w+)?)\s+(?:am|are|is|was|were|have|has|had|can't|cannot|won't|will|\w+ed)\b)/i;

/** A clause split into what it asks and the message it carries ("cancel X and tell them Y" → "cancel X", "Y"). */
export function splitMessage(clause: string): { readonly request: string; readonly message?: string } {
  const hit = MESSAGE.exec(clause);
  if (!hit) return { request: clause };
  const because = /because\s+$/i.test(hit[0]);
  const said = clause
    .slice(hit.index + hit[0].length)
    .replace(/^["“]|["”]$/g, '')
    .replace(/[\s.]+$/, '')
    .trim();
  if (!said) return { request: clause };
  const message = capitalise(because ? `because ${said}` : said);
  return { request: clause.slice(0, hit.index), message: `${message}.` };
}
