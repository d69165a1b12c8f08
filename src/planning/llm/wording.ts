/** What the LLM planner says to people, in one place so the tone stays consistent. */

export const EMPTY =
  'Tell me what you would like done, for example "Email Megan Bowen a summary of my unread mail from Contoso".';

export const TOO_LONG = 'That message is too long for me to plan from. Please say what you need in a few sentences.';

const SHOWN = 3;
const CLIP = 160;

/** A model-facing problem ("s2: …, the requester …") as the requester would say it. */
export function inPlainWords(problem: string): string {
  const text = problem
    .replace(/^s(\d+): /, 'step $1: ')
    .replace(/ is not a catalogue action$/, ' is not something I can do')
    .replace(/the requester/g, 'you')
    .replace(/; use only people you asked for, or ask$/, '')
    .replace(/ \(see Channels\)$/, '')
    .replace(/ or one of the directory candidates/, ' or someone I found in your directory');
  return text.length > CLIP ? `${text.slice(0, CLIP - 1).trimEnd()}…` : text;
}

/** The refusal after the model failed to produce a valid plan twice, naming what was wrong. */
export function couldNotPlan(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN).map(inPlainWords);
  const more = problems.length > SHOWN ? ` (and ${problems.length - SHOWN} more)` : '';
  return `I couldn't make a valid plan for that. What was wrong: ${shown.join('; ')}${more}. Try saying it another way, or ask for less at once.`;
}
