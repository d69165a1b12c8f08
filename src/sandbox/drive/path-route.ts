import type { Reply, RequestContext } from '../context';
import { badRequest } from '../errors';
import { driveOwner, driveRoot, itemNotFound, ownedItem } from './access';
import { itemAtPath } from './items';
import {
  childrenReply,
  contentRedirect,
  deleteItem,
  itemReply,
  linkReply,
  newFolder,
  permissionsReply,
  simpleUpload,
  startUploadSession,
  writeContext,
} from './operations';
import { ensureFolders } from './write';

/** Deepest `root:/a/b/…` path the sandbox routes (the router matches fixed segment counts). */
export const MAX_PATH_DEPTH = 12;

/**
 * Split `a/b/c.docx:/content` (already cut into segments) into the item path and the action
 * after the path's closing colon; no colon, or a colon on the last segment, means no action.
 */
export function splitPath(segments: readonly string[]): { path: string[]; action?: string } {
  const end = segments.findIndex((s) => s.endsWith(':'));
  if (end < 0) return { path: [...segments] };
  const path = segments
    .slice(0, end + 1)
    .map((s, i) => (i === end ? s.slice(0, -1) : s))
    .filter(Boolean);
  const rest = segments.slice(end + 1);
  if (rest.length > 1) throw badRequest(`Resource not found for the segment '${rest.join('/')}'.`);
  return { path, action: rest[0]?.toLowerCase() };
}

/** Handler for `…/root:/path[:/action]` and `…/items/{parent-id}:/path[:/action]`. */
export async function pathRoute(ctx: RequestContext): Promise<Reply> {
  const owner = driveOwner(ctx);
  const segments: string[] = [];
  for (let i = 1; ctx.params[`p${i}`] !== undefined; i++) segments.push(ctx.params[`p${i}`] ?? '');
  let base = driveRoot(ctx, owner);
  if (ctx.params.id !== undefined) {
    if (!ctx.params.id.endsWith(':')) throw badRequest(`Resource not found for the segment '${segments[0] ?? ''}'.`);
    base = ownedItem(ctx, owner, ctx.params.id.slice(0, -1));
  }
  const { path, action } = splitPath(segments);
  const method = ctx.method;
  if ((method === 'PUT' && action === 'content') || (method === 'POST' && action === 'createuploadsession')) {
    const name = path[path.length - 1];
    if (!name) throw badRequest('The path must name a file.', 'invalidRequest');
    const parent = ensureFolders(writeContext(ctx, owner), base, path.slice(0, -1));
    return method === 'PUT' ? simpleUpload(ctx, owner, parent, name) : startUploadSession(ctx, owner, parent, name);
  }
  const item = itemAtPath(ctx.store, base, path);
  if (!item) throw itemNotFound();
  if (method === 'GET' && action === undefined) return itemReply(ctx, item);
  if (method === 'GET' && action === 'content') return contentRedirect(ctx, item);
  if (method === 'GET' && action === 'children') return childrenReply(ctx, item);
  if (method === 'GET' && action === 'permissions') return permissionsReply(ctx, owner, item);
  if (method === 'POST' && action === 'children') return newFolder(ctx, owner, item);
  if (method === 'POST' && action === 'createlink') return linkReply(ctx, item);
  if (method === 'DELETE' && action === undefined) return deleteItem(ctx, item);
  throw badRequest(`The HTTP method '${method}' is not supported on '${action ?? 'the item'}'.`);
}
