import type { StepDraft } from '../../engine/ports';
import { draft, type StepRef } from '../actions';
import type { ChannelRef } from '../directory';

/** The step that posts `text` (usually a reference to a summary) to a resolved channel. */
export function channelPost(channel: ChannelRef, text: string | StepRef): StepDraft {
  return draft(
    'teams.postChannelMessage',
    {
      teamId: channel.teamId,
      channelId: channel.channelId,
      channelName: channel.channelName,
      teamName: channel.teamName,
      text,
    },
    `Post the summary to ${channel.channelName} in ${channel.teamName}.`,
  );
}
