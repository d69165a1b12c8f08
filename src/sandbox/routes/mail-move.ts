import { mailboxOwner } from '../auth';
import { created, jsonBody, type RequestContext } from '../context';
import { badRequest, itemNotFound } from '../errors';
import { copyAttachments } from '../mail/attachments';
import { changeKeyFor, outlookLink } from '../mail/compose';
import { folderId, resolveFolder } from '../mail/folders';
import { messageView } from '../mail/view';
import { newId } from '../ids';
import type { Router } from '../router';
import { isoSeconds } from '../time';
import { metadata } from './shared';

function destination(ctx: RequestContext, ownerId: string) {
  const body = jsonBody(ctx);
  if (typeof body.destinationId !== 'string' || body.destinationId.trim() === '') {
    throw badRequest("The 'destinationId' parameter is required.", 'ErrorInvalidRequest');
  }
  // An unknown destination is a bad parameter (400), not a missing message (404).
  try {
    return resolveFolder(ownerId, body.destinationId);
  } catch {
    throw badRequest(`The destination folder '${body.destinationId}' was not found.`, 'ErrorInvalidIdMalformed');
  }
}

/**
 * `POST /messages/{id}/move`: the message changes folder and keeps its id (the sandbox behaves
 * as Graph does with `Prefer: IdType="ImmutableId"`), so moving it again is harmless.
 * `POST /messages/{id}/copy`: a new message, with copies of its attachments.
 */
export function registerMailMoveRoutes(router: Router): void {
  router.post('/users/:user/messages/:id/move', (ctx) => {
    const owner = mailboxOwner(ctx);
    const stored = ctx.store.getMail(owner.id, ctx.params.id ?? '');
    if (!stored) throw itemNotFound();
    const folder = destination(ctx, owner.id);
    const when = isoSeconds(ctx.now);
    const moved =
      stored.folder === folder
        ? stored.message
        : {
            ...stored.message,
            parentFolderId: folderId(owner.id, folder),
            lastModifiedDateTime: when,
            changeKey: changeKeyFor(stored.message.id, `${when}move${folder}`),
          };
    ctx.store.putMail(owner.id, folder, moved);
    return created({
      '@odata.context': metadata(ctx, `users('${owner.id}')/messages/$entity`),
      ...messageView(moved, ctx.query.get('$select'), undefined),
    });
  });
  router.post('/users/:user/messages/:id/copy', (ctx) => {
    const owner = mailboxOwner(ctx);
    const stored = ctx.store.getMail(owner.id, ctx.params.id ?? '');
    if (!stored) throw itemNotFound();
    const folder = destination(ctx, owner.id);
    const when = isoSeconds(ctx.now);
    const id = newId('message');
    const copy = {
      ...stored.message,
      id,
      webLink: outlookLink(id),
      parentFolderId: folderId(owner.id, folder),
      lastModifiedDateTime: when,
      changeKey: changeKeyFor(id, when),
    };
    ctx.store.transaction(() => {
      ctx.store.putMail(owner.id, folder, copy);
      copyAttachments(
        ctx.store,
        { ownerId: owner.id, messageId: stored.message.id },
        { ownerId: owner.id, messageId: id },
        when,
      );
    });
    return created({
      '@odata.context': metadata(ctx, `users('${owner.id}')/messages/$entity`),
      ...messageView(copy, ctx.query.get('$select'), undefined),
    });
  });
}
