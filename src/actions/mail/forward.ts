import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display, listNames } from '../common/display';
import { IMMUTABLE_IDS, toRecipients } from './message';
import { messagePath } from './read';
import { address, recipient, recipientDestinations, showRecipients } from './recipients';
import { earlierAttempt, mailRecipientsRisk, sendDraft, stampDraft } from './stamp';
import { sentCopyLink } from './sent-link';

export const mailForwardInput = z.object({
  /** The message forwarded, e.g. mail.search's `messages.0.id`. */
  messageId: z.string().min(1),
  to: z.array(recipient).min(1),
  cc: z.array(recipient).optional(),
  /** A note above the forwarded message. */
  comment: z.string().max(20_000).optional(),
  /** The original's subject, for the card. */
  subject: z.string().optional(),
});
export type MailForwardInput = z.infer<typeof mailForwardInput>;

export const mailForwardOutput = z.object({
  messageId: z.string(),
  forwarded: z.string(),
  to: z.array(z.string()),
  sentAt: z.string(),
  /** Outlook's link to the sent copy in Sent Items, when Exchange had filed it. */
  webLink: z.string().optional(),
});
export type MailForwardOutput = z.infer<typeof mailForwardOutput>;

export function mailForward(gateway: GraphGateway): ActionSpec<MailForwardInput, MailForwardOutput> {
  return {
    name: 'mail.forward',
    description:
      "Forward a message of the requester's mailbox (messageId, e.g. mail.search's messages.0.id), with its attachments, to new recipients (to, optional cc) with an optional note. Sends exactly once per step, even when retried.",
    input: mailForwardInput,
    output: mailForwardOutput,
    // Internal by default; mailRecipientsRisk tells when a recipient is outside the requester's domain.
    risk: 'write-internal',
    riskFor: (input, requester) => mailRecipientsRisk(input, requester.upn),
    permissions: { delegated: ['Mail.ReadWrite', 'Mail.Send'], application: ['Mail.ReadWrite', 'Mail.Send'] },
    destinations: (input) => [...recipientDestinations(input, 'to'), ...recipientDestinations(input, 'cc')],
    contentFields: ['comment'],
    editable: [
      { name: 'to', label: 'To', kind: 'list' },
      { name: 'cc', label: 'Cc', kind: 'list' },
      { name: 'comment', label: 'Note', kind: 'multiline' },
    ],
    describe(input) {
      const to = showRecipients(input.to);
      const cc = showRecipients(input.cc);
      const original = input.subject === undefined ? display(input.messageId) : display(input.subject);
      return {
        title: `Forward ${typeof input.subject === 'string' ? `"${original}"` : `the message ${display(input.messageId)}`} to ${listNames(to) || '(no recipients)'}`,
        target: [...to, ...cc].join(', '),
        reads: `The message ${original}, with its attachments`,
        fields: [
          { label: 'Message', value: original },
          { label: 'To', value: to.join(', ') },
          ...(cc.length > 0 ? [{ label: 'Cc', value: cc.join(', ') }] : []),
          ...(input.comment !== undefined ? [{ label: 'Note', value: display(input.comment) }] : []),
        ],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const to = input.to.map(address);
      const existing = await earlierAttempt(graph, ctx);
      if (existing && existing.isDraft === false) {
        const webLink = await sentCopyLink(graph, ctx, existing.id);
        return {
          output: {
            messageId: existing.id,
            forwarded: input.messageId,
            to,
            sentAt: existing.sentDateTime ?? ctx.now.toISOString(),
            ...(webLink ? { webLink } : {}),
          },
          provenance: [input.messageId],
        };
      }
      // A draft, then its idempotency stamp (PATCH), then send: what a retry looks for.
      const newDraft = async (): Promise<string> => {
        const draft = await graph.post<{ id: string }>(
          `${messagePath(ctx.actor.id, input.messageId)}/createForward`,
          {
            toRecipients: toRecipients(to),
            ...(input.comment ? { comment: input.comment } : {}),
            message: {
              ccRecipients: toRecipients((input.cc ?? []).map(address)),
            },
          },
          { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'the message' },
        );
        await stampDraft(graph, ctx, draft.id);
        return draft.id;
      };
      const draftId = existing?.id ?? (await newDraft());
      await sendDraft(graph, ctx, draftId);
      const webLink = await sentCopyLink(graph, ctx, draftId);
      return {
        output: {
          messageId: draftId,
          forwarded: input.messageId,
          to,
          sentAt: ctx.now.toISOString(),
          ...(webLink ? { webLink } : {}),
        },
        provenance: [input.messageId],
      };
    },
  };
}
