import { z } from 'zod';
import type { ActionSpec } from '../../engine/catalogue';
import type { GraphGateway } from '../../graph/types';
import { display } from '../common/display';

export const listChannelsInput = z.object({
  teamId: z.string().min(1),
  teamName: z.string().optional(),
});
export type ListChannelsInput = z.infer<typeof listChannelsInput>;

const channel = z.object({ id: z.string(), displayName: z.string(), description: z.string(), webUrl: z.string() });
export const listChannelsOutput = z.object({ channels: z.array(channel), count: z.number().int() });
export type ListChannelsOutput = z.infer<typeof listChannelsOutput>;

interface GraphChannel {
  readonly id: string;
  readonly displayName?: string | null;
  readonly description?: string | null;
  readonly webUrl?: string | null;
}

/** A team has at most a few hundred channels; two pages are plenty for people to pick from. */
const MAX_PAGES = 2;

export function listChannels(gateway: GraphGateway): ActionSpec<ListChannelsInput, ListChannelsOutput> {
  return {
    name: 'teams.listChannels',
    description:
      "List the channels (id, name, description, link) of a team the requester belongs to. Reads only the channels' names, not their messages.",
    input: listChannelsInput,
    output: listChannelsOutput,
    risk: 'read',
    permissions: { delegated: ['Channel.ReadBasic.All'], application: ['Channel.ReadBasic.All'] },
    editable: [],
    describe(input) {
      const team = display(input.teamName) || 'the team';
      return {
        title: `List the channels of ${team}`,
        target: team,
        reads: `The channel names of ${team}`,
        fields: [{ label: 'Team', value: team }],
      };
    },
    async run(input, ctx) {
      const graph = gateway.forUser(ctx.actor);
      const found = await graph.getAll<GraphChannel>(`/teams/${encodeURIComponent(input.teamId)}/channels`, {
        maxPages: MAX_PAGES,
        signal: ctx.signal,
        what: display(input.teamName) || 'the team',
      });
      const channels = found.map((c) => ({
        id: c.id,
        displayName: c.displayName ?? '',
        description: c.description ?? '',
        webUrl: c.webUrl ?? '',
      }));
      return { output: { channels, count: channels.length }, provenance: channels.map((c) => c.id) };
    },
  };
}
