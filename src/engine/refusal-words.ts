import type { PolicyAnswer } from './ports';

/**
 * Why policy refuses a step, in words a requester understands: no action names
 * (`calendar.cancelEvent`) and no policy sections (`actions.destructive`); those go to the audit.
 */
export function refusalInWords(stepTitle: string, n: number, answer: PolicyAnswer): string {
  const what = stepTitle.replace(/\s*\((?:from step \d+|from an earlier step)\)/g, ' it').trim();
  return `step ${n} (“${what}”): ${reasonOf(answer)}.`;
}

/** Why policy refuses, in words (no rule ids or policy sections), without a final full stop. */
export function reasonOf(answer: PolicyAnswer): string {
  switch (answer.deniedBy) {
    case 'kill-switch':
      return 'an admin has stopped all tasks for now';
    case 'actions.deny':
      return "your organisation's policy doesn't allow this kind of step";
    case 'actions.allow':
      return "this kind of step is not among those your organisation's policy allows";
    case 'actions.destructive':
      return "your organisation's policy turns off steps that delete or cancel something";
    default: {
      // A rule with `deny: true`: its own message, or what it matched, in words.
      const text = answer.reasons.find((r) => r.rule === answer.deniedBy)?.text ?? '';
      return text === '' ? "your organisation's policy doesn't allow it" : text.replace(/\.$/, '');
    }
  }
}
