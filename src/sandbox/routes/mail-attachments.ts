import { mailboxOwner } from '../auth';
import { created, jsonBody, ok, type RequestContext } from '../context';
import { badRequest, GraphError, itemNotFound } from '../errors';
import { attachmentView, listAttachments, putAttachment } from '../mail/attachments';
import { changeKeyFor } from '../mail/compose';
import { applySelect, collection, OUTLOOK_PAGING, checkSelect } from '../odata/query';
import type { Router } from '../router';
import { isoSeconds } from '../time';
import { metadata } from './shared';

/** Graph refuses attachments above 3 MB on this endpoint (bigger ones need an upload session). */
const MAX_INLINE_BYTES = 3 * 1024 * 1024;

function loadMessage(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const stored = ctx.store.getMail(owner.id, ctx.params.id ?? '');
  if (!stored) throw itemNotFound();
  return { owner, ...stored };
}

function list(ctx: RequestContext) {
  const { owner, message } = loadMessage(ctx);
  const select = ctx.query.get('$select');
  checkSelect(select, 'attachment');
  const items = listAttachments(ctx.store, owner.id, message.id).map((a) =>
    applySelect(attachmentView(ctx.store, a), select, 'attachment', ['id', '@odata.type']),
  );
  const where = `users('${owner.id}')/messages('${message.id}')/attachments`;
  return ok(
    collection(items, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: OUTLOOK_PAGING,
      context: metadata(ctx, where),
    }),
  );
}

function one(ctx: RequestContext) {
  const { owner, message } = loadMessage(ctx);
  const found = listAttachments(ctx.store, owner.id, message.id).find((a) => a.id === ctx.params.attachment);
  if (!found) throw itemNotFound();
  const view = applySelect(attachmentView(ctx.store, found), ctx.query.get('$select'), 'attachment', [
    'id',
    '@odata.type',
  ]);
  return ok({
    '@odata.context': metadata(ctx, `users('${owner.id}')/messages('${message.id}')/attachments/$entity`),
    ...view,
  });
}

/** POST a `#microsoft.graph.fileAttachment` (name, contentType, contentBytes) to a message. */
function add(ctx: RequestContext) {
  const { owner, folder, message } = loadMessage(ctx);
  const body = jsonBody(ctx);
  if (body['@odata.type'] !== '#microsoft.graph.fileAttachment') {
    throw badRequest(
      "Only '#microsoft.graph.fileAttachment' is supported here; set '@odata.type'.",
      'ErrorInvalidRequest',
    );
  }
  if (typeof body.name !== 'string' || body.name.trim() === '')
    throw badRequest("The 'name' property is required.", 'ErrorInvalidRequest');
  if (typeof body.contentBytes !== 'string')
    throw badRequest("The 'contentBytes' property is required.", 'ErrorInvalidRequest');
  const bytes = Buffer.from(body.contentBytes, 'base64');
  if (bytes.length > MAX_INLINE_BYTES)
    throw new GraphError(
      413,
      'ErrorRequestEntityTooLarge',
      'The attachment is too large for this request; use an upload session.',
    );
  const when = isoSeconds(ctx.now);
  const contentType = typeof body.contentType === 'string' ? body.contentType : 'application/octet-stream';
  const stored = putAttachment(
    ctx.store,
    owner.id,
    message.id,
    { name: body.name, contentType, bytes, isInline: body.isInline === true },
    when,
  );
  ctx.store.putMail(owner.id, folder, {
    ...message,
    hasAttachments: true,
    lastModifiedDateTime: when,
    changeKey: changeKeyFor(message.id, `${when}att${stored.id}`),
  });
  return created({
    '@odata.context': metadata(ctx, `users('${owner.id}')/messages('${message.id}')/attachments/$entity`),
    ...attachmentView(ctx.store, stored),
  });
}

/** `/messages/{id}/attachments` and one attachment by id, in a user's mailbox. */
export function registerMailAttachmentRoutes(router: Router): void {
  for (const prefix of ['/users/:user/messages/:id', '/users/:user/mailFolders/:folder/messages/:id']) {
    router.get(`${prefix}/attachments`, list);
    router.post(`${prefix}/attachments`, add);
    router.get(`${prefix}/attachments/:attachment`, one);
  }
}
