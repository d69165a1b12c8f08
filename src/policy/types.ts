import type { RiskClass } from '../engine/model';
import type { ExpiryOutcome } from './schema';

/** What the caller knows about a step's reach; absent facts count as "no" (or 0). */
export interface StepFacts {
  readonly externalRecipients?: boolean;
  /** Recipients or attendees the step addresses. */
  readonly recipientCount?: number;
  /** Members of the channel the step posts to. */
  readonly channelMembers?: number;
  readonly hasAttachments?: boolean;
  readonly sharingLink?: boolean;
  /** Some of the input came from content read from Microsoft 365 (mail, files). */
  readonly untrustedSource?: boolean;
}

/** Where the task lives, as far as approver entries can match it. */
export interface PolicyScope {
  readonly kind: 'personal' | 'groupChat' | 'channel';
  readonly teamId?: string;
  readonly channelId?: string;
  readonly channelName?: string;
}

/** One step as policy sees it. */
export interface EvaluatedStepInput {
  readonly action: string;
  readonly risk: RiskClass;
  /** A deterministic guard raised a warning: the step always stops at a checkpoint. */
  readonly flagged: boolean;
  readonly facts: StepFacts;
  /** Entra object id of the task's requester. */
  readonly requesterId: string;
  readonly scope: PolicyScope;
}

/** One reason a step is gated or refused, for the card's "why". */
export interface GateReason {
  /** Rule id, or a policy section such as `checkpoints.write-external`, `flagged`, `kill-switch`. */
  readonly rule: string;
  readonly text: string;
}

/** What policy decides for one step. */
export interface StepVerdict {
  readonly allowed: boolean;
  /** `kill-switch`, `actions.deny`, `actions.allow` (not listed), or the id of a rule with `deny: true`. */
  readonly deniedBy?: string;
  readonly gate: 'auto' | 'checkpoint';
  /** Approvals needed (meaningful when gated). */
  readonly quorum: number;
  readonly forbidSelfApproval: boolean;
  /** Who may approve: user object ids and `group:<id>`; the requester first unless self-approval is forbidden. */
  readonly approvers: string[];
  /** False when the listed people can never reach the quorum (no groups, too few people): the step would wait until it expires. */
  readonly approvable: boolean;
  readonly reasons: GateReason[];
  /** What happens when nobody answers the checkpoint. */
  readonly expiry: {
    readonly minutes: number;
    readonly remindAfterMinutes: number;
    readonly escalateTo: readonly string[];
    readonly onExpiry: ExpiryOutcome;
  };
}
