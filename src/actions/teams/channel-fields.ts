import { z } from 'zod';
import type { Destination } from '../../engine/catalogue';
import { display } from '../common/display';

/** The fields that name a channel, as the planner resolves them (ids for Graph, names for cards). */
export const channelFields = {
  teamId: z.string().min(1),
  channelId: z.string().min(1),
  channelName: z.string(),
  teamName: z.string(),
};

/** "My Team › General", with stand-ins while a name is unknown. */
export function place(input: Record<string, unknown>): string {
  return `${display(input.teamName) || 'the team'} › ${display(input.channelName) || 'the channel'}`;
}

/** `/teams/{team}/channels/{channel}/messages`. */
export function channelMessagesPath(input: { readonly teamId: string; readonly channelId: string }): string {
  return `/teams/${encodeURIComponent(input.teamId)}/channels/${encodeURIComponent(input.channelId)}/messages`;
}

/** The channel a write posts to, for the guards. */
export function channelDestination(input: Record<string, unknown>): Destination[] {
  return typeof input.teamId === 'string' && typeof input.channelId === 'string'
    ? [
        {
          kind: 'channel',
          value: `${input.teamId}/${input.channelId}`,
          label: typeof input.channelName === 'string' ? input.channelName : undefined,
          field: 'channelId',
        },
      ]
    : [];
}
