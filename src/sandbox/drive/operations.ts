import type { SandboxUser } from '../directory';
import { created, jsonBody, noContent, ok, type Reply, type RequestContext } from '../context';
import { GraphError } from '../errors';
import { applyOrderBy, collection, type PageRules } from '../odata/query';
import { isoSeconds } from '../time';
import { metadata } from '../routes/shared';
import { writerId } from './access';
import { contentHost } from './content-host';
import { blobKey, childrenOf, ITEM, type StoredItem } from './items';
import { MAX_SIMPLE_UPLOAD } from './limits';
import { createLink, ownerPermissionView, permissionsOf, permissionView, readLinkRequest } from './links';
import { openSession, sessionStatus } from './sessions';
import { itemView, selectItem } from './view';
import { createFolder, readConflict, validName, writeFile, type WriteContext } from './write';

/** OneDrive pages collections with an opaque `$skiptoken`, 200 items by default. */
export const DRIVE_PAGING: PageRules = { defaultTop: 200, maxTop: 999, style: 'skiptoken' };

const CONFLICT = '@microsoft.graph.conflictBehavior';

export const writeContext = (ctx: RequestContext, owner: SandboxUser): WriteContext => ({
  store: ctx.store,
  owner,
  by: writerId(ctx, owner),
  now: isoSeconds(ctx.now),
});

/** One driveItem, `$select`ed. */
export async function itemReply(ctx: RequestContext, item: StoredItem, status = 200): Promise<Reply> {
  const host = await contentHost(ctx.store);
  const body = {
    '@odata.context': metadata(ctx, 'drives/items/$entity'),
    ...selectItem(itemView(ctx.store, item, host.downloadUrl), ctx.query.get('$select')),
  };
  return { status, body };
}

/** A page of driveItems with `$select`, `$top` and `@odata.nextLink`. */
export async function itemsReply(ctx: RequestContext, items: readonly StoredItem[], context: string): Promise<Reply> {
  const host = await contentHost(ctx.store);
  const select = ctx.query.get('$select');
  selectItem({}, select); // an unknown property is refused even when the page is empty
  const ordered = applyOrderBy(
    items.map((i) => itemView(ctx.store, i, host.downloadUrl)),
    ctx.query.get('$orderby'),
  );
  const views = ordered.map((v) => selectItem(v, select));
  return ok(
    collection(views, {
      requestUrl: ctx.requestUrl,
      query: ctx.query,
      rules: DRIVE_PAGING,
      context: metadata(ctx, context),
    }),
  );
}

export const childrenReply = (ctx: RequestContext, folder: StoredItem): Promise<Reply> => {
  if (folder.kind === 'file') {
    selectItem({}, ctx.query.get('$select')); // an unknown property is refused even with nothing to list
    return Promise.resolve(ok({ '@odata.context': metadata(ctx, 'drives/items/children'), value: [] }));
  }
  return itemsReply(ctx, childrenOf(ctx.store, folder.id), 'drives/items/children');
};

/** GET …/content: a 302 to the file's pre-authenticated download URL, as Graph answers. */
export async function contentRedirect(ctx: RequestContext, item: StoredItem): Promise<Reply> {
  if (item.kind !== 'file') throw new GraphError(404, 'itemNotFound', 'The item has no content.');
  const host = await contentHost(ctx.store);
  return { status: 302, headers: { location: host.downloadUrl(item.id) } };
}

/**
 * The request's bytes, whatever its content type (OneDrive stores them as sent). Only a `$batch`
 * sub-request has none: Graph's JSON batch cannot carry binary content either.
 */
function requestBytes(ctx: RequestContext): Buffer {
  if (ctx.rawBody) return ctx.rawBody;
  throw new GraphError(
    415,
    'invalidRequest',
    "A file's content cannot be uploaded inside a JSON batch: PUT it on its own.",
  );
}

/**
 * PUT …/content: a simple upload into `parent` as `name`, up to {@link MAX_SIMPLE_UPLOAD}.
 * `@microsoft.graph.conflictBehavior` (query) defaults to replace, as on OneDrive: replace keeps
 * the item's id (200), fail is a 409 `nameAlreadyExists`, rename saves "name 1.ext" (201).
 */
