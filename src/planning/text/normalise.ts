/** Verbs people ask for in the "-ing" form ("would you mind sending …"). */
const VERBS = new Set(
  'let send book set move email mail forward share schedule create arrange organise organize summarise summarize invite decline accept write reply find check cancel add put post message ping tell drop remind mark flag archive delete reschedule push look get give make read open show list save update assign ask chase sort pull grab call rename file'.split(
    ' ',
  ),
);

/** "letting" → "let", "sharing" → "share", "booking" → "book"; the word as typed when unknown. */
export function baseVerb(gerund: string): string {
  const stem = gerund.toLowerCase().replace(/ing$/, '');
  const candidates = [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')];
  return candidates.find((word) => VERBS.has(word)) ?? gerund;
}

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
    // "adeles manager", "isaiahs working hours": a name's, before what only people have.
    .replace(
      /(?<=(?:^|\b(?:is|are|who|who's|what's|find|check|get|show(?:\s+me)?|about|for|email|ask|message|ping|tell)\s+))([a-z]{2,}[^s\W])s\s+(?=(?:line\s+)?(?:manager|boss|direct\s+reports|working\s+hours|auto[\s-]?reply|job\s+title|email\s+address|time\s+zone|out\s+of\s+office)\b)/gi,
      "$1's ",
    )
    // Contractions typed without the apostrophe: "whats", "whos", "dont", "havent".
    .replace(/\b(what|who|where|when|how|that|there)s\b/gi, "$1's")
    .replace(/\b(do|does|did|is|are|was|were|have|has|had|can|could|would|should)nt\b/gi, "$1n't")
    .replace(/\bcant\b/gi, "can't")
    // Chat shorthand: "w/ lynne", "tmrw", "1hr", "incl." (whose full stop would end a sentence).
    .replace(/\b(can|could|would|will|do)\s+u\b/gi, '$1 you')
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
      .replace(/^(?:please|pls|plz|kindly)\b[\s,]*/i, '')
      .replace(/^(?:can|could|would|will)\s+you\s+(?!mind\b)/i, '')
      // "would you mind booking …", "do you mind sending …" → "book …", "send …".
      .replace(/^(?:would|do|will)\s+you\s+mind\s+([a-z]+ing)\b/i, (_m, verb: string) => baseVerb(verb))
      .replace(
        /^(?:i\s+was\s+wondering\s+if\s+you\s+could|do\s+you\s+think\s+you\s+could|(?:is\s+it|would\s+it\s+be)\s+possible\s+to|any\s+chance\s+(?:you\s+could|of)|if\s+you\s+(?:could|can|get\s+a\s+(?:chance|sec|moment|minute)),?|when\s+you\s+(?:get|have)\s+a\s+(?:chance|sec|moment|minute),?)\s+/i,
        '',
      )
      .replace(
        /[\s,]+(?:when\s+you\s+(?:get|have)\s+a\s+(?:chance|sec|moment|minute)|if\s+you\s+(?:can|could|don't\s+mind)|for\s+me)$/i,
        '',
      )
      // Indirect questions: "tell me who adele's manager is" → "who is adele's manager",
      // "let me know if Megan is free" → "is Megan free".
      .replace(
        /^(?:tell\s+me|let\s+me\s+know|do\s+you\s+know|i(?:'d|\s+would)\s+like\s+to\s+know|find\s+out)\s+(who|what|when|where|which)\s+(.+?)\s+(is|are|was|were)$/i,
        '$1 $3 $2',
      )
      .replace(
        /^(?:tell\s+me|let\s+me\s+know|do\s+you\s+know|find\s+out|check|see)\s+(?:if|whether)\s+(?!.*\bif\b)(.+?)\s+(is|are|has|have)\s+(.+)$/i,
        '$2 $1 $3',
      )
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
