import { mailboxOwner } from '../auth';
import { created, jsonBody, noContent, ok, type RequestContext } from '../context';
import { badRequest, itemNotFound } from '../errors';
import { composeMessage, changeKeyFor, preview } from '../mail/compose';
import { deleteAttachments } from '../mail/attachments';
import { sendDraft } from '../mail/deliver';
import { folderId, FOLDERS, resolveFolder } from '../mail/folders';
import {
  ALWAYS_WRITABLE,
  checkKnownProperties,
  DRAFT_ONLY,
  mergeExtendedProperties,
  readBody,
  readExtendedProperties,
  readImportance,
  readRecipients,
} from '../mail/input';
import { checkMessageQuery } from '../mail/rules';
import { messageView, readExpand } from '../mail/view';
import type { FolderName, MailMessage } from '../model';
import { applyFilter, applyOrderBy, applySelect, checkSelect, collection, OUTLOOK_PAGING } from '../odata/query';
import { compileMailSearch } from '../odata/search';
import type { Router } from '../router';
import { isoSeconds } from '../time';
import { stableId } from '../ids';
import { registerMailAttachmentRoutes } from './mail-attachments';
import { registerMailMoveRoutes } from './mail-move';
import { metadata } from './shared';

function listMessages(ctx: RequestContext, folder?: FolderName) {
  const owner = mailboxOwner(ctx);
  checkMessageQuery(ctx.query);
  const stored = ctx.store.listMail(owner.id, folder).map((s) => s.message);
  let items: MailMessage[] = ctx.listable('mail', stored, (m) => m.id);
  const search = ctx.query.get('$search');
  if (search !== null) items = items.filter(compileMailSearch(search));
  items = applyFilter(items, ctx.query.get('$filter'), 'ErrorInvalidUrlQueryFilter');
  items = applyOrderBy(items, ctx.query.get('$orderby'));
  const select = ctx.query.get('$select');
  checkSelect(select, 'message');
  const expand = readExpand(ctx.query.get('$expand'));
  const where = folder ? `users('${owner.id}')/mailFolders('${folder}')/messages` : `users('${owner.id}')/messages`;
  return ok(
    collection(
      items.map((m) => messageView(m, select, expand)),
      {
        // Search results page with an opaque $skiptoken, like Graph's.
        requestUrl: ctx.requestUrl,
        query: ctx.query,
        rules: search === null ? OUTLOOK_PAGING : { ...OUTLOOK_PAGING, style: 'skiptoken' },
        context: metadata(ctx, where),
        count: ctx.query.get('$count') === 'true',
      },
    ),
  );
}

function loadMessage(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const stored = ctx.store.getMail(owner.id, ctx.params.id ?? '');
  if (!stored) throw itemNotFound();
  return { owner, ...stored };
}

function createDraft(ctx: RequestContext, folder: FolderName) {
  const owner = mailboxOwner(ctx);
  const body = jsonBody(ctx);
  checkKnownProperties(body);
  const self = { emailAddress: { name: owner.displayName, address: owner.mail } };
  const message = composeMessage({
    ownerId: owner.id,
    folder,
    subject: typeof body.subject === 'string' ? body.subject : '',
    body: readBody(body.body),
    from: self,
    toRecipients: readRecipients(body.toRecipients, 'toRecipients'),
    ccRecipients: readRecipients(body.ccRecipients, 'ccRecipients'),
    bccRecipients: readRecipients(body.bccRecipients, 'bccRecipients'),
    received: ctx.now,
    isRead: true,
    isDraft: true,
    importance: readImportance(body.importance),
    extendedProperties: readExtendedProperties(body.singleValueExtendedProperties),
  });
  ctx.store.putMail(owner.id, folder, message);
  ctx.store.markNew('mail', message.id, ctx.now);
  return created({
    '@odata.context': metadata(ctx, `users('${owner.id}')/messages/$entity`),
    ...messageView(message, null, undefined),
  });
}

function updateMessage(ctx: RequestContext) {
  const { owner, folder, message } = loadMessage(ctx);
  const body = jsonBody(ctx);
  checkKnownProperties(body);
  const next: MailMessage = { ...message };
  for (const [key, value] of Object.entries(body)) {
    const k = key.toLowerCase();
    if (DRAFT_ONLY.has(k) && !message.isDraft) {
      throw badRequest(
        `The property '${key}' can only be updated on a draft message.`,
        'ErrorInvalidPropertyUpdateSentMessage',
      );
    }
    if (!DRAFT_ONLY.has(k) && !ALWAYS_WRITABLE.has(k)) continue; // read-only: ignored, as Graph does
    switch (k) {
      case 'isread':
        next.isRead = Boolean(value);
        break;
      case 'categories':
        next.categories = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'importance':
        next.importance = readImportance(value);
        break;
      case 'flag':
        next.flag = {
          flagStatus: (value as { flagStatus?: MailMessage['flag']['flagStatus'] })?.flagStatus ?? 'notFlagged',
        };
        break;
      case 'inferenceclassification':
        next.inferenceClassification = value === 'other' ? 'other' : 'focused';
        break;
      case 'singlevalueextendedproperties':
        next.singleValueExtendedProperties = mergeExtendedProperties(
          message.singleValueExtendedProperties,
          readExtendedProperties(value),
        );
        break;
      case 'subject':
        next.subject = typeof value === 'string' ? value : '';
        break;
      case 'body':
        next.body = readBody(value);
        next.bodyPreview = preview(next.body);
        break;
      case 'torecipients':
        next.toRecipients = readRecipients(value, key);
        break;
      case 'ccrecipients':
        next.ccRecipients = readRecipients(value, key);
        break;
      case 'bccrecipients':
        next.bccRecipients = readRecipients(value, key);
        break;
      case 'replyto':
        next.replyTo = readRecipients(value, key);
        break;
      default:
        break; // from/sender on drafts: the sandbox always sends as the owner
    }
  }
  next.lastModifiedDateTime = isoSeconds(ctx.now);
  next.changeKey = changeKeyFor(next.id, `${next.lastModifiedDateTime}${JSON.stringify(body).length}`);
  ctx.store.putMail(owner.id, folder, next);
  return ok({
    '@odata.context': metadata(ctx, `users('${owner.id}')/messages/$entity`),
    ...messageView(next, null, undefined),
  });
}

