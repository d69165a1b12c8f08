import type { RiskClass } from '../engine/model';
import type { Rule, RuleRequire, RuleWhen } from './rule-schema';

/** How risk classes read in sentences. */
export const RISK_PHRASES: Record<RiskClass, string> = {
  read: 'read steps',
  compose: 'compose steps',
  'write-internal': 'changes inside your organisation',
  'write-external': 'steps that reach outside your organisation',
  destructive: 'destructive steps',
};

/** "sends to people outside your organisation", … for each condition of a rule. */
export function conditionPhrases(when: RuleWhen): string[] {
  const out: string[] = [];
  if (when.externalRecipients) out.push('sends to people outside your organisation');
  if (when.recipientsMoreThan !== undefined)
    out.push(`addresses more than ${when.recipientsMoreThan} ${when.recipientsMoreThan === 1 ? 'person' : 'people'}`);
  if (when.channelMembersMoreThan !== undefined)
    out.push(`posts to a channel with more than ${when.channelMembersMoreThan} members`);
  if (when.hasAttachments) out.push('includes attachments');
  if (when.sharingLink) out.push('creates a sharing link');
  if (when.untrustedSource) out.push('uses content read from mail or files');
  if (when.actions) out.push(`is ${listOr(when.actions)}`);
  if (when.risk) out.push(`is one of the ${listOr(when.risk.map((r) => RISK_PHRASES[r]))}`);
  return out;
}

/** "needs approval", "2 approvals", … for what a rule requires. */
export function requirementPhrases(require: RuleRequire): string[] {
  if (require.deny) return ['refused'];
  const out: string[] = [require.checkpoint ? 'needs approval' : 'no checkpoint of its own'];
  if (require.quorum !== undefined && require.quorum > 1) out.push(`${require.quorum} approvals`);
  if (require.forbidSelfApproval) out.push('the requester may not approve');
  return out;
}

/** One line for the `policy` command: `external-recipients: when a step sends … → needs approval, 2 approvals`. */
export function describeRule(rule: Rule): string {
  const message = rule.message === undefined ? '' : ` ("${rule.message}")`;
  return `${rule.id}: when a step ${conditionPhrases(rule.when).join(' and ')} → ${requirementPhrases(rule.require).join(', ')}${message}`;
}

/** The card text for a matched rule: its own message, or "Sends to … (2 approvals)." */
export function ruleReason(rule: Rule): string {
  if (rule.message !== undefined) return rule.message;
  const conditions = conditionPhrases(rule.when).join(' and ');
  const extras = requirementPhrases(rule.require).slice(1);
  const tail = rule.require.deny ? ', so it is refused' : extras.length > 0 ? ` (${extras.join(', ')})` : '';
  return `This step ${conditions}${tail}.`;
}

/** `a, b or c`. */
export function listOr(items: readonly string[]): string {
  return joinWith(items, 'or');
}

/** `a, b and c`. */
export function listAnd(items: readonly string[]): string {
  return joinWith(items, 'and');
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
