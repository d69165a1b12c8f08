import { splitNames } from '../extract/people';

/** "cc Megan", "copy in Megan and Adele", "loop Megan in", "keep Megan in the loop": people to copy. */
const FORMS: readonly RegExp[] = [
  /^(?:please\s+)?(?:cc|bcc|copy)(?:\s+in)?\s+(.+?)(?:\s+in)?(?:\s+(?:on\s+it|too|as\s+well|also))*$/i,
  /^(?:please\s+)?loop\s+in\s+(.+?)(?:\s+(?:on\s+it|too|as\s+well|also))*$/i,
  /^(?:please\s+)?loop\s+(.+?)\s+in(?:\s+(?:on\s+it|too|as\s+well|also))*$/i,
  /^(?:please\s+)?(?:keep|put)\s+(.+?)\s+(?:in\s+the\s+loop|in\s+cc|on\s+cc|on\s+copy)(?:\s+(?:too|as\s+well|also))*$/i,
  /^(?:with|and)\s+(.+?)\s+(?:in\s+cc|on\s+cc|cc'?d|copied(?:\s+in)?)$/i,
];

/** Blind copies: mail actions copy openly, so a bcc is said, never turned into a cc. */
const BLIND = /^(?:please\s+)?(?:bcc|blind\s+copy)\b/i;

export function cannotBlindCopy(clause: string): string {
  return `I understood "${clause}", but I can't send blind copies (bcc): I can only copy people openly. Say "cc" instead if everyone may see who is copied.`;
}

/** Who a "cc …" clause copies; undefined when the clause is not one; `blind` for a bcc. */
export function parseCopy(clause: string): readonly string[] | 'blind' | undefined {
  if (BLIND.test(clause.trim())) return 'blind';
  for (const form of FORMS) {
    const match = form.exec(clause.trim());
    if (!match) continue;
    const names = splitNames(match[1] ?? '').filter((name) => !/^(?:me|myself)$/i.test(name));
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}
