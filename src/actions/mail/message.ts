import type { MailMessage } from '../common/schemas';
import { plainText } from '../teams/message-text';

/** A Graph `emailAddress` wrapper, as in from/toRecipients/ccRecipients. */
export interface GraphRecipient {
  readonly emailAddress?: { readonly name?: string | null; readonly address?: string | null } | null;
}

/** The part of a Graph `message` the mail actions read. */
export interface GraphMessage {
  readonly id: string;
  readonly subject?: string | null;
  readonly from?: GraphRecipient | null;
  readonly toRecipients?: readonly GraphRecipient[] | null;
  readonly ccRecipients?: readonly GraphRecipient[] | null;
  readonly receivedDateTime?: string | null;
  readonly sentDateTime?: string | null;
  readonly bodyPreview?: string | null;
  readonly body?: { readonly contentType?: string | null; readonly content?: string | null } | null;
  readonly isRead?: boolean | null;
  readonly isDraft?: boolean | null;
  readonly webLink?: string | null;
  readonly hasAttachments?: boolean | null;
  readonly conversationId?: string | null;
  readonly parentFolderId?: string | null;
  readonly flag?: { readonly flagStatus?: string | null } | null;
}

/** A person as the mail actions pass them around. */
export interface Address {
  readonly name: string;
  readonly address: string;
}

/** Real Graph returns the body as text when asked; the sandbox and older servers may not. */
export const TEXT_BODY = { Prefer: 'outlook.body-content-type="text"' };

/** Immutable ids survive moves between folders (Drafts → Sent Items, Inbox → Archive). */
export const IMMUTABLE_IDS = { Prefer: 'IdType="ImmutableId"' };

export function addressOf(r: GraphRecipient | null | undefined): Address {
  return { name: r?.emailAddress?.name ?? '', address: r?.emailAddress?.address ?? '' };
}

export function addressesOf(rs: readonly GraphRecipient[] | null | undefined): Address[] {
  return (rs ?? []).map(addressOf).filter((a) => a.address !== '');
}

/** Addresses as Graph recipients. */
export function toRecipients(
  addresses: ReadonlyArray<string | Address>,
): Array<{ emailAddress: { address: string; name?: string } }> {
  return addresses.map((a) =>
    typeof a === 'string'
      ? { emailAddress: { address: a } }
      : { emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) } },
  );
}

/** A Graph message in the shape of mail.search's results. */
export function toMailMessage(m: GraphMessage): MailMessage {
  return {
    id: m.id,
    subject: m.subject ?? '',
    from: addressOf(m.from),
    receivedDateTime: m.receivedDateTime ?? '',
    bodyPreview: m.bodyPreview ?? '',
    isRead: m.isRead ?? false,
    ...(m.webLink ? { webLink: m.webLink } : {}),
    ...(typeof m.hasAttachments === 'boolean' ? { hasAttachments: m.hasAttachments } : {}),
    ...(m.conversationId ? { conversationId: m.conversationId } : {}),
  };
}

/** A message body as plain text: markup, styles and scripts dropped, paragraphs kept. */
export function bodyText(body: GraphMessage['body']): string {
  if ((body?.contentType ?? 'text').toLowerCase() !== 'html')
    return (body?.content ?? '').replace(/\r\n?/g, '\n').trim();
  const content = (body?.content ?? '')
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\r\n?/g, '\n');
  return plainText({ contentType: 'html', content: content.replace(/>\s*\n\s*</g, '><') });
}