/** DELETE moves to Deleted Items; deleting from Deleted Items removes the message. */
function deleteMessage(ctx: RequestContext) {
  const { owner, folder, message } = loadMessage(ctx);
  if (folder === 'deleteditems') {
    ctx.store.deleteMail(owner.id, message.id);
    deleteAttachments(ctx.store, owner.id, message.id);
  } else
    ctx.store.putMail(owner.id, 'deleteditems', { ...message, parentFolderId: folderId(owner.id, 'deleteditems') });
  return noContent();
}

function listFolders(ctx: RequestContext) {
  const owner = mailboxOwner(ctx);
  const all = ctx.store.listMail(owner.id);
  const select = ctx.query.get('$select');
  checkSelect(select, 'mailFolder');
  const value = FOLDERS.map((f) => applySelect(folderView(owner.id, f.name, all), select, 'mailFolder', ['id']));
  return ok(
    collection(value, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: OUTLOOK_PAGING,
      context: metadata(ctx, `users('${owner.id}')/mailFolders`),
    }),
  );
}

function folderView(ownerId: string, name: FolderName, all: Array<{ folder: FolderName; message: MailMessage }>) {
  const inFolder = all.filter((s) => s.folder === name);
  return {
    id: folderId(ownerId, name),
    displayName: FOLDERS.find((f) => f.name === name)?.displayName ?? name,
    parentFolderId: stableId('folder', `${ownerId}:msgfolderroot`),
    childFolderCount: 0,
    unreadItemCount: inFolder.filter((s) => !s.message.isRead).length,
    totalItemCount: inFolder.length,
    isHidden: false,
  };
}

export function registerMailRoutes(router: Router): void {
  registerMailAttachmentRoutes(router);
  registerMailMoveRoutes(router);
  router.get('/users/:user/messages', (ctx) => listMessages(ctx));
  router.post('/users/:user/messages', (ctx) => createDraft(ctx, 'drafts'));
  router.get('/users/:user/mailFolders', listFolders);
  router.get('/users/:user/mailFolders/:folder', (ctx) => {
    const owner = mailboxOwner(ctx);
    const name = resolveFolder(owner.id, ctx.params.folder ?? '');
    return ok({
      '@odata.context': metadata(ctx, `users('${owner.id}')/mailFolders/$entity`),
      ...applySelect(folderView(owner.id, name, ctx.store.listMail(owner.id)), ctx.query.get('$select'), 'mailFolder', [
        'id',
      ]),
    });
  });
  router.get('/users/:user/mailFolders/:folder/messages', (ctx) =>
    listMessages(ctx, resolveFolder(mailboxOwner(ctx).id, ctx.params.folder ?? '')),
  );
  router.post('/users/:user/mailFolders/:folder/messages', (ctx) =>
    createDraft(ctx, resolveFolder(mailboxOwner(ctx).id, ctx.params.folder ?? '')),
  );
  for (const prefix of ['/users/:user/messages/:id', '/users/:user/mailFolders/:folder/messages/:id']) {
    router.get(prefix, (ctx) => {
      const { owner, message } = loadMessage(ctx);
      const view = messageView(message, ctx.query.get('$select'), readExpand(ctx.query.get('$expand')));
      return ok({ '@odata.context': metadata(ctx, `users('${owner.id}')/messages/$entity`), ...view });
    });
    router.patch(prefix, updateMessage);
    router.delete(prefix, deleteMessage);
  }
  router.post('/users/:user/messages/:id/send', (ctx) => {
    const { owner, message } = loadMessage(ctx);
    if (!message.isDraft) throw badRequest('Only a draft message can be sent.', 'ErrorInvalidOperation');
    sendDraft(ctx.store, owner, message, ctx.now);
    return { status: 202 };
  });
  router.post('/users/:user/sendMail', (ctx) => {
    const owner = mailboxOwner(ctx);
    const body = jsonBody(ctx);
    const input = body.message as Record<string, unknown> | undefined;
    if (!input || typeof input !== 'object')
      throw badRequest("The 'message' parameter is required.", 'ErrorInvalidRequest');
    checkKnownProperties(input);
    const draft = composeMessage({
      ownerId: owner.id,
      folder: 'drafts',
      subject: typeof input.subject === 'string' ? input.subject : '',
      body: readBody(input.body),
      from: { emailAddress: { name: owner.displayName, address: owner.mail } },
      toRecipients: readRecipients(input.toRecipients, 'toRecipients'),
      ccRecipients: readRecipients(input.ccRecipients, 'ccRecipients'),
      bccRecipients: readRecipients(input.bccRecipients, 'bccRecipients'),
      received: ctx.now,
      isRead: true,
      isDraft: true,
      importance: readImportance(input.importance),
      extendedProperties: readExtendedProperties(input.singleValueExtendedProperties),
    });
    sendDraft(ctx.store, owner, draft, ctx.now, body.saveToSentItems !== false);
    return { status: 202 };
  });
}
