import { z } from 'zod';
import { MESSAGE_FIELDS, messagePreview } from '../common/message-fields';
import type { ActionContext, ActionSpec } from '../../engine/catalogue';
import type { RiskClass } from '../../engine/model';
import type { GraphGateway, GraphPort } from '../../graph/types';
import { display, displayList, listNames } from '../common/display';
import { odataLiteral, userRoot } from '../common/keys';
import { email } from '../common/schemas';
import { addressDestinations } from '../common/destinations';
import { sentCopyLink } from './sent-link';
import { lookAgain } from '../common/look-again';
import { GraphError } from '../../graph/errors';

export const mailSendInput = z.object({
  to: z.array(email).min(1),
  cc: z.array(email).optional(),
  subject: z.string().min(1).max(255),
  body: z.string(),
});
export type MailSendInput = z.infer<typeof mailSendInput>;

export const mailSendOutput = z.object({
  messageId: z.string(),
  sentAt: z.string(),
  /** Outlook's link to the sent copy in Sent Items, when Exchange had filed it. */
  webLink: z.string().optional(),
});
export type MailSendOutput = z.infer<typeof mailSendOutput>;

/**
 * The MAPI named property that carries a step's idempotency key on the draft (and, after
 * sending, on the copy in Sent Items). The GUID is Delegate's own property set; never change it,
 * or retries of steps started before the change would no longer find their mail.
 */
export const IDEMPOTENCY_PROPERTY = 'String {7f3c8a52-1e4b-4d7a-9c2f-5b8e6d0a4f31} Name DelegateIdempotencyKey';

/** Immutable ids survive the move from Drafts to Sent Items, so the id we return stays valid. */
const IMMUTABLE_IDS = { Prefer: 'IdType="ImmutableId"' };

/** A message found by its stamp: sent (`isDraft: false`) or still a draft. */
export interface StampedMessage {
  readonly id: string;
  readonly isDraft?: boolean;
  readonly sentDateTime?: string | null;
}

/** The domain of an address, lower-cased ('' when there is none). */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/**
 * The risk of a concrete send: external as soon as one recipient is outside the requester's
 * domain (or when the requester's domain is unknown), internal otherwise.
 */
export function mailSendRisk(input: { to?: unknown; cc?: unknown }, requesterUpn: string | undefined): RiskClass {
  const home = domainOf(requesterUpn ?? '');
  const recipients = [...(Array.isArray(input.to) ? input.to : []), ...(Array.isArray(input.cc) ? input.cc : [])];
  const external = recipients.some((r) => typeof r !== 'string' || home === '' || domainOf(r) !== home);
  return external ? 'write-external' : 'write-internal';
}

/** Find the message stamped with this key, draft or sent, anywhere in the mailbox. */
export async function findStamped(
  graph: GraphPort,
  root: string,
  key: string,
  signal?: AbortSignal,
): Promise<StampedMessage | undefined> {
  const found = await graph.get<{ value?: StampedMessage[] }>(
    `${root}/messages`,
    {
      $filter: `singleValueExtendedProperties/any(ep: ep/id eq ${odataLiteral(IDEMPOTENCY_PROPERTY)} and ep/value eq ${odataLiteral(key)})`,
      $select: 'id,isDraft,sentDateTime',
      $top: 5,
    },
    { headers: IMMUTABLE_IDS, signal, what: 'your mailbox' },
  );
  const messages = found?.value ?? [];
  // Prefer the sent copy if, for a moment, both a draft and a sent item carry the key.
  return messages.find((m) => m.isDraft === false) ?? messages[0];
}

/**
 * What an earlier attempt of this step left in the mailbox, on documented ground: the message
 * stamped with the key, looked for again over some seconds when not seen at first (Graph's lists
 * show a new draft or sent copy only after a lag), and a draft found that way read again by its
 * immutable id, which is read-after-write: if it has been sent meanwhile, it is the sent copy.
 */
