import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { driveRoot, fileSummary, ITEM_SELECT, toSummary, type GraphDriveItem } from './items';

export const filesListRecentInput = z.object({ top: z.number().int().min(1).max(25).default(10) });
export type FilesListRecentInput = z.infer<typeof filesListRecentInput>;

export const filesListRecentOutput = z.object({ items: z.array(fileSummary), count: z.number().int() });
export type FilesListRecentOutput = z.infer<typeof filesListRecentOutput>;

export function filesListRecent(gateway: GraphGateway): ActionSpec<FilesListRecentInput, FilesListRecentOutput> {
  return {
    name: 'files.listRecent',
    description:
      'List the files the requester used most recently in OneDrive, newest first (id, name, folder, webUrl, lastModified). Metadata only.',
    input: filesListRecentInput,
    output: filesListRecentOutput,
    risk: 'read',
    // Graph: drive/recent is delegated only (and deprecated, to be removed in November 2027).
    permissions: { delegated: ['Files.Read'], application: [] },
    editable: [{ name: 'top', label: 'How many', kind: 'number' }],
    describe(input) {
      const top = display(input.top ?? 10);
      return {
        title: 'List your recent files',
        target: 'Your OneDrive',
        reads: `Names and details of your ${top} most recent files`,
        fields: [{ label: 'How many', value: top }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const page = await graph.get<{ value?: GraphDriveItem[] }>(
        `${driveRoot(ctx.actor.id)}/recent`,
        { $top: input.top, $select: ITEM_SELECT },
        { signal: ctx.signal, what: 'your OneDrive' },
      );
      const items = (page.value ?? [])
        .filter((i) => !i.folder)
        .slice(0, input.top)
        .map(toSummary);
      return { output: { items, count: items.length }, provenance: items.map((i) => i.id) };
    },
  };
}
