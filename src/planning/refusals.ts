import { closestAbilities, type Ability } from './abilities';

function line(ability: Ability): string {
  return `• ${ability.can.charAt(0).toUpperCase()}${ability.can.slice(1)}, e.g. "${ability.example}"`;
}

const quote = (text: string): string => `"${text}"`;

/**
 * A refusal that helps: what was understood, which part was not, and the two or three closest
 * things Delegate can do (ranked from the catalogue's abilities by the words of the request).
 */
export function notUnderstood(clause: string, understood: readonly string[]): string {
  const lead =
    understood.length > 0
      ? `I understood ${understood.map(quote).join(' and ')}, but not ${quote(clause)}.`
      : `Sorry, I didn't understand ${quote(clause)}.`;
  return [
    lead,
    'The closest things I can do:',
    ...closestAbilities(clause).map(line),
    'Say "help" for everything I can do.',
  ].join('\n');
}

/** When there is nothing to go on: a lead, and a few things Delegate can do. */
export function whatICanDo(lead: string): string {
  return [lead, 'For example, I can:', ...closestAbilities('').map(line), 'Say "help" for everything I can do.'].join(
    '\n',
  );
}

/** A follow-up that changes nothing the plan has. */
export function notAChange(instruction: string): string {
  return `I couldn't apply "${instruction}" to the plan. I can change a meeting's length, time or subject, who a message goes to, and who is copied — e.g. "make it 45 minutes", "cc Megan too", "send it to Adele instead".`;
}
