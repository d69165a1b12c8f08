import type { PlanRequest, PlanResult } from '../../engine/ports';
import type { Part, PartKind } from './parts';

const KIND: Readonly<Record<PartKind, string>> = {
  verb: 'what to do',
  person: 'a person',
  channel: 'a channel',
  time: 'a time',
  format: 'a format',
  attachment: 'attachments',
  copy: 'who to copy',
};

const WAIVE = /^go\s+ahead\s+without\b/i;

/** The option that lets the requester accept a plan without `parts`. */
export function waiveOption(parts: readonly Part[]): string {
  return `Go ahead without ${parts.map((part) => `"${part.text}"`).join(', ')}`;
}

/** Parts the requester already agreed to leave out (they chose the option above). */
export function waived(parts: readonly Part[], clarifications: PlanRequest['clarifications']): Part[] {
  const answers = (clarifications ?? []).map((c) => c.answer).filter((answer) => WAIVE.test(answer.trim()));
  return parts.filter(
    (part) => !answers.some((answer) => answer.toLowerCase().includes(`"${part.text.toLowerCase()}"`)),
  );
}

/**
 * Never a plan that does less than asked: name the parts no step uses, say what would be done,
 * and let the requester choose to go ahead without them (or say it another way).
 */
export function unusedPartsQuestion(title: string, parts: readonly Part[]): PlanResult {
  const named = parts.map((part) => `"${part.text}" (${KIND[part.kind]})`).join(', ');
  return {
    kind: 'question',
    question:
      `I can plan this: ${title}. But I couldn't fit ${named} into it, and I won't silently leave ` +
      `${parts.length === 1 ? 'it' : 'them'} out. Should I go ahead without ${parts.length === 1 ? 'it' : 'them'}? ` +
      'Otherwise cancel this and say it another way.',
    options: [waiveOption(parts)],
  };
}
