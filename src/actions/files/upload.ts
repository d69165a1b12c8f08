import type { ActionContext } from '../../engine/catalogue';
import { GraphError } from '../../graph/errors';
import type { GraphPort } from '../../graph/types';
import { pathRef, type GraphDriveItem } from './items';
import type { CreatableFormat } from './render';
import { nameTaken, uploadFragments } from './transfer';

/**
 * Largest file sent in one simple upload. Graph v1.0 takes up to 250 MB that way, but one PUT is
 * all or nothing: Microsoft recommends an upload session above 4 MB, which resumes after a lost
 * fragment instead of resending everything.
 */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;

/** What to do when the name is taken (`@microsoft.graph.conflictBehavior`). */
export type Conflict = 'fail' | 'replace' | 'rename';

const CONTENT_TYPE: Readonly<Record<CreatableFormat, string>> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Where and how to write: `root` is the drive (`/users/{id}/drive`), `path` the file's place in it. */
export interface UploadTarget {
  readonly root: string;
  readonly path: string;
  readonly name: string;
  readonly format: CreatableFormat;
  readonly conflict: Conflict;
}

/** Run `write`, turning Graph's 409 (the name is taken and conflictBehavior is fail) into our conflict error. */
async function refusingTakenName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof GraphError && error.status === 409) throw nameTaken();
    throw error;
  }
}

/**
 * Write `bytes` to the target: one PUT up to {@link SIMPLE_UPLOAD_MAX}, an upload session above.
 * Only a replace converges when replayed, so only it is retried by the gateway after an
 * ambiguous failure; for fail and rename that failure ends the attempt and the next attempt
 * reconciles (finds the file by hash or stamped key) before writing again.
 */
export async function upload(
  graph: GraphPort,
  target: UploadTarget,
  bytes: Buffer,
  ctx: ActionContext,
): Promise<GraphDriveItem> {
  const at = `${target.root}${pathRef(target.path)}`;
  if (bytes.length <= SIMPLE_UPLOAD_MAX) {
    return refusingTakenName(() =>
      graph.put<GraphDriveItem>(`${at}/content?@microsoft.graph.conflictBehavior=${target.conflict}`, bytes, {
        contentType: CONTENT_TYPE[target.format],
        idempotent: target.conflict === 'replace',
        signal: ctx.signal,
        what: 'your OneDrive',
      }),
    );
  }
  const session = await refusingTakenName(() =>
    graph.post<{ uploadUrl: string }>(
      `${at}/createUploadSession`,
      { item: { '@microsoft.graph.conflictBehavior': target.conflict, name: target.name } },
      { signal: ctx.signal, what: 'your OneDrive' },
    ),
  );
  return uploadFragments<GraphDriveItem>(session.uploadUrl, bytes, ctx);
}
