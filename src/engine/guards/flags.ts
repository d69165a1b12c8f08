import type { GuardFlag } from './types';

/** The stable codes the guards raise. */
export const GUARD_CODES = {
  untracedRecipient: 'untraced_recipient',
  externalRecipient: 'external_recipient',
  externalNotRequested: 'external_not_requested',
  invalidRecipient: 'invalid_recipient',
  untracedDestination: 'untraced_destination',
  broadSharing: 'broad_sharing',
  anonymousNotRequested: 'anonymous_sharing_not_requested',
  unknownSharingScope: 'unknown_sharing_scope',
  linkNotAllowed: 'link_not_allowed',
  linkRemoved: 'link_removed',
} as const;

/** Collects flags, dropping exact duplicates (same code and message) and keeping first-seen order. */
export class FlagList {
  private readonly seen = new Set<string>();
  readonly items: GuardFlag[] = [];

  add(code: string, message: string): void {
    const key = `${code}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ code, message });
  }

  addAll(flags: readonly GuardFlag[]): void {
    for (const flag of flags) this.add(flag.code, flag.message);
  }
}
