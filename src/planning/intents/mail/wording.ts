/** Words shared by the mail intents. Patterns are applied to the whole clause, case-insensitively. */

/** "latest", "last", "most recent", "newest". */
export const LATEST = '(?:latest|last|most\\s+recent|newest)';
/** One message: "mail", "email", "e-mail", "message". */
export const ONE_MAIL = '(?:e-?mail|mail|message)';
/** "please", "can you", "could you" before the verb. */
export const POLITE = '(?:(?:please|can\\s+you|could\\s+you|would\\s+you)\\s+)?';
/** What introduces the text to send: "saying", "that says", "to say", "with", ":". */
export const SAYING =
  '(?:\\s*:\\s*|\\s*,\\s*(?:saying\\s+)?|\\s+(?:saying|that\\s+says|to\\s+say|telling\\s+(?:them|him|her)|with)\\b\\s*:?\\s*)';
/** What introduces a forward's note: "saying", "with a note", "adding", ":" (no bare comma: names are listed with commas). */
export const NOTE =
  '(?:\\s*:\\s*|\\s+(?:saying|with\\s+(?:a\\s+|the\\s+)?(?:note|comment|message)|adding|and\\s+say)\\b\\s*:?\\s*)';
/** A possessive ending: "Dana's", "James'". */
export const POSSESSIVE = "(?:'s|’s|'|’)";

export const NO_REPLY_TEXT =
  'What should the reply say? For example: "reply to Dana\'s latest mail saying we accept the terms".';
export const NO_MAIL_CRITERIA =
  'Which mail do you mean? Say who it is from, what it is about or when it came, for example "flag my unread mail from Fabrikam".';
export const NO_THREAD = 'Which thread should I summarise? For example: "summarise the thread Contoso renewal".';
export const NO_FORWARD_TO =
  'Who should I forward it to? For example: "forward the latest mail from Contoso to Megan".';
