import { findUser } from '../directory';
import { checkSelect } from '../odata/query';
import type { SandboxStore } from '../store/store';
import { personOf } from './access';
import { childrenOf, driveIdOf, folderSize, getItem, pathOf, type StoredItem } from './items';

/** Makes the pre-authenticated download URL of a file (`@microsoft.graph.downloadUrl`). */
export type DownloadUrl = (itemId: string) => string;

const identity = (id: string): Record<string, unknown> => {
  const p = personOf(id);
  return { user: { ...(p.email ? { email: p.email } : {}), id: p.id, displayName: p.displayName } };
};

/** The personal site a OneDrive lives on, as SharePoint names it. */
export function personalSite(owner: string): string {
  const upn = findUser(owner)?.userPrincipalName ?? owner;
  return `https://example-my.sharepoint.com/personal/${upn.replace(/[@.]/g, '_')}`;
}

function webUrl(store: SandboxStore, item: StoredItem): string {
  const path = pathOf(store, item).split('/').map(encodeURIComponent).join('/');
  return `${personalSite(item.owner)}/Documents${path}`;
}

/** The driveItem JSON Graph returns for `item`. */
export function itemView(store: SandboxStore, item: StoredItem, download: DownloadUrl): Record<string, unknown> {
  const driveId = driveIdOf(item.owner);
  const parent = item.parentId ? getItem(store, item.parentId) : undefined;
  const view: Record<string, unknown> = {
    '@odata.etag': `"{${item.id}},${item.version}"`,
    ...(item.kind === 'file' ? { '@microsoft.graph.downloadUrl': download(item.id) } : {}),
    createdDateTime: item.created,
    eTag: `"{${item.id}},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.modified,
    name: item.name,
    webUrl: webUrl(store, item),
    cTag: `"c:{${item.id}},${item.version}"`,
    size: item.kind === 'file' ? item.size : folderSize(store, item),
    createdBy: identity(item.createdBy),
    lastModifiedBy: identity(item.modifiedBy),
    parentReference: parent
      ? {
          driveType: 'business',
          driveId,
          id: parent.id,
          name: parent.kind === 'root' ? 'Documents' : parent.name,
          path: `/drive/root:${pathOf(store, parent)}`,
        }
      : { driveType: 'business', driveId },
    fileSystemInfo: { createdDateTime: item.created, lastModifiedDateTime: item.modified },
  };
  if (item.kind === 'file')
    view.file = {
      mimeType: item.mimeType ?? 'application/octet-stream',
      hashes: { quickXorHash: item.quickXorHash ?? '' },
    };
  else view.folder = { childCount: childrenOf(store, item.id).length };
  if (item.kind === 'root') view.root = {};
  return view;
}

/**
 * `$select` for drive items: the fields asked for (Graph always keeps `@odata.etag`). A name
 * driveItem does not have is refused with 400, as Graph does; instance annotations
 * (`@microsoft.graph.downloadUrl`) may be selected.
 */
export function selectItem(view: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return view;
  checkSelect(select, 'driveItem');
  const wanted = new Set(
    select
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  wanted.add('@odata.etag');
  return Object.fromEntries(Object.entries(view).filter(([k]) => wanted.has(k.toLowerCase())));
}