export async function reconcileStamped(
  graph: GraphPort,
  root: string,
  key: string,
  signal?: AbortSignal,
): Promise<StampedMessage | undefined> {
  const found = await lookAgain(() => findStamped(graph, root, key, signal), signal);
  if (!found || found.isDraft === false) return found;
  try {
    return await graph.get<StampedMessage>(
      `${root}/messages/${encodeURIComponent(found.id)}`,
      { $select: 'id,isDraft,sentDateTime' },
      { headers: IMMUTABLE_IDS, signal, what: 'your mailbox' },
    );
  } catch (error) {
    // Listed a moment ago, gone now: someone deleted the draft, so nothing was sent under it.
    if (error instanceof GraphError && error.status === 404) return undefined;
    throw error;
  }
}

function recipients(addresses: readonly string[] | undefined): Array<{ emailAddress: { address: string } }> {
  return (addresses ?? []).map((address) => ({ emailAddress: { address } }));
}

async function createDraft(graph: GraphPort, root: string, input: MailSendInput, ctx: ActionContext): Promise<string> {
  const draft = await graph.post<{ id: string }>(
    `${root}/messages`,
    {
      subject: input.subject,
      body: { contentType: 'Text', content: input.body },
      toRecipients: recipients(input.to),
      ccRecipients: recipients(input.cc),
      singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY, value: ctx.idempotencyKey }],
    },
    { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'your mailbox' },
  );
  return draft.id;
}

export function mailSend(gateway: GraphGateway): ActionSpec<MailSendInput, MailSendOutput> {
  return {
    name: 'mail.send',
    description:
      "Send an email from the requester's mailbox to the given addresses (to, optional cc) with a subject and a plain-text body. Sends exactly once per step, even when retried.",
    input: mailSendInput,
    output: mailSendOutput,
    risk: 'write-internal',
    riskFor: (input, requester) => mailSendRisk(input, requester.upn),
    permissions: { delegated: ['Mail.ReadWrite', 'Mail.Send'], application: ['Mail.ReadWrite', 'Mail.Send'] },
    destinations: (input) => [
      ...addressDestinations(input, 'to', 'recipient'),
      ...addressDestinations(input, 'cc', 'recipient'),
    ],
    contentFields: ['subject', 'body'],
    editable: MESSAGE_FIELDS,
    describe(input) {
      const to = displayList(input.to);
      const cc = displayList(input.cc);
      const bodyIsRef = typeof input.body !== 'string';
      return {
        title: `Send an email to ${listNames(to) || '(no recipients)'}`,
        target: [...to, ...cc].join(', '),
        reads: bodyIsRef ? `The text produced ${display(input.body)}` : 'Nothing: the message is sent as written below',
        fields: messagePreview(to, cc, input),
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const root = userRoot(ctx.actor.id);
      // A previous attempt may have created the draft, or even sent it: reconcile first.
      const existing =
        ctx.attempt > 1 ? await reconcileStamped(graph, root, ctx.idempotencyKey, ctx.signal) : undefined;
      if (existing && existing.isDraft === false) {
        const webLink = await sentCopyLink(graph, ctx, existing.id);
        return {
          output: {
            messageId: existing.id,
            sentAt: existing.sentDateTime ?? ctx.now.toISOString(),
            ...(webLink ? { webLink } : {}),
          },
          provenance: [],
        };
      }
      const draftId = existing?.id ?? (await createDraft(graph, root, input, ctx));
      await graph.post(`${root}/messages/${encodeURIComponent(draftId)}/send`, undefined, {
        headers: IMMUTABLE_IDS,
        signal: ctx.signal,
        what: 'your mailbox',
      });
      const webLink = await sentCopyLink(graph, ctx, draftId);
      return {
        output: { messageId: draftId, sentAt: ctx.now.toISOString(), ...(webLink ? { webLink } : {}) },
        provenance: [],
      };
    },
  };
}
