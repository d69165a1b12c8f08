import { approverList, reachable } from './approvers';
import type { Policy } from './schema';

/**
 * Combinations that parse but cannot work: a rule whose quorum the approvers of some scope can
 * never reach, so the steps it matches there would wait until they expire. Not errors, because
 * the rule may never match in that scope (an admin knows; the checker does not).
 */
export function policyWarnings(policy: Policy): string[] {
  const scopes = [
    { name: 'approvers.default', settings: policy.approvers.default },
    ...policy.approvers.channels.map((settings, index) => ({ name: `approvers.channels[${index}]`, settings })),
  ];
  const warnings: string[] = [];
  if (policy.rememberDecisions.acrossTasks)
    warnings.push('rememberDecisions.acrossTasks is not supported yet: approvals are remembered within a task only');
  policy.approvers.channels.forEach((settings, index) => {
    const people = approverList('\u0000requester', settings.approvers, settings.forbidSelfApproval);
    if (!reachable(people, settings.quorum)) {
      warnings.push(
        `approvers.channels[${index}] needs ${settings.quorum} approvals but lists only ${people.length} ${people.length === 1 ? 'person' : 'people'}; until the channel's owners add more with "approvers add", its tasks can never be approved`,
      );
    }
  });
  for (const rule of policy.rules) {
    if (rule.require.deny) continue;
    for (const { name, settings } of scopes) {
      const quorum = Math.max(settings.quorum, rule.require.quorum ?? 1);
      const forbidSelf = settings.forbidSelfApproval || rule.require.forbidSelfApproval === true;
      // A placeholder requester: the listed approvers are never the requester in the worst case.
      const people = approverList('\u0000requester', settings.approvers, forbidSelf);
      if (!reachable(people, quorum)) {
        warnings.push(
          `rule ${rule.id} needs ${quorum} approvals${forbidSelf ? ' (not by the requester)' : ''}, but ${name} allows only ${people.length}; steps it matches there can never be approved`,
        );
      }
    }
  }
  return warnings;
}
