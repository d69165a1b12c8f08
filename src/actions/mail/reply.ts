import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display, listNames } from '../common/display';
import { IMMUTABLE_IDS, toRecipients } from './message';
import { messagePath } from './read';
import { address, recipient, recipientDestinations, showRecipients } from './recipients';
import { earlierAttempt, mailRecipientsRisk, sendDraft, stampDraft } from './stamp';
import { sentCopyLink } from './sent-link';

export const mailReplyInput = z.object({
  /** The message answered, e.g. mail.search's `messages.0.id`. */
  messageId: z.string().min(1),
  /** Reply to everyone (Outlook's Reply all) rather than the sender only. */
  replyAll: z.boolean().default(false),
  /** Who receives the reply: exactly these people, whatever the original had (e.g. mail.search's `messages.0.from`). */
  to: z.array(recipient).min(1),
  cc: z.array(recipient).optional(),
  /** The reply's text, above the quoted original. */
  comment: z.string().min(1).max(20_000),
  /** The original's subject, for the card. */
  subject: z.string().optional(),
});
export type MailReplyInput = z.infer<typeof mailReplyInput>;

export const mailReplyOutput = z.object({
  messageId: z.string(),
  inReplyTo: z.string(),
  to: z.array(z.string()),
  sentAt: z.string(),
  /** Outlook's link to the sent copy in Sent Items, when Exchange had filed it. */
  webLink: z.string().optional(),
});
export type MailReplyOutput = z.infer<typeof mailReplyOutput>;

export function mailReply(gateway: GraphGateway): ActionSpec<MailReplyInput, MailReplyOutput> {
  return {
    name: 'mail.reply',
    description:
      "Reply (or reply all) to a message in the requester's mailbox (messageId, e.g. mail.search's messages.0.id) with a plain-text comment above the quoted original, in the same conversation. The reply goes to exactly `to` (and `cc`), e.g. [mail.search's messages.0.from]. Sends exactly once per step, even when retried.",
    input: mailReplyInput,
    output: mailReplyOutput,
    // Internal by default; mailRecipientsRisk tells when a recipient is outside the requester's domain.
    risk: 'write-internal',
    riskFor: (input, requester) => mailRecipientsRisk(input, requester.upn),
    permissions: { delegated: ['Mail.ReadWrite', 'Mail.Send'], application: ['Mail.ReadWrite', 'Mail.Send'] },
    destinations: (input) => [...recipientDestinations(input, 'to'), ...recipientDestinations(input, 'cc')],
    contentFields: ['comment'],
    literalFields: ['replyAll'],
    editable: [
      { name: 'to', label: 'To', kind: 'list' },
      { name: 'cc', label: 'Cc', kind: 'list' },
      { name: 'comment', label: 'Reply', kind: 'multiline' },
    ],
    describe(input) {
      const to = showRecipients(input.to);
      const cc = showRecipients(input.cc);
      const original = input.subject === undefined ? display(input.messageId) : display(input.subject);
      return {
        title: `${input.replyAll === true ? 'Reply all' : 'Reply'} to ${listNames(to) || '(no recipients)'}`,
        target: [...to, ...cc].join(', '),
        reads:
          typeof input.comment === 'string'
            ? 'Nothing: the reply is sent as written below, with the original quoted'
            : `The text produced ${display(input.comment)}`,
        fields: [
          { label: 'In reply to', value: original },
          { label: 'To', value: to.join(', ') },
          ...(cc.length > 0 ? [{ label: 'Cc', value: cc.join(', ') }] : []),
          { label: 'Reply', value: display(input.comment) },
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
            inReplyTo: input.messageId,
            to,
            sentAt: existing.sentDateTime ?? ctx.now.toISOString(),
            ...(webLink ? { webLink } : {}),
          },
          provenance: [input.messageId],
        };
      }
      const create = input.replyAll ? 'createReplyAll' : 'createReply';
      // The approved recipients replace Outlook's own choice, so what was shown is what is sent.
      // A draft, then its idempotency stamp (PATCH), then send: what a retry looks for.
      const newDraft = async (): Promise<string> => {
        const draft = await graph.post<{ id: string }>(
          `${messagePath(ctx.actor.id, input.messageId)}/${create}`,
          {
            comment: input.comment,
            message: {
              toRecipients: toRecipients(to),
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
          inReplyTo: input.messageId,
          to,
          sentAt: ctx.now.toISOString(),
          ...(webLink ? { webLink } : {}),
        },
        provenance: [input.messageId],
      };
    },
  };
}
