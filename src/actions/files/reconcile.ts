import type { ActionContext } from '../../engine/catalogue';
import { GraphError } from '../../graph/errors';
import type { GraphPort } from '../../graph/types';
import { unzipText } from './formats/limits';
import { xmlUnescape } from './formats/ooxml';
import { pathRef, type GraphDriveItem } from './items';
import { download } from './transfer';
import { STEP_KEY_PROPERTY } from './render';

/** Candidates opened to look for a stamped key, and how large one may be. */
const MAX_OPENED = 5;
const MAX_OPEN_BYTES = 20 * 1024 * 1024;

/** "Report.docx" and the names OneDrive gives it on rename ("Report 1.docx", "Report 2.docx"…). */
export function sameFamily(candidate: string, name: string): boolean {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  return new RegExp(`^${escape(stem)}(?: \\d+)?${escape(ext)}$`, 'i').test(candidate);
}

/** True when a Word file carries `key` in its custom properties. */
function stamped(bytes: Buffer, key: string): boolean {
  try {
    const custom = unzipText(bytes, (n) => n === 'docProps/custom.xml').get('docProps/custom.xml') ?? '';
    const value = new RegExp(`name="${STEP_KEY_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)?.[1];
    return value !== undefined && xmlUnescape(value) === key;
  } catch {
    return false;
  }
}

/**
 * The file an earlier attempt of this step made, if any: in the target folder, named as asked
 * (or as renamed on conflict), and either with exactly the bytes this step writes (same
 * QuickXorHash) or, on a retry, a Word file stamped with this step's key (SharePoint may
 * rewrite an Office file's bytes on upload, so the hash alone is not enough there).
 */
export async function findCreated(
  graph: GraphPort,
  root: string,
  folder: readonly string[],
  name: string,
  hash: string,
  ctx: ActionContext,
): Promise<GraphDriveItem | undefined> {
  const children = folder.length ? `${root}${pathRef(folder.join('/'))}/children` : `${root}/root/children`;
  let items: GraphDriveItem[];
  try {
    items = await graph.getAll<GraphDriveItem>(children, {
      query: { $top: 200, $select: 'id,name,size,webUrl,file,@microsoft.graph.downloadUrl' },
      maxPages: 5,
      signal: ctx.signal,
      what: 'the folder',
    });
  } catch (error) {
    if (error instanceof GraphError && error.status === 404) return undefined;
    throw error;
  }
  const family = items.filter((i) => i.file && sameFamily(i.name ?? '', name));
  const same = family.find((i) => i.file?.hashes?.quickXorHash === hash);
  if (same || ctx.attempt <= 1 || !/\.docx$/i.test(name)) return same;
  for (const candidate of family.slice(0, MAX_OPENED)) {
    const url = candidate['@microsoft.graph.downloadUrl'];
    if (
      url &&
      (candidate.size ?? 0) <= MAX_OPEN_BYTES &&
      stamped(await download(url, MAX_OPEN_BYTES, ctx), ctx.idempotencyKey)
    )
      return candidate;
  }
  return undefined;
}
