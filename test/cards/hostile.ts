/**
 * User text that looks like template syntax. Cards are expanded with adaptivecards-templating,
 * so text a person (or a mail) wrote must come out exactly as written: never evaluated, never
 * escaped, never dropped. Each string holds every syntax: Adaptive Expressions (`${…}`, the
 * `${'$'}` escape, the legacy `@{…}`), moustaches, and an expression naming a real view field.
 */
export const HOSTILE_OUTCOME = "Summarise mail about ${title}, ${'$'}{x}, @{x} and {{x}} from ${taskId} and send it on";
export const HOSTILE_TITLE = "Email ${title} ${'$'}{x} @{x} {{x}}";
export const HOSTILE_SUBJECT = "Re: ${title} ${'$'}{x} @{x} {{x}} ${count(facts)}";
/** Several lines, so it is shown as a block rather than a fact. */
export const HOSTILE_BODY =
  "Hello ${title},\n${'$'}{x} costs ${1+1} @{x} {{x}}\n${if(true, 'yes', 'no')} \\${x} ${taskId}";
/** A whole value that is one expression: the template's own `"${value}"` must not re-read it. */
export const HOSTILE_EXACT = '${taskId}';
export const HOSTILE_ERROR = 'The channel ${title} {{x}} @{x} no longer exists.';

/** The template fragments every hostile string above carries at least one of. */
export const SYNTAXES = ['${title}', "${'$'}{x}", '@{x}', '{{x}}'] as const;
