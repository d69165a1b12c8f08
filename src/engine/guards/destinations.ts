import { isInternalDomain, parseAddress } from './address';
import { FlagList, GUARD_CODES } from './flags';
import { judgeUrl, makeLinkPolicy, type LinkPolicy } from './link-policy';
import { findUrls } from './bare-links';
import { checkSharingScope } from './sharing';
import { Tracer } from './tracer';
import type { TrustContext } from './trust';
import { forDisplay } from './text';
import type { GuardDestination, GuardFlag } from './types';

/** What {@link checkDestinations} found: warnings for the card, and reasons not to run at all. */
export interface DestinationCheck {
  /** Shown on the checkpoint card; the step stops there for a person to decide. */
  readonly flags: GuardFlag[];
  /** The step must not run as it is: a person has to edit it or the planner revise it. */
  readonly refusals: GuardFlag[];
}

type PersonKind = 'recipient' | 'attendee' | 'sharing';

const REFUSAL_VERB: Readonly<Record<PersonKind, string>> = {
  recipient: 'send to',
  attendee: 'invite',
  sharing: 'share with',
};

function who(destination: GuardDestination, address: string): string {
  const label = typeof destination.label === 'string' ? forDisplay(destination.label, 60) : '';
  const shown = forDisplay(address);
  return label !== '' && label.toLowerCase() !== shown.toLowerCase() ? `${label} <${shown}>` : shown;
}

interface Context {
  readonly trust: TrustContext;
  readonly tracer: Tracer;
  readonly links: LinkPolicy;
  readonly flags: FlagList;
  readonly refusals: FlagList;
}

/**
 * A person the step sends to, invites or shares with. Traced = the address was typed, is the
 * requester, or the person was named. Internal and untraced → flag; external and untraced →
 * refusal; external and traced → flag (visible, allowed after approval).
 */
function checkPerson(destination: GuardDestination, kind: PersonKind, ctx: Context): void {
  const parsed = parseAddress(destination.value);
  if (parsed === undefined) {
    ctx.refusals.add(
      GUARD_CODES.invalidRecipient,
      `${who(destination, String(destination.value))} is not a valid email address`,
    );
    return;
  }
  if (ctx.tracer.isRequester(parsed.address)) return;
  const traced = ctx.tracer.namesAddress(parsed.address) || ctx.tracer.namesPerson(parsed.address, destination.label);
  const shown = who(destination, parsed.address);
  if (isInternalDomain(parsed.domain, ctx.trust.internalDomains ?? [])) {
    if (!traced) ctx.flags.add(GUARD_CODES.untracedRecipient, `${shown} was not named in your request`);
    return;
  }
  if (traced) {
    ctx.flags.add(GUARD_CODES.externalRecipient, `${shown} is outside your organisation`);
    return;
  }
  ctx.refusals.add(
    GUARD_CODES.externalNotRequested,
    `Delegate won't ${REFUSAL_VERB[kind]} ${shown} outside your organisation: you didn't ask for it`,
  );
}

/** A channel is traced when its name (label) occurs in the request as a word or phrase, `#general` included. */
function checkChannel(destination: GuardDestination, ctx: Context): void {
  const label = typeof destination.label === 'string' ? destination.label.trim().replace(/^#+/, '') : '';
  if (label !== '' && ctx.tracer.namesPhrase(label)) return;
  if (ctx.tracer.contains(destination.value)) return;
  const shown = label !== '' ? forDisplay(label, 60) : forDisplay(destination.value);
  ctx.flags.add(GUARD_CODES.untracedDestination, `The channel ${shown} was not named in your request`);
}

function checkLink(destination: GuardDestination, ctx: Context): void {
  const verdict = judgeUrl(destination.value, ctx.links);
  if (verdict.allowed) return;
  ctx.flags.add(
    GUARD_CODES.linkNotAllowed,
    `The link to ${forDisplay(verdict.host, 80)} is not to one of your organisation's sites`,
  );
}

/** URLs a person typed in the request texts: a link they gave is theirs to send. */
export function requestedUrls(trust: TrustContext): string[] {
  const texts = Array.isArray(trust.requestTexts) ? trust.requestTexts : [];
  return texts
    .filter((text): text is string => typeof text === 'string')
    .flatMap((text) => findUrls(text).map((found) => found.url));
}

/**
 * Check every destination of a write against what the person asked for. Deterministic and
 * independent of any model: run after planning and again on the resolved input before the
 * checkpoint. `allowHosts` (default: the tenant's domains) decides `link` destinations.
 */
export function checkDestinations(
  destinations: readonly GuardDestination[],
  trust: TrustContext,
  allowHosts: readonly string[] = trust.internalDomains,
): DestinationCheck {
  const ctx: Context = {
    trust,
    tracer: new Tracer(trust),
    links: makeLinkPolicy([...(allowHosts ?? []), ...(trust.internalDomains ?? [])], requestedUrls(trust)),
    flags: new FlagList(),
    refusals: new FlagList(),
  };
  for (const destination of Array.isArray(destinations) ? destinations : []) {
    if (destination === null || typeof destination !== 'object') continue;
    const value = typeof destination.value === 'string' ? destination.value : '';
    const safe = { ...destination, value };
    switch (destination.kind) {
      case 'recipient':
      case 'attendee':
        checkPerson(safe, destination.kind, ctx);
        break;
      case 'channel':
        checkChannel(safe, ctx);
        break;
      case 'sharing':
        // A sharing invitation to a person is judged like a recipient; otherwise the value is a scope.
        if (value.includes('@')) checkPerson(safe, 'sharing', ctx);
        else checkSharingScope(value, ctx.tracer, ctx.flags, ctx.refusals);
        break;
      case 'link':
        checkLink(safe, ctx);
        break;
      default:
        ctx.flags.add(
          GUARD_CODES.untracedDestination,
          `Delegate cannot tell where "${forDisplay(value)}" goes: check it`,
        );
    }
  }
  return { flags: ctx.flags.items, refusals: ctx.refusals.items };
}
