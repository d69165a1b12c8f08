import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { userRoot } from '../common/keys';
import { addressesOf, addressOf, bodyText, IMMUTABLE_IDS, TEXT_BODY, type GraphMessage } from './message';

export const mailReadInput = z.object({
  /** The message to read, e.g. mail.search's `messages.0.id`. */
  messageId: z.string().min(1),
});
export type MailReadInput = z.infer<typeof mailReadInput>;

const address = z.object({ name: z.string(), address: z.string() });

export const mailReadOutput = z.object({
  id: z.string(),
  subject: z.string(),
  from: address,
  to: z.array(address),
  cc: z.array(address),
  /** Everyone else on the message (to and cc, without the requester and the sender): who "reply all" adds. */
  others: z.array(address),
  receivedDateTime: z.string(),
  conversationId: z.string(),
  isRead: z.boolean(),
  /** The body as plain text (markup removed). */
  body: z.string(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), contentType: z.string() })),
  webLink: z.string().optional(),
});
export type MailReadOutput = z.infer<typeof mailReadOutput>;

const SELECT =
  'id,subject,from,toRecipients,ccRecipients,receivedDateTime,conversationId,isRead,body,hasAttachments,webLink';

interface GraphAttachment {
  readonly id: string;
  readonly name?: string | null;
  readonly size?: number | null;
  readonly contentType?: string | null;
  readonly isInline?: boolean | null;
}

/** The path of one message in the requester's mailbox. */
export function messagePath(actorId: string, messageId: string): string {
  return `${userRoot(actorId)}/messages/${encodeURIComponent(messageId)}`;
}

export function mailRead(gateway: GraphGateway): ActionSpec<MailReadInput, MailReadOutput> {
  return {
    name: 'mail.read',
    description:
      "Read one message of the requester's mailbox (messageId, e.g. mail.search's messages.0.id): sender, recipients, subject, the body as plain text and the list of attachments (name, size, type; not their content). No side effect.",
    input: mailReadInput,
    output: mailReadOutput,
    risk: 'read',
    permissions: { delegated: ['Mail.Read'], application: ['Mail.Read'] },
    editable: [],
    describe(input) {
      return {
        title: 'Read a message',
        target: 'Your mailbox',
        reads: `The message ${display(input.messageId)}: sender, recipients, subject, body and attachment names`,
        fields: [{ label: 'Message', value: display(input.messageId) }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const path = messagePath(ctx.actor.id, input.messageId);
      const headers = { Prefer: `${TEXT_BODY.Prefer}, ${IMMUTABLE_IDS.Prefer}` };
      const m = await graph.get<GraphMessage>(
        path,
        { $select: SELECT },
        { headers, signal: ctx.signal, what: 'the message' },
      );
      // Only ask for attachments when there are some; inline images of HTML mail are not attachments people mean.
      const found = m.hasAttachments
        ? await graph.get<{ value?: GraphAttachment[] }>(
            `${path}/attachments`,
            { $select: 'id,name,size,contentType,isInline' },
            { headers: IMMUTABLE_IDS, signal: ctx.signal, what: 'the attachments' },
          )
        : { value: [] };
      const attachments = (found.value ?? [])
        .filter((a) => a.isInline !== true)
        .map((a) => ({
          id: a.id,
          name: a.name ?? '',
          size: a.size ?? 0,
          contentType: a.contentType ?? 'application/octet-stream',
        }));
      const from = addressOf(m.from);
      const to = addressesOf(m.toRecipients);
      const cc = addressesOf(m.ccRecipients);
      const skip = new Set([from.address.toLowerCase(), (ctx.actor.upn ?? '').toLowerCase()]);
      const others = [...to, ...cc].filter(
        (a, i, all) =>
          !skip.has(a.address.toLowerCase()) &&
          all.findIndex((b) => b.address.toLowerCase() === a.address.toLowerCase()) === i,
      );
      const output: MailReadOutput = {
        id: m.id,
        subject: m.subject ?? '',
        from,
        to,
        cc,
        others,
        receivedDateTime: m.receivedDateTime ?? '',
        conversationId: m.conversationId ?? '',
        isRead: m.isRead ?? false,
        body: bodyText(m.body),
        attachments,
        ...(m.webLink ? { webLink: m.webLink } : {}),
      };
      return { output, provenance: [m.id], sources: [{ id: m.id, title: output.subject || '(no subject)' }] };
    },
  };
}
