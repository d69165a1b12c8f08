import type { ActionContext } from '../../engine/catalogue';
import type { RiskClass } from '../../engine/model';
import type { GraphPort } from '../../graph/types';
import { userRoot } from '../common/keys';
import { reconcileStamped, IDEMPOTENCY_PROPERTY, mailSendRisk, type StampedMessage } from './send';
import { IMMUTABLE_IDS, type Address } from './message';

/** The extended property that marks a draft (and its sent copy) as this step's. */
export function stampFor(ctx: ActionContext): Array<{ id: string; value: string }> {
  return [{ id: IDEMPOTENCY_PROPERTY, value: ctx.idempotencyKey }];
}

/** What an earlier attempt of this step left behind: a sent message, a draft, or nothing (see {@link reconcileStamped}). */
export async function earlierAttempt(graph: GraphPort, ctx: ActionContext): Promise<StampedMessage | undefined> {
  return ctx.attempt > 1 ? reconcileStamped(graph, userRoot(ctx.actor.id), ctx.idempotencyKey, ctx.signal) : undefined;
}

/**
 * Mark a reply or forward draft as this step's, on documented ground: Graph documents PATCHing
 * a message's extended properties, not that `createReply`/`createForward` keep the ones passed
 * in their `message` parameter. Same path as mail.send: draft, stamp, send.
 */
export async function stampDraft(graph: GraphPort, ctx: ActionContext, draftId: string): Promise<void> {
  await graph.patch(
    `${userRoot(ctx.actor.id)}/messages/${encodeURIComponent(draftId)}`,
    { singleValueExtendedProperties: stampFor(ctx) },
    { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'your mailbox' },
  );
}

/** Send a draft of the requester's mailbox (it moves to Sent Items and keeps its immutable id). */
export async function sendDraft(graph: GraphPort, ctx: ActionContext, draftId: string): Promise<void> {
  await graph.post(`${userRoot(ctx.actor.id)}/messages/${encodeURIComponent(draftId)}/send`, undefined, {
    headers: IMMUTABLE_IDS,
    signal: ctx.signal,
    what: 'your mailbox',
  });
}

/** Addresses of a recipients field: plain strings or `{ address }` objects (references skipped). */
export function addressList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    .map((item: unknown) =>
      typeof item === 'string'
        ? item
        : typeof item === 'object' && item !== null
          ? (item as Partial<Address>).address
          : undefined,
    )
    .filter((address): address is string => typeof address === 'string');
}

/**
 * The risk of a concrete reply or forward, decided like mail.send's: external as soon as one
 * recipient (to or cc) is outside the requester's domain, internal otherwise.
 */
export function mailRecipientsRisk(input: { to?: unknown; cc?: unknown }, requesterUpn: string | undefined): RiskClass {
  return mailSendRisk({ to: addressList(input.to), cc: addressList(input.cc) }, requesterUpn);
}