export async function simpleUpload(
  ctx: RequestContext,
  owner: SandboxUser,
  parent: StoredItem,
  name: string,
): Promise<Reply> {
  const bytes = requestBytes(ctx);
  if (bytes.length > MAX_SIMPLE_UPLOAD)
    throw new GraphError(
      413,
      'requestTooLarge',
      'The file is larger than simple upload allows: use an upload session.',
    );
  const conflict = readConflict(ctx.query.get(CONFLICT), 'replace');
  const result = writeFile(writeContext(ctx, owner), parent, name, bytes, conflict);
  return itemReply(ctx, result.item, result.created ? 201 : 200);
}

/** POST …/createUploadSession for `name` in `parent`. A `fail` conflict is refused up front. */
export async function startUploadSession(
  ctx: RequestContext,
  owner: SandboxUser,
  parent: StoredItem,
  name: string,
): Promise<Reply> {
  const body = (ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as { item?: Record<string, unknown> };
  const item = body.item ?? {};
  const conflict = readConflict(item[CONFLICT] ?? ctx.query.get(CONFLICT), 'replace');
  validName(name);
  const w = writeContext(ctx, owner);
  if (
    conflict === 'fail' &&
    childrenOf(ctx.store, parent.id).some((c) => c.name.toLowerCase() === name.toLowerCase())
  ) {
    throw new GraphError(409, 'nameAlreadyExists', `The specified item name '${name}' already exists.`);
  }
  const expires = isoSeconds(new Date(ctx.now.getTime() + 24 * 3_600_000));
  const session = openSession(ctx.store, {
    owner: owner.id,
    by: w.by,
    parentId: parent.id,
    name,
    conflict,
    now: w.now,
    expires,
  });
  const host = await contentHost(ctx.store);
  return ok({
    '@odata.context': metadata(ctx, 'microsoft.graph.uploadSession'),
    uploadUrl: host.uploadUrl(session.id),
    ...sessionStatus(session),
  });
}

/** POST …/children with `folder: {}`: a new folder. */
export function newFolder(ctx: RequestContext, owner: SandboxUser, parent: StoredItem): Promise<Reply> {
  const body = jsonBody(ctx);
  if (parent.kind === 'file') throw new GraphError(400, 'invalidRequest', 'Items can only be created in a folder.');
  if (body.folder === undefined)
    throw new GraphError(
      400,
      'invalidRequest',
      'Only folders can be created this way: upload files with PUT …/content.',
    );
  const folder = createFolder(
    writeContext(ctx, owner),
    parent,
    validName(body.name),
    readConflict(body[CONFLICT], 'fail'),
  );
  return itemReply(ctx, folder, 201);
}

/** DELETE an item and everything under it (the sandbox has no recycle bin). */
export function deleteItem(ctx: RequestContext, item: StoredItem): Reply {
  if (item.kind === 'root') throw new GraphError(403, 'accessDenied', 'The root folder cannot be deleted.');
  const remove = (i: StoredItem): void => {
    for (const child of childrenOf(ctx.store, i.id)) remove(child);
    for (const p of permissionsOf(ctx.store, i.id)) ctx.store.deleteDoc('drive.permission', p.id);
    ctx.store.deleteBlob(blobKey(i.id));
    ctx.store.deleteDoc(ITEM, i.id);
  };
  ctx.store.transaction(() => remove(item));
  return noContent();
}

/** POST …/createLink: 201 with a new link, 200 with the existing one of the same kind. */
export function linkReply(ctx: RequestContext, item: StoredItem): Reply {
  if (item.kind === 'root')
    throw new GraphError(400, 'invalidRequest', 'The root folder cannot be shared with a link.');
  const { permission, created: isNew } = createLink(
    ctx.store,
    item,
    readLinkRequest(jsonBody(ctx)),
    isoSeconds(ctx.now),
  );
  const body = { '@odata.context': metadata(ctx, 'microsoft.graph.permission'), ...permissionView(item, permission) };
  return isNew ? created(body) : ok(body);
}

/** GET …/permissions: the owner, then the item's sharing links. */
export function permissionsReply(ctx: RequestContext, owner: SandboxUser, item: StoredItem): Reply {
  const links = permissionsOf(ctx.store, item.id).map((p) => permissionView(item, p));
  return ok({
    '@odata.context': metadata(ctx, 'drives/items/permissions'),
    value: [ownerPermissionView(owner), ...links],
  });
}
