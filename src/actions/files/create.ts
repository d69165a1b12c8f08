import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { describeCreate } from './create-describe';
import { driveRoot, type GraphDriveItem } from './items';
import { quickXorHash } from './quick-xor-hash';
import { findCreated } from './reconcile';
import { formatOfPath, renderFile } from './render';
import { upload } from './upload';

const SEGMENT = /^[^"*:<>?\\|]+$/;

export const filesCreateInput = z.object({
  /** Where in the requester's OneDrive, e.g. `Contoso summary.docx` or `Documents/Reports/Q3.md`. */
  path: z
    .string()
    .trim()
    .min(3)
    .max(400)
    .refine(
      (p) => p.split('/').every((s) => s.length > 0 && SEGMENT.test(s) && s.trim() === s),
      'not a valid OneDrive path',
    )
    .refine((p) => formatOfPath(p) !== undefined, 'the file name must end in .docx, .md or .txt'),
  content: z.string().min(1).max(20_000_000),
  /** What to do when the name is taken: fail (default), replace the file, or rename the new one ("name 1.docx"). */
  conflictBehavior: z.enum(['fail', 'replace', 'rename']).default('fail'),
});
export type FilesCreateInput = z.infer<typeof filesCreateInput>;

export const filesCreateOutput = z.object({
  itemId: z.string(),
  name: z.string(),
  path: z.string(),
  webUrl: z.string(),
  size: z.number().int(),
  /** False when an earlier attempt of this step had already created the file. */
  created: z.boolean(),
});
export type FilesCreateOutput = z.infer<typeof filesCreateOutput>;

const split = (path: string): { folder: string[]; name: string } => {
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop() ?? path;
  return { folder: parts, name };
};

export function filesCreate(gateway: GraphGateway): ActionSpec<FilesCreateInput, FilesCreateOutput> {
  return {
    name: 'files.create',
    description:
      "Create a document in the requester's OneDrive from text: .docx (Word; '#'/'##' lines become headings, '-' lines bullets), .md or .txt. path is the file's place and name in OneDrive (folders are created as needed); conflictBehavior says what happens if the name is taken: fail, replace or rename. Creates the file once per step, even when retried.",
    input: filesCreateInput,
    output: filesCreateOutput,
    risk: 'write-internal',
    permissions: { delegated: ['Files.ReadWrite'], application: ['Files.ReadWrite.All'] },
    literalFields: ['path', 'conflictBehavior'],
    editable: [
      { name: 'path', label: 'File (folder/name)', kind: 'text' },
      { name: 'conflictBehavior', label: 'If the name is taken (fail, replace or rename)', kind: 'text' },
      { name: 'content', label: 'Content', kind: 'multiline' },
    ],
    describe: describeCreate,
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const root = driveRoot(ctx.actor.id);
      const { folder, name } = split(input.path);
      const format = formatOfPath(name) ?? 'txt';
      const bytes = renderFile(format, input.content, {
        title: name.replace(/\.[^.]+$/, ''),
        author: ctx.actor.name,
        key: ctx.idempotencyKey,
      });
      const hash = quickXorHash(bytes);
      const done = (item: GraphDriveItem, created: boolean): { output: FilesCreateOutput; provenance: string[] } => ({
        output: {
          itemId: item.id,
          name: item.name ?? name,
          path: [...folder, item.name ?? name].join('/'),
          webUrl: item.webUrl ?? '',
          size: item.size ?? bytes.length,
          created,
        },
        provenance: [],
      });
      const existing = await findCreated(graph, root, folder, name, hash, ctx);
      if (existing) return done(existing, false);
      const target = { root, path: input.path, name, format, conflict: input.conflictBehavior };
      return done(await upload(graph, target, bytes, ctx), true);
    },
  };
}
