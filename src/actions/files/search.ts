import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';
import { driveRoot, fileSummary, ITEM_SELECT, toSummary, type GraphDriveItem } from './items';

export const filesSearchInput = z.object({
  query: z.string().trim().min(1).max(200),
  top: z.number().int().min(1).max(25).default(10),
});
export type FilesSearchInput = z.infer<typeof filesSearchInput>;

export const filesSearchOutput = z.object({ items: z.array(fileSummary), count: z.number().int() });
export type FilesSearchOutput = z.infer<typeof filesSearchOutput>;

/** The `search(q='…')` segment: OData quotes doubled, then URL-encoded. */
export function searchSegment(query: string): string {
  return `search(q='${encodeURIComponent(query.replace(/'/g, "''"))}')`;
}

export function filesSearch(gateway: GraphGateway): ActionSpec<FilesSearchInput, FilesSearchOutput> {
  return {
    name: 'files.search',
    description:
      "Search the requester's OneDrive for files and folders by name and content (all words must match). Returns the best matches first: id, name, folder, webUrl, size, lastModified. Reads metadata only, never file contents.",
    input: filesSearchInput,
    output: filesSearchOutput,
    risk: 'read',
    permissions: { delegated: ['Files.Read'], application: ['Files.Read.All'] },
    editable: [{ name: 'query', label: 'Search for', kind: 'text' }],
    describe(input) {
      const query = display(input.query);
      return {
        title: `Find "${query}" in your OneDrive`,
        target: 'Your OneDrive',
        reads: `Names and details of files in your OneDrive matching "${query}"`,
        fields: [{ label: 'Search for', value: query }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const page = await graph.get<{ value?: GraphDriveItem[] }>(
        `${driveRoot(ctx.actor.id)}/root/${searchSegment(input.query)}`,
        { $top: input.top, $select: ITEM_SELECT },
        { signal: ctx.signal, what: 'your OneDrive' },
      );
      const items = (page.value ?? []).slice(0, input.top).map(toSummary);
      return {
        output: { items, count: items.length },
        provenance: items.map((i) => i.id),
        sources: items.map((i) => ({ id: i.id, title: i.name })),
      };
    },
  };
}
