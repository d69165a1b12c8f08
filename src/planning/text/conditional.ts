/**
 * Requests whose later part depends on what an earlier part finds: "check if Megan is free and
 * if so message her", "if Lynne has replied, forward it to Adele". A plan's steps all run once
 * it is approved, so such a request cannot be planned as asked; planning it without the
 * condition would do more than was asked. The answer names the condition instead.
 */

/** "check/see/find out if X and if so / if she is / then …". */
const CHECK_THEN = new RegExp(
  [
    '\\b(?:check|see|find\\s+out|ask|confirm)\\s+(?:if|whether)\\s+(.+?)\\s*,?\\s+(?:and\\s+)?(?:then\\s+)?',
    "(?:if\\s+(?:so|yes|not|that\\s+is\\s+the\\s+case|(?:she|he|they|it|that)(?:\\s+(?:is|are|has|have|does|do|can|was))(?:n't|\\s+not)?)|only\\s+if|unless)\\b",
  ].join(''),
  'i',
);
/** "if X, (then) Y", "only if X …", "… unless X". */
const IF_FIRST =
  /^(?:only\s+)?if\s+(.+?)(?:\s*,|\s+then\b|\s+(?=(?:please\s+)?(?:forward|send|e-?mail|book|schedule|set\s+up|reply|respond|message|ping|post|share|cancel|move|decline|accept|tell|let|add|flag|archive)\b))\s*/i;
const UNLESS = /\s+(?:but\s+)?(?:only\s+if|unless)\s+(.+)$/i;

/** The condition a request's action depends on ("Megan is free"), or undefined when there is none. */
export function conditionOf(outcome: string): string | undefined {
  const text = outcome.trim();
  const found = CHECK_THEN.exec(text)?.[1] ?? IF_FIRST.exec(text)?.[1] ?? UNLESS.exec(text)?.[1];
  return found?.replace(/[?.!,]+$/, '').trim() || undefined;
}

/** What the planner says to a conditional request. */
export function conditionalMessage(condition: string): string {
  return (
    `I can't make part of a plan depend on whether ${condition}: every step of a plan runs once you approve it. ` +
    `Ask me first to check whether ${condition} (for example "is Megan free?"), then ask for the rest.`
  );
}
