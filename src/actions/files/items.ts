import { z } from 'zod';

/** A driveItem as these actions read it (only the fields they select). */
export interface GraphDriveItem {
  readonly id: string;
  readonly name?: string | null;
  readonly webUrl?: string | null;
  readonly size?: number | null;
  readonly lastModifiedDateTime?: string | null;
  readonly file?: {
    readonly mimeType?: string | null;
    readonly hashes?: { readonly quickXorHash?: string | null } | null;
  } | null;
  readonly folder?: { readonly childCount?: number | null } | null;
  readonly parentReference?: { readonly path?: string | null } | null;
  readonly '@microsoft.graph.downloadUrl'?: string | null;
}

/** The fields the list actions select. */
export const ITEM_SELECT = 'id,name,webUrl,size,lastModifiedDateTime,file,folder,parentReference';

/** A file or folder found in OneDrive, as plans and cards use it. */
export const fileSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'folder']),
  /** The folder it is in, e.g. "Documents/Planning" ('' for the top of the drive). */
  folder: z.string(),
  webUrl: z.string(),
  size: z.number().int().nonnegative(),
  lastModified: z.string(),
  mimeType: z.string().optional(),
});
export type FileSummary = z.infer<typeof fileSummary>;

/** `/drive/root:/Documents/Planning` → `Documents/Planning`. */
function folderOf(path: string | null | undefined): string {
  const raw = (path ?? '').replace(/^\/drive(?:s\/[^/]+)?\/root:?/, '').replace(/^\//, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function toSummary(item: GraphDriveItem): FileSummary {
  return {
    id: item.id,
    name: item.name ?? '(no name)',
    kind: item.folder ? 'folder' : 'file',
    folder: folderOf(item.parentReference?.path),
    webUrl: item.webUrl ?? '',
    size: Math.max(0, Math.trunc(item.size ?? 0)),
    lastModified: item.lastModifiedDateTime ?? '',
    ...(item.file?.mimeType ? { mimeType: item.file.mimeType } : {}),
  };
}

/** The requester's own OneDrive: `/users/{id}/drive` works for delegated and app identity alike. */
export const driveRoot = (actorId: string): string => `/users/${encodeURIComponent(actorId)}/drive`;

/** `Documents/Contoso summary.docx` → `/root:/Documents/Contoso%20summary.docx:` (each segment encoded). */
export function pathRef(path: string): string {
  return `/root:/${path.split('/').filter(Boolean).map(encodeURIComponent).join('/')}:`;
}
