import { mailboxOwner } from '../auth';
import { created, type RequestContext } from '../context';
import { itemNotFound } from '../errors';
import { composeMessage } from '../mail/compose';
import { sendDraft } from '../mail/deliver';
import { copyAttachments } from '../mail/attachments';
import { readExtendedProperties, readRecipients } from '../mail/input';
import { messageView } from '../mail/view';
import type { MailMessage, Recipient } from '../model';
import type { Router } from '../router';
import { isoSeconds } from '../time';
import { metadata } from './shared';

type Kind = 'reply' | 'replyAll' | 'forward';

const PREFIX: Record<Kind, string> = { reply: 'RE: ', replyAll: 'RE: ', forward: 'FW: ' };

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The draft Outlook makes for a reply, reply-all or forward: quoted original, same conversation. */
function buildResponse(ctx: RequestContext, kind: Kind) {
  const owner = mailboxOwner(ctx);
  const original = ctx.store.getMail(owner.id, ctx.params.id ?? '')?.message;
  if (!original) throw itemNotFound();
  const body = (ctx.body ?? {}) as {
    comment?: unknown;
    toRecipients?: unknown;
    message?: { toRecipients?: unknown; ccRecipients?: unknown; singleValueExtendedProperties?: unknown };
  };
  const self = owner.mail.toLowerCase();
  const notSelf = (r: Recipient) => r.emailAddress.address.toLowerCase() !== self;
  let to: Recipient[] = [];
  let cc: Recipient[] = [];
  if (kind === 'forward') to = readRecipients(body.toRecipients ?? body.message?.toRecipients, 'toRecipients');
  else {
    to = original.from && notSelf(original.from) ? [original.from] : original.toRecipients;
    if (kind === 'replyAll') {
      to = [...to, ...original.toRecipients.filter(notSelf)];
      cc = original.ccRecipients.filter(notSelf);
    }
  }
  // Recipients given in `message` replace Outlook's choice, as Graph does for writable properties.
  if (kind !== 'forward' && body.message?.toRecipients !== undefined)
    to = readRecipients(body.message.toRecipients, 'toRecipients');
  if (body.message?.ccRecipients !== undefined) cc = readRecipients(body.message.ccRecipients, 'ccRecipients');
  const comment = typeof body.comment === 'string' ? body.comment : '';
  const quoted =
    original.body.contentType === 'html' ? original.body.content : `<pre>${escapeHtml(original.body.content)}</pre>`;
  const draft: MailMessage = composeMessage({
    ownerId: owner.id,
    folder: 'drafts',
    subject: `${PREFIX[kind]}${original.subject.replace(/^(RE|FW):\s*/i, '')}`,
    body: { contentType: 'html', content: `<html><body><p>${escapeHtml(comment)}</p><hr>${quoted}</body></html>` },
    from: { emailAddress: { name: owner.displayName, address: owner.mail } },
    toRecipients: dedupe(to),
    ccRecipients: dedupe(cc),
    received: ctx.now,
    isRead: true,
    isDraft: true,
    conversationId: original.conversationId,
    extendedProperties: readExtendedProperties(body.message?.singleValueExtendedProperties),
  });
  // A forward carries the original's attachments.
  const copied =
    kind === 'forward'
      ? copyAttachments(
          ctx.store,
          { ownerId: owner.id, messageId: original.id },
          { ownerId: owner.id, messageId: draft.id },
          isoSeconds(ctx.now),
        )
      : 0;
  return { owner, draft: copied > 0 ? { ...draft, hasAttachments: true } : draft };
}

function dedupe(rs: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return rs.filter(
    (r) => !seen.has(r.emailAddress.address.toLowerCase()) && !!seen.add(r.emailAddress.address.toLowerCase()),
  );
}

export function registerMailReplyRoutes(router: Router): void {
  for (const kind of ['reply', 'replyAll', 'forward'] as const) {
    router.post(`/users/:user/messages/:id/${kind}`, (ctx) => {
      const { owner, draft } = buildResponse(ctx, kind);
      sendDraft(ctx.store, owner, draft, ctx.now);
      return { status: 202 };
    });
    const create = `create${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
    router.post(`/users/:user/messages/:id/${create}`, (ctx) => {
      const { owner, draft } = buildResponse(ctx, kind);
      ctx.store.putMail(owner.id, 'drafts', draft);
      ctx.store.markNew('mail', draft.id, ctx.now);
      return created({
        '@odata.context': metadata(ctx, `users('${owner.id}')/messages/$entity`),
        ...messageView(draft, null, undefined),
      });
    });
  }
}
