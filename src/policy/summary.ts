import { RISK_CLASSES } from '../engine/model';
import type { Policy } from './schema';

/** One line for `policy check`: "version 1, kill switch off, 6 rules, …". */
export function summarizePolicy(policy: Policy): string {
  const gated = RISK_CLASSES.filter((risk) => policy.checkpoints[risk]);
  const parts = [
    `version ${policy.version}`,
    `kill switch ${policy.killSwitch ? 'ON' : 'off'}`,
    `${count(policy.rules.length, 'rule')}`,
    `checkpoints: ${gated.length > 0 ? gated.join(', ') : 'none'}`,
    `deny: ${policy.actions.deny.length > 0 ? policy.actions.deny.join(', ') : 'none'}`,
    `destructive actions ${policy.actions.destructive ? 'on' : 'off'}`,
    `${count(policy.approvers.channels.length, 'channel approver set')}`,
    `default quorum ${policy.approvers.default.quorum}`,
    `checkpoints expire after ${policy.expiry.checkpointMinutes} min`,
  ];
  return parts.join('; ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
