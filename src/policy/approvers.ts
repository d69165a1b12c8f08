import type { PolicyScope } from './types';
import type { Policy } from './schema';

/** The approver settings that apply in a scope, and which policy entry they came from. */
export interface ScopeApprovers {
  readonly quorum: number;
  readonly forbidSelfApproval: boolean;
  readonly approvers: readonly string[];
  /** `approvers.default` or `approvers.channels[i]`. */
  readonly source: string;
}

/** The first channel entry whose every given field matches the scope; otherwise the default. */
export function approversFor(policy: Policy, scope: PolicyScope): ScopeApprovers {
  if (scope.kind === 'channel') {
    const index = policy.approvers.channels.findIndex(
      ({ match }) =>
        same(match.teamId, scope.teamId) &&
        same(match.channelId, scope.channelId) &&
        same(match.channelName?.trim(), scope.channelName?.trim()),
    );
    const entry = policy.approvers.channels[index];
    if (entry)
      return {
        quorum: entry.quorum,
        forbidSelfApproval: entry.forbidSelfApproval,
        approvers: entry.approvers,
        source: `approvers.channels[${index}]`,
      };
  }
  const fallback = policy.approvers.default;
  return {
    quorum: fallback.quorum,
    forbidSelfApproval: fallback.forbidSelfApproval,
    approvers: fallback.approvers,
    source: 'approvers.default',
  };
}

/** How much of a step's content a card shared in this scope may show (see `sharedCards`). */
export function sharedPreviewFor(policy: Policy, scope: PolicyScope): 'summary' | 'full' {
  if (scope.kind === 'personal') return 'full';
  if (scope.kind === 'groupChat') return policy.sharedCards.groupChat;
  const entry = policy.sharedCards.channels.find(
    ({ match }) =>
      same(match.teamId, scope.teamId) &&
      same(match.channelId, scope.channelId) &&
      same(match.channelName?.trim(), scope.channelName?.trim()),
  );
  return entry?.preview ?? policy.sharedCards.channel;
}

/** An absent field matches anything; ids and names compare case-insensitively (GUIDs arrive in either case). */
function same(wanted: string | undefined, actual: string | undefined): boolean {
  if (wanted === undefined) return true;
  return actual !== undefined && wanted.toLowerCase() === actual.toLowerCase();
}

/** Who may approve: requester first (unless self-approval is forbidden), then the listed approvers, without repeats. */
export function approverList(requesterId: string, listed: readonly string[], forbidSelfApproval: boolean): string[] {
  const people = forbidSelfApproval ? listed.filter((p) => p !== requesterId) : [requesterId, ...listed];
  return [...new Set(people)];
}

/** Whether `quorum` distinct approvals can come from `approvers` (a group may hold anyone, so it always can). */
export function reachable(approvers: readonly string[], quorum: number): boolean {
  return approvers.some((p) => p.startsWith('group:')) || approvers.length >= quorum;
}
