import type { SandboxUser } from '../directory';
import type { RequestContext } from '../context';
import { metadata } from '../routes/shared';
import { driveRoot } from './access';
import { driveIdOf, folderSize } from './items';
import { personalSite } from './view';

const QUOTA = 1024 ** 4;

/** The `drive` resource of a user's OneDrive. */
export function driveView(ctx: RequestContext, owner: SandboxUser): Record<string, unknown> {
  const root = driveRoot(ctx, owner);
  const used = folderSize(ctx.store, root);
  return {
    '@odata.context': metadata(ctx, 'drives/$entity'),
    createdDateTime: root.created,
    description: '',
    id: driveIdOf(owner.id),
    lastModifiedDateTime: root.modified,
    name: 'OneDrive',
    webUrl: `${personalSite(owner.id)}/Documents`,
    driveType: 'business',
    createdBy: { user: { displayName: 'System Account' } },
    owner: { user: { email: owner.mail, id: owner.id, displayName: owner.displayName } },
    quota: { deleted: 0, remaining: QUOTA - used, state: 'normal', total: QUOTA, used },
  };
}
