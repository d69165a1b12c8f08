import { checkDestinations, requestedUrls } from './destinations';
import { FlagList } from './flags';
import { sanitizeLinks } from './links';
import type { TrustContext } from './trust';
import type { GuardDestination, GuardFlag } from './types';

export { checkDestinations, requestedUrls, type DestinationCheck } from './destinations';
export { GUARD_CODES } from './flags';
export { sanitizeLinks, type SanitizeOptions, type SanitizeResult } from './links';
export type { TrustContext } from './trust';
export type { GuardDestination, GuardFlag } from './types';

/** One step's input as the guards see it. */
export interface GuardStepInput {
  /** From `ActionSpec.destinations(input)`. */
  readonly destinations: readonly GuardDestination[];
  /** The `contentFields` of the input that are text: field → text. */
  readonly content: Readonly<Record<string, string>>;
  readonly trust: TrustContext;
  /** Hosts links may point to (each with its subdomains); the tenant's domains are always added. */
  readonly allowHosts: readonly string[];
}

/** The verdict on one step. */
export interface GuardStepResult {
  /** Warnings: a flagged step stops at a checkpoint and shows them. */
  readonly flags: GuardFlag[];
  /** The step must not run as it is. */
  readonly refusals: GuardFlag[];
  /** Every content field, with links to hosts that are not allowed neutralised. */
  readonly sanitized: Record<string, string>;
}

/**
 * Both guards on one step: destinations checked against the request, content fields stripped of
 * links the person did not give and that do not point to allowed hosts. Pure; never throws.
 */
export function guardStep(input: GuardStepInput): GuardStepResult {
  const { trust } = input;
  const allowHosts = [...(Array.isArray(input.allowHosts) ? input.allowHosts : []), ...(trust.internalDomains ?? [])];
  const checked = checkDestinations(input.destinations, trust, allowHosts);
  const flags = new FlagList();
  flags.addAll(checked.flags);
  const allowUrls = requestedUrls(trust);
  const entries = Object.entries(input.content ?? {}).map(([field, text]): [string, string] => {
    const result = sanitizeLinks(typeof text === 'string' ? text : '', allowHosts, { allowUrls });
    flags.addAll(result.flags);
    return [field, result.text];
  });
  // fromEntries keeps a field literally named "__proto__" as a field.
  return { flags: flags.items, refusals: checked.refusals, sanitized: Object.fromEntries(entries) };
}
