import { z } from 'zod';
import { MESSAGE_FIELDS, messagePreview } from '../common/message-fields';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display, listNames } from '../common/display';
import { userRoot } from '../common/keys';
import { IMMUTABLE_IDS, toRecipients } from './message';
import { address, recipient, recipientDestinations, showRecipients } from './recipients';
import { earlierAttempt, stampFor } from './stamp';

export const mailDraftInput = z.object({
  to: z.array(recipient).default([]),
  cc: z.array(recipient).optional(),
  subject: z.string().min(1).max(255),
  body: z.string(),
});
export type MailDraftInput = z.infer<typeof mailDraftInput>;

export const mailDraftOutput = z.object({ messageId: z.string(), webLink: z.string() });
export type MailDraftOutput = z.infer<typeof mailDraftOutput>;

export function mailDraft(gateway: GraphGateway): ActionSpec<MailDraftInput, MailDraftOutput> {
  return {
    name: 'mail.draft',
    description:
      "Save an email as a draft in the requester's Drafts folder (to, optional cc, subject, plain-text body) without sending it, so they can review and send it themselves. Creates exactly one draft per step, even when retried.",
    input: mailDraftInput,
    output: mailDraftOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Mail.ReadWrite'], application: ['Mail.ReadWrite'] },
    destinations: (input) => [...recipientDestinations(input, 'to'), ...recipientDestinations(input, 'cc')],
    contentFields: ['subject', 'body'],
    editable: MESSAGE_FIELDS,
    describe(input) {
      const to = showRecipients(input.to);
      const cc = showRecipients(input.cc);
      return {
        title: `Save a draft${to.length > 0 ? ` to ${listNames(to)}` : ''} (not sent)`,
        target: 'Your Drafts folder',
        reads:
          typeof input.body === 'string'
            ? 'Nothing: the draft is saved as written below'
            : `The text produced ${display(input.body)}`,
        fields: messagePreview(to, cc, input),
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const existing = await earlierAttempt(graph, ctx);
      const options = { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'your mailbox' };
      const draft = existing
        ? await graph.get<{ id: string; webLink?: string }>(
            `${userRoot(ctx.actor.id)}/messages/${encodeURIComponent(existing.id)}`,
            { $select: 'id,webLink' },
            options,
          )
        : await graph.post<{ id: string; webLink?: string }>(
            `${userRoot(ctx.actor.id)}/messages`,
            {
              subject: input.subject,
              body: { contentType: 'Text', content: input.body },
              toRecipients: toRecipients(input.to.map(address)),
              ccRecipients: toRecipients((input.cc ?? []).map(address)),
              singleValueExtendedProperties: stampFor(ctx),
            },
            options,
          );
      const webLink = draft.webLink ?? '';
      return { output: { messageId: draft.id, webLink }, provenance: [] };
    },
  };
}
