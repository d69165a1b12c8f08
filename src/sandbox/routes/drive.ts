import { ok, type RequestContext } from '../context';
import { driveOwner, driveRoot, itemNotFound, ownedItem } from '../drive/access';
import { driveView } from '../drive/drive-view';
import { permissionsOf, permissionView } from '../drive/links';
import {
  childrenReply,
  contentRedirect,
  deleteItem,
  itemReply,
  itemsReply,
  linkReply,
  newFolder,
  permissionsReply,
  simpleUpload,
  startUploadSession,
} from '../drive/operations';
import { MAX_PATH_DEPTH, pathRoute } from '../drive/path-route';
import { recentFiles, searchDrive, searchTerms } from '../drive/search';
import { metadata } from './shared';
import type { Router } from '../router';

/** A user's OneDrive is reachable as `/users/{id}/drive` (and `/me/drive`) or as `/drives/{drive-id}`. */
const PREFIXES = ['/users/:user/drive', '/drives/:drive'];

const item = (ctx: RequestContext) => {
  const owner = driveOwner(ctx);
  return { owner, item: ownedItem(ctx, owner, ctx.params.id ?? '') };
};

function permission(ctx: RequestContext) {
  const { item: target } = item(ctx);
  const found = permissionsOf(ctx.store, target.id).find((p) => p.id === ctx.params.permission);
  if (!found) throw itemNotFound();
  return { target, found };
}

/** The sandbox's OneDrive routes: items by id and by path, search, recent, content, upload sessions and sharing links. */
export function registerDriveRoutes(router: Router): void {
  for (const p of PREFIXES) {
    router.get(p, (ctx) => ok(driveView(ctx, driveOwner(ctx))));
    router.get(`${p}/root`, (ctx) => {
      const owner = driveOwner(ctx);
      return itemReply(ctx, driveRoot(ctx, owner));
    });
    router.get(`${p}/root/children`, (ctx) => {
      const owner = driveOwner(ctx);
      return childrenReply(ctx, driveRoot(ctx, owner));
    });
    router.post(`${p}/root/children`, (ctx) => {
      const owner = driveOwner(ctx);
      return newFolder(ctx, owner, driveRoot(ctx, owner));
    });
    // Graph accepts the search on the drive and on its root alike.
    for (const search of [`${p}/root/search/:q`, `${p}/search/:q`]) {
      router.get(search, (ctx) => {
        const owner = driveOwner(ctx);
        return itemsReply(
          ctx,
          searchDrive(ctx.store, owner.id, searchTerms(ctx.params.q ?? '')),
          'Collection(driveItem)',
        );
      });
    }
    router.get(`${p}/recent`, (ctx) =>
      itemsReply(ctx, recentFiles(ctx.store, driveOwner(ctx).id), 'Collection(driveItem)'),
    );
    router.get(`${p}/items/:id`, (ctx) => itemReply(ctx, item(ctx).item));
    router.delete(`${p}/items/:id`, (ctx) => deleteItem(ctx, item(ctx).item));
    router.get(`${p}/items/:id/children`, (ctx) => childrenReply(ctx, item(ctx).item));
    router.post(`${p}/items/:id/children`, (ctx) => {
      const { owner, item: parent } = item(ctx);
      return newFolder(ctx, owner, parent);
    });
    router.get(`${p}/items/:id/content`, (ctx) => contentRedirect(ctx, item(ctx).item));
    router.add('PUT', `${p}/items/:id/content`, (ctx) => {
      const { owner, item: file } = item(ctx);
      const parent = ownedItem(ctx, owner, file.parentId ?? '');
      return simpleUpload(ctx, owner, parent, file.name);
    });
    router.post(`${p}/items/:id/createUploadSession`, (ctx) => {
      const { owner, item: file } = item(ctx);
      return startUploadSession(ctx, owner, ownedItem(ctx, owner, file.parentId ?? ''), file.name);
    });
    router.post(`${p}/items/:id/createLink`, (ctx) => linkReply(ctx, item(ctx).item));
    router.get(`${p}/items/:id/permissions`, (ctx) => {
      const { owner, item: target } = item(ctx);
      return permissionsReply(ctx, owner, target);
    });
    router.get(`${p}/items/:id/permissions/:permission`, (ctx) => {
      const { target, found } = permission(ctx);
      return ok({ '@odata.context': metadata(ctx, 'microsoft.graph.permission'), ...permissionView(target, found) });
    });
    router.delete(`${p}/items/:id/permissions/:permission`, (ctx) => {
      const { found } = permission(ctx);
      ctx.store.deleteDoc('drive.permission', found.id);
      return { status: 204 };
    });
    registerPathRoutes(router, p);
  }
}

/** `root:/a/b:/action` and `items/{id}:/a:/action` at every depth up to {@link MAX_PATH_DEPTH}. */
function registerPathRoutes(router: Router, prefix: string): void {
  for (let depth = 1; depth <= MAX_PATH_DEPTH; depth++) {
    const tail = Array.from({ length: depth }, (_, i) => `:p${i + 1}`).join('/');
    for (const base of [`${prefix}/root:`, `${prefix}/items/:id`]) {
      for (const method of ['GET', 'PUT', 'POST', 'DELETE']) router.add(method, `${base}/${tail}`, pathRoute);
    }
  }
}
