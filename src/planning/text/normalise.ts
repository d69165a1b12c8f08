/**
 * Tidy an outcome as typed in Teams before parsing: drop @mentions of the bot, unify quotes and
 * whitespace, and peel off politeness ("could you please …", "… thanks!") that carries no meaning.
 * Case is kept, because names and subjects are taken from the original text.
 */
export function normaliseOutcome(raw: string): string {
  let text = raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    // Possessives typed without the apostrophe: "last weeks emails", "todays mail".
    .replace(/\b(last|this|next)\s+(week|month|year)s\b(?=\s+\w)/gi, "$1 $2's")
    .replace(/\b(today|yesterday)s\b(?=\s+\w)/gi, "$1's")
    // Contractions typed without the apostrophe: "whats", "whos", "dont", "havent".
    .replace(/\b(what|who|where|when|how|that|there)s\b/gi, "$1's")
    .replace(/\b(do|does|did|is|are|was|were|have|has|had|can|could|would|should)nt\b/gi, "$1n't")
    .replace(/\bcant\b/gi, "can't")
    // Chat shorthand: "w/ lynne", "tmrw", "1hr", "incl." (whose full stop would end a sentence).
    .replace(/\bincl\.(?=\s)/gi, 'including')
    .replace(/\bw\/\s*/gi, 'with ')
    .replace(/\bw\s+(?=(?:a|an|the|my|our|his|her|their)\s)/gi, 'with ')
    .replace(/\b(?:tmrw|tmw|tmr|tomoz|2moro|tomorow|tommorow|tommorrow)\b/gi, 'tomorrow')
    .replace(/\b(\d+)\s*hrs?\b/gi, (_m, n: string) => `${n} hour${n === '1' ? '' : 's'}`)
    .trim();
  let previous: string;
  do {
    previous = text;
    text = text
      .replace(/^@?delegate\b[\s,:]*/i, '')
      .replace(/^(?:hi|hey|hello)\b[\s,!.]*/i, '')
      .replace(/^(?:please|pls|kindly)\b[\s,]*/i, '')
      .replace(/^(?:can|could|would|will)\s+you\s+/i, '')
      .replace(/^i(?:\s+would|'d)?\s+(?:need|want|like)\s+you\s+to\s+/i, '')
      .replace(/^go\s+ahead\s+and\s+/i, '')
      .replace(/^i(?:\s+would|'d)?\s+(?:need|want|like)\s+to\s+/i, '')
      // "… saying thanks" is what to say, not politeness.
      .replace(
        /(?<!\b(?:saying|say|says|that|with|reply|:)\s*)[\s,]*\b(?:please|pls|thanks|thank\s+you|thx|cheers)\b[\s.!?]*$/i,
        '',
      )
      // A question mark closes the words to send ("IM Patti: are we still on for 3?"); elsewhere it is noise.
      .replace(/\s*[.!]+$|\s*\?+$/, (end) => (/\?/.test(end) && /:\s*\S/.test(text) ? '?' : ''))
      .trim();
  } while (text !== previous);
  return text;
}
