import { hasSideEffect } from '../engine/catalogue';
import { approverList, approversFor, reachable } from './approvers';
import { firstMatch, globMatches } from './glob';
import type { Rule } from './rule-schema';
import type { Policy } from './schema';
import type { EvaluatedStepInput, GateReason, StepVerdict } from './types';
import { RISK_PHRASES, ruleReason } from './wording';

/** Whether every condition of the rule holds for the step. Absent facts count as "no" (0). */
export function ruleMatches(rule: Rule, step: EvaluatedStepInput): boolean {
  const { when } = rule;
  const facts = step.facts;
  if (when.externalRecipients && facts.externalRecipients !== true) return false;
  if (when.recipientsMoreThan !== undefined && !((facts.recipientCount ?? 0) > when.recipientsMoreThan)) return false;
  if (when.channelMembersMoreThan !== undefined && !((facts.channelMembers ?? 0) > when.channelMembersMoreThan))
    return false;
  if (when.hasAttachments && facts.hasAttachments !== true) return false;
  if (when.sharingLink && facts.sharingLink !== true) return false;
  if (when.untrustedSource && facts.untrustedSource !== true) return false;
  if (when.actions && !when.actions.some((glob) => globMatches(glob, step.action))) return false;
  if (when.risk && !when.risk.includes(step.risk)) return false;
  return true;
}

/**
 * Decide one step: allowed or not, auto or checkpoint, and who approves how many times. Pure.
 * Every source can only tighten: the strictest quorum, any forbid-self-approval, a checkpoint if
 * anything asks for one. Denials are reported with the rest of the verdict, so a dry run can
 * show what a step would have needed.
 */
export function evaluateStep(policy: Policy, step: EvaluatedStepInput): StepVerdict {
  const reasons: GateReason[] = [];
  let deniedBy: string | undefined;
  const deny = (rule: string, text: string) => {
    deniedBy ??= rule;
    reasons.push({ rule, text });
  };

  if (policy.killSwitch) deny('kill-switch', 'An admin has stopped all tasks (kill switch).');
  const denyGlob = firstMatch(policy.actions.deny, step.action);
  if (denyGlob !== undefined)
    deny('actions.deny', `${step.action} is not allowed by policy (denied by "${denyGlob}").`);
  else if (firstMatch(policy.actions.allow, step.action) === undefined)
    deny('actions.allow', `${step.action} is not in the policy's allowed actions.`);
  else if (step.risk === 'destructive' && !policy.actions.destructive)
    deny(
      'actions.destructive',
      `${step.action} deletes or cancels something, and destructive actions are off unless the policy turns them on.`,
    );

  let checkpoint = false;
  if (policy.checkpoints[step.risk]) {
    checkpoint = true;
    reasons.push({ rule: `checkpoints.${step.risk}`, text: `Policy asks for approval of ${RISK_PHRASES[step.risk]}.` });
  }
  if (step.flagged) {
    checkpoint = true;
    reasons.push({ rule: 'flagged', text: 'A safety check flagged this step; see the warnings.' });
  }

  const base = approversFor(policy, step.scope);
  let quorum = base.quorum;
  let forbidSelfApproval = base.forbidSelfApproval;
  for (const rule of policy.rules) {
    if (!ruleMatches(rule, step)) continue;
    if (rule.require.deny) {
      deny(rule.id, ruleReason(rule));
      continue;
    }
    checkpoint ||= rule.require.checkpoint;
    quorum = Math.max(quorum, rule.require.quorum ?? 1);
    forbidSelfApproval ||= rule.require.forbidSelfApproval === true;
    reasons.push({ rule: rule.id, text: ruleReason(rule) });
  }

  const approvers = approverList(step.requesterId, base.approvers, forbidSelfApproval);
  const approvable = !checkpoint || reachable(approvers, quorum);
  if (!approvable) {
    reasons.push({
      rule: base.source,
      text: `Needs ${quorum} approvals but only ${approvers.length} ${approvers.length === 1 ? 'person' : 'people'} may approve here; ask an admin to add approvers.`,
    });
  }

  // A step that changes something, or that a guard flagged, never runs because nobody answered.
  const configured = policy.expiry.onExpiry[step.risk];
  const onExpiry = configured === 'approve' && (step.flagged || hasSideEffect(step.risk)) ? 'reject' : configured;
  return {
    allowed: deniedBy === undefined,
    ...(deniedBy === undefined ? {} : { deniedBy }),
    gate: checkpoint ? 'checkpoint' : 'auto',
    quorum,
    forbidSelfApproval,
    approvers,
    approvable,
    reasons,
    expiry: {
      minutes: policy.expiry.checkpointMinutes,
      remindAfterMinutes: policy.expiry.remindAfterMinutes,
      escalateTo: policy.expiry.escalateTo,
      onExpiry,
    },
  };
}
