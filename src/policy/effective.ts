import { RISK_CLASSES } from '../engine/model';
import { approversFor } from './approvers';
import type { ExpiryOutcome, Policy } from './schema';
import type { PolicyScope } from './types';
import { RISK_PHRASES, describeRule, listAnd } from './wording';

/** What the policy means in one scope, as lines for the `policy` command. */
export function effectiveRules(policy: Policy, scope: PolicyScope): string[] {
  const lines: string[] = [];
  if (policy.killSwitch) lines.push('Kill switch is ON: no task runs until an admin turns it off.');

  const { allow, deny } = policy.actions;
  if (allow.length === 0) lines.push('No action is allowed.');
  else if (allow.includes('*'))
    lines.push('All actions are allowed' + (deny.length > 0 ? `, except ${listAnd(deny)}.` : '.'));
  else lines.push(`Allowed actions: ${listAnd(allow)}` + (deny.length > 0 ? `, except ${listAnd(deny)}.` : '.'));
  lines.push(
    policy.actions.destructive
      ? 'Destructive actions (cancel, delete) are allowed, with approval.'
      : 'Destructive actions (cancel, delete) are off.',
  );

  const gated = RISK_CLASSES.filter((risk) => policy.checkpoints[risk]);
  const free = RISK_CLASSES.filter((risk) => !policy.checkpoints[risk]);
  if (gated.length > 0) lines.push(`Needs approval: ${listAnd(gated.map((r) => RISK_PHRASES[r]))}.`);
  if (free.length > 0) lines.push(`Runs without approval: ${listAnd(free.map((r) => RISK_PHRASES[r]))}.`);
  lines.push('Steps a safety check flags always need approval.');
  lines.push(
    policy.checkpoints.readOnlyPlan === 'run'
      ? 'A plan that only reads (a question) runs at once, unless one of its steps needs approval.'
      : 'Every plan waits for Approve, even one that only reads.',
  );
  lines.push(
    policy.checkpoints.singleStepPlan === 'merge'
      ? 'A plan with one step that sends, posts or changes something, known in full, shows it on the plan card: one Approve covers both.'
      : 'Approving a plan never approves its steps: each step that sends, posts or changes something asks again.',
  );
  for (const rule of policy.rules) lines.push(`Rule ${describeRule(rule)}.`);

  const here = approversFor(policy, scope);
  const who =
    here.approvers.length > 0
      ? `${here.forbidSelfApproval ? '' : 'the requester, '}${listAnd(here.approvers)}`
      : 'the requester';
  lines.push(
    `Approvers here: ${who}; ${here.quorum} ${here.quorum === 1 ? 'approval' : 'approvals'} needed` +
      (here.forbidSelfApproval ? '; the requester may not approve their own steps' : '') +
      (here.source === 'approvers.default' ? '.' : ` (from ${here.source}).`),
  );

  const { expiry } = policy;
  const outcomes = new Set(Object.values(expiry.onExpiry));
  const only = outcomes.size === 1 ? [...outcomes][0] : undefined;
  const then = only === undefined ? 'handled per risk class' : PAST[only];
  lines.push(
    `Unanswered checkpoints remind after ${minutes(expiry.remindAfterMinutes)}` +
      (expiry.escalateTo.length > 0 ? ` (escalated to ${listAnd(expiry.escalateTo)})` : '') +
      ` and are ${then} after ${minutes(expiry.checkpointMinutes)}.`,
  );

  const b = policy.budgets;
  const limits = [
    b.tasksPerUserPerDay && `${b.tasksPerUserPerDay} tasks per person per day`,
    b.stepsPerTask && `${b.stepsPerTask} steps per task`,
    b.modelTokensPerUserPerDay &&
      `${b.modelTokensPerUserPerDay.toLocaleString('en-US')} model tokens per person per day`,
    b.modelTokensPerTenantPerDay &&
      `${b.modelTokensPerTenantPerDay.toLocaleString('en-US')} model tokens per organisation per day`,
  ].filter((x): x is string => typeof x === 'string');
  if (limits.length > 0) lines.push(`Limits: ${listAnd(limits)}.`);
  lines.push(
    policy.rememberDecisions.acrossTasks
      ? 'Approvals are remembered within a task only: remembering them across tasks is not supported yet.'
      : 'Approvals may be remembered for the rest of a task, never across tasks.',
  );
  lines.push(schedulesLine(policy.schedules));
  return lines;
}

/** Recurring work in one sentence: what a schedule's approval covers, how often, when it pauses. */
function schedulesLine(s: Policy['schedules']): string {
  const covers = s.standingApproval.covers;
  const cover =
    covers.length === 0
      ? 'a consequential step of every run still needs approval'
      : `${listAnd(covers.map((r) => RISK_PHRASES[r]))} run unattended while they go to the approved destinations (for ${plural(s.standingApproval.expiresAfterDays, 'day')})`;
  return `Recurring work: approving a schedule approves its plan; ${cover}; it runs at most every ${minutes(s.minIntervalMinutes)} and pauses after ${plural(s.failuresBeforePause, 'failed run')} in a row.`;
}

const PAST: Record<ExpiryOutcome, string> = { reject: 'rejected', cancel: 'cancelled', approve: 'approved' };

function minutes(total: number): string {
  if (total % 1440 === 0) return plural(total / 1440, 'day');
  if (total % 60 === 0) return plural(total / 60, 'hour');
  return plural(total, 'minute');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
