import { SANDBOX_DIRECTORY, findUser, type SandboxUser } from '../directory';
import type { RequestContext } from '../context';
import { GraphError, notFound } from '../errors';
import { isoSeconds } from '../time';
import { driveIdOf, ensureRoot, getItem, type StoredItem } from './items';

/** OneDrive's error codes are lower camel case, unlike Exchange's. */
export const itemNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'The resource could not be found.');
export const driveAccessDenied = (): GraphError => new GraphError(403, 'accessDenied', 'Access denied');

/**
 * The owner of the drive at `/users/{user}/drive/…` or `/drives/{drive}/…`. A user may only
 * reach their own OneDrive; the application reaches any (Files.ReadWrite.All application permission).
 */
export function driveOwner(ctx: RequestContext): SandboxUser {
  const owner = ctx.params.drive !== undefined ? ownerOfDrive(ctx.params.drive) : findUser(ctx.params.user ?? '');
  if (!owner) {
    throw ctx.params.drive !== undefined
      ? notFound('The requested drive could not be found.', 'itemNotFound')
      : notFound(`User '${ctx.params.user ?? ''}' was not found.`, 'ResourceNotFound');
  }
  if (ctx.caller.kind === 'user' && ctx.caller.user.id !== owner.id) throw driveAccessDenied();
  return owner;
}

function ownerOfDrive(driveId: string): SandboxUser | undefined {
  return SANDBOX_DIRECTORY.users.find((u) => driveIdOf(u.id) === driveId);
}

/** The drive's root, provisioned on first access like a OneDrive. */
export function driveRoot(ctx: RequestContext, owner: SandboxUser): StoredItem {
  return ensureRoot(ctx.store, owner, isoSeconds(ctx.now));
}

/** An item of this drive by id (`root` is an alias Graph accepts), or 404. */
export function ownedItem(ctx: RequestContext, owner: SandboxUser, id: string): StoredItem {
  if (id.toLowerCase() === 'root') return driveRoot(ctx, owner);
  const item = getItem(ctx.store, id);
  if (!item || item.owner !== owner.id) throw itemNotFound();
  return item;
}

/** The directory user behind an object id (for createdBy/lastModifiedBy and permissions). */
export function personOf(id: string): { id: string; displayName: string; email?: string } {
  const user = findUser(id);
  if (user) return { id: user.id, displayName: user.displayName, email: user.mail };
  return { id, displayName: id === SANDBOX_DIRECTORY.app.id ? SANDBOX_DIRECTORY.app.displayName : 'Unknown' };
}

/** Who is writing: the signed-in user, or the drive's owner when the application writes. */
export function writerId(ctx: RequestContext, owner: SandboxUser): string {
  return ctx.caller.kind === 'user' ? ctx.caller.user.id : owner.id;
}
