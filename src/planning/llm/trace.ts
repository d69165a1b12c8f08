import type { Catalogue } from '../../engine/catalogue';
import type { PlanRequest, StepDraft } from '../../engine/ports';
import { requesterTexts, type PlanningContext } from './context';
import { addressesIn } from './mentions';

/** Input fields that name people a step sends to or invites, across the catalogue. */
const PEOPLE_FIELDS = ['to', 'cc', 'bcc', 'attendees', 'recipients', 'requiredAttendees', 'optionalAttendees'] as const;

/** Where a plan may send things: what the requester wrote, the directory found, or an earlier plan showed. */
export interface Allowed {
  /** Lower-cased email addresses. */
  readonly addresses: ReadonlySet<string>;
  /** `teamId/channelId`. */
  readonly channels: ReadonlySet<string>;
}

/** A step's literal addresses in people fields (references are resolved and guarded at run time). */
function addressesOf(step: StepDraft, catalogue: Catalogue): string[] {
  const found: string[] = [];
  for (const field of PEOPLE_FIELDS) {
    const value = step.input[field];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') found.push(item);
  }
  for (const destination of declaredDestinations(step, catalogue)) {
    if (destination.kind === 'recipient' || destination.kind === 'attendee') found.push(destination.value);
  }
  // Values that are not addresses at all are the schema check's to report.
  return [...new Set(found.map((address) => address.trim().toLowerCase()).filter((address) => address.includes('@')))];
}

/** A step's literal channel, as `teamId/channelId`. */
function channelOf(step: StepDraft, catalogue: Catalogue): string[] {
  const { teamId, channelId } = step.input;
  const found = typeof teamId === 'string' && typeof channelId === 'string' ? [`${teamId}/${channelId}`] : [];
  for (const destination of declaredDestinations(step, catalogue))
    if (destination.kind === 'channel') found.push(destination.value);
  return [...new Set(found)];
}

/** The destinations the action itself declares, when it does; unusable input declares none. */
function declaredDestinations(step: StepDraft, catalogue: Catalogue) {
  const spec = catalogue.get(step.action);
  if (!spec?.destinations) return [];
  try {
    return spec.destinations(step.input).filter((d) => typeof d.value === 'string');
  } catch {
    return [];
  }
}

/** Everything this request allows a plan to send to. */
export function allowedFor(request: PlanRequest, context: PlanningContext, catalogue: Catalogue): Allowed {
  const addresses = new Set(requesterTexts(request).flatMap(addressesIn));
  const people = [...context.people, ...(context.self ? [context.self] : [])];
  for (const person of people)
    for (const address of [person.mail, person.userPrincipalName]) if (address) addresses.add(address.toLowerCase());
  if (request.requester.upn) addresses.add(request.requester.upn.toLowerCase());
  const channels = new Set(context.channels.map((c) => `${c.teamId}/${c.channelId}`));
  if (request.scope.kind === 'channel' && request.scope.teamId && request.scope.channelId)
    channels.add(`${request.scope.teamId}/${request.scope.channelId}`);
  // The plan shown before (possibly edited by the requester on the card) was already accepted as theirs.
  for (const step of request.revision?.previousSteps ?? []) {
    for (const address of addressesOf(step, catalogue)) addresses.add(address);
    for (const channel of channelOf(step, catalogue)) channels.add(channel);
  }
  return { addresses, channels };
}

/** Every destination in the drafts that cannot be traced to the request, in plain words. */
export function untracedDestinations(drafts: readonly StepDraft[], allowed: Allowed, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  drafts.forEach((step, index) => {
    for (const address of addressesOf(step, catalogue)) {
      if (!allowed.addresses.has(address)) {
        problems.push(
          `s${index + 1}: ${address} is not an address the requester gave or one of the directory candidates; use only people the requester asked for, or ask`,
        );
      }
    }
    for (const channel of channelOf(step, catalogue)) {
      if (!allowed.channels.has(channel))
        problems.push(`s${index + 1}: the channel ${channel} is not one the requester can post to (see Channels)`);
    }
  });
  return problems;
}
